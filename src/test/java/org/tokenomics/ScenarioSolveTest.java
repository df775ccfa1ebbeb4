package org.tokenomics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scenarios, overrides and goal seek (LANGUAGE.md §7) through the API. */
class ScenarioSolveTest {
  static final String SOURCE = """
      param price = 10 $/Mtok
      param cost = 4 $/Mtok
      let margin = 1 - cost / price
      scenario bad { cost = 6 $/Mtok }
      scenario both { cost = 5 $/Mtok; price = 20 $/Mtok }
      solve breakeven for price so that margin == 0 % within 0.5 $/Mtok to 100 $/Mtok
      solve half for price so that margin == 50 % within 0.5 $/Mtok to 100 $/Mtok
      report margin as %
      report breakeven as $/Mtok
      report half as $/Mtok
      """;

  final Model model = TestModels.compile(SOURCE);

  @Test
  void scenariosOverrideParams() {
    assertEquals(60, model.evaluate().value("margin").in("%"), 1e-9);
    assertEquals(40, model.evaluate(Scenario.named("bad")).value("margin").in("%"), 1e-9);
    assertEquals(75, model.evaluate(Scenario.named("both")).value("margin").in("%"), 1e-9);
    assertEquals(java.util.List.of("bad", "both"), model.scenarios());
    assertThrows(IllegalArgumentException.class, () -> model.evaluate(Scenario.named("bda")));
  }

  @Test
  void solvesAreExactToTheSolverTolerance() {
    Evaluation e = model.evaluate();
    assertEquals(4, e.value("breakeven").in("$/Mtok"), 1e-9);
    assertEquals(8, e.value("half").in("$/Mtok"), 1e-9);
    assertEquals(6, model.evaluate(Scenario.named("bad")).value("breakeven").in("$/Mtok"), 1e-9);
    // substituted back, the equation holds
    double half = e.value("half").in("$/Mtok");
    assertEquals(50, model.evaluate(Map.of("price", half + " $/Mtok")).value("margin").in("%"), 1e-9);
  }

  @Test
  void overridesAreChecked() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> model.evaluate(Map.of("margin", "10 %")));
    assertTrue(e.getMessage().contains("TOK403"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> model.evaluate(Map.of("cost", "4 GW")));
    assertTrue(e.getMessage().contains("TOK300"), e.getMessage());
    Compilation bad = TestModels.TOK.compile("t.tok", "param a = 1\nlet b = a\nscenario sc { b = 2 }\nreport b\n");
    assertFalse(bad.ok());
    assertEquals("TOK403", bad.diagnostics().get(0).code());
  }

  @Test
  void noSignChangeIsTok502() {
    Model m = TestModels.compile("param x = 1\nsolve sol for x so that x * x == -1 within 0 to 10\nreport sol\n");
    EvaluationException e = assertThrows(EvaluationException.class, m::evaluate);
    assertEquals("TOK502", e.diagnostic().code());
  }
}

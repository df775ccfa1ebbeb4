package org.tokenomics.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tokenomics.Evaluation;
import org.tokenomics.Model;
import org.tokenomics.Tok;

/** {@code report NAME = EXPR} also declares NAME (LANGUAGE.md §4, v2). */
class NamedReportsTest {
  private static final String MODEL = """
      timeline 2026 to 2030 yearly
      param rate = 8 %
      let flows = $13B/yr * dt
      report npv8 = npv(flows, rate, initial: $50B) as $B
      report twice = npv8 * 2 as $B
      let half = npv8 / 2
      report half as $B
      assert npv8 > $0 "the deal pays at 8 %"
      solve breakeven for rate so that npv8 == $0 within 0 % to 100 %
      report breakeven as %
      scenario dear { rate = 12 % }
      """;

  @Test
  void aNamedReportIsUsedByLetsAssertsReportsAndSolve() {
    Model m = Tok.model(MODEL);
    Evaluation e = m.evaluate();
    double npv = e.value("npv8").in("$B");
    assertEquals(13 * (1 - Math.pow(1.08, -5)) / 0.08 - 50, npv, 1e-9);
    assertEquals(2 * npv, e.value("twice").in("$B"), 1e-9);
    assertEquals(npv / 2, e.value("half").in("$B"), 1e-9);
    assertTrue(e.assertions().get(0).ok());
    double irr = e.value("breakeven").in("");
    assertEquals(50, 13 * (1 - Math.pow(1 + irr, -5)) / irr, 1e-6, "the solve's rate makes npv8 zero");
    // scenarios and --set reach it through its inputs
    Evaluation dear = m.evaluate(org.tokenomics.Scenario.named("dear"), Map.of());
    assertFalse(dear.assertions().get(0).ok(), "at 12 % the deal does not pay");
    assertEquals(2 * dear.value("npv8").in("$B"), dear.value("twice").in("$B"), 1e-9);
  }

  @Test
  void aNamedReportIsExplained() {
    var x = Tok.model(MODEL).explain("twice", 3, org.tokenomics.Scenario.BASE, Map.of());
    assertEquals("npv8", x.inputs().get(0).name());
  }

  @Test
  void aClashIsTok201AtTheNameAndAnUnnamedReportDeclaresNothing() {
    assertEquals(List.of("TOK201"), Tok.codes("let x = 1\nreport x = 2"));
    assertEquals(List.of("TOK201"), Tok.codes("report y = 1\nreport y = 2"));
    assertEquals(List.of("TOK200"), Tok.codes("report 2 * 3\nlet z = six"));
    assertTrue(Tok.codes("let x = 1\nreport x\nreport x * 2").isEmpty(), "a bare name and an expression name nothing new");
    // a report named like a unit stays a report (as in v1) and declares nothing: s is still seconds
    Evaluation e = Tok.eval("report s = 2 h as s\nreport u = 3 * s as s");
    assertEquals(7200, e.value("s").in("s"), 1e-9);
    assertEquals(3, e.value("u").in("s"), 1e-12);
  }
}

package org.tokenomics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What {@link Model}'s methods check before they run (their arguments first, then the overrides),
 * and how they list params: the parts of the facade that live in {@code ModelRuns},
 * {@code ModelNames} and {@code SimulationRuns}.
 */
class ModelArgumentsTest {
  private static final Model MODEL = Tokenomics.standard().compile("args.tok", """
      timeline 2026 to 2028 yearly
      param start: date = 2026-07-16
      param on = true
      param price = $2/GPU/h
      param load = 70 %
      report revenue = price * load * 1000 GPU
      """).model();

  private static final Map<String, String> BAD = Map.of("price", "3 GW");

  @Test
  void argumentsAreCheckedBeforeTheOverrides() {
    assertEquals("depth must be 0 or more, got -1", assertThrows(IllegalArgumentException.class,
        () -> MODEL.explain("revenue", -1, Scenario.BASE, BAD)).getMessage());
    assertEquals("a slice needs a first point and a count of 0 or more, got -1 and 2", assertThrows(
        IllegalArgumentException.class, () -> MODEL.sweep(List.of(new Sweep.Vary("load", "50 %", "90 %", 3)),
            Scenario.BASE, BAD, -1, 2)).getMessage());
    assertEquals("a part needs a first sample of 0 or more and a count of 1 or more, got 0 and 0", assertThrows(
        IllegalArgumentException.class, () -> MODEL.simulatePart(Scenario.BASE, BAD, 0, 0, 1L,
            SimulationOptions.DEFAULT)).getMessage());
    // with good arguments the bad override is what is reported
    IllegalArgumentException override = assertThrows(IllegalArgumentException.class,
        () -> MODEL.explain("revenue", 1, Scenario.BASE, BAD));
    assertTrue(override.getMessage().contains("price"), override.getMessage());
  }

  @Test
  void explainSaysWhyThereIsNoTree() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MODEL.explain("revenu", 0, Scenario.BASE, Map.of()));
    assertTrue(e.getMessage().contains("no report or value named 'revenu'; did you mean revenue"), e.getMessage());
  }

  @Test
  void paramsCarryTheirUnitsAsTokWritesThem() {
    assertEquals(List.of("start:date", "on:bool", "price:$/GPU/yr", "load:"),
        MODEL.params().stream().map(p -> p.name() + ":" + p.unit()).toList());
    assertEquals(List.of("revenue"), MODEL.reportNames());
    assertEquals(List.of("price"), MODEL.reporting(List.of("price")).reportNames());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> MODEL.reporting(List.of("prise"))).getMessage()
        .endsWith("did you mean 'price'?"));
  }

  @Test
  void tryEvaluateKeepsTheErrorsEvaluateThrows() {
    Model m = Tokenomics.standard().compile("err.tok", """
        param d = 0 GPU
        report per = $10 / d
        report ok = $1
        """).model();
    Evaluation e = m.tryEvaluate(Scenario.BASE, Map.of());
    assertEquals(1, e.errors().size());
    assertEquals(1.0, e.value("ok").in("$"), 0);
    EvaluationException thrown = assertThrows(EvaluationException.class, m::evaluate);
    assertEquals(e.errors().get(0).code(), thrown.diagnostic().code());
  }
}

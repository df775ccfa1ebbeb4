package org.tokenomics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.tokenomics.spi.RunReport;

/** The API the command line runs on: lenient evaluation, override checks, reports, options, formatting. */
class ApiToolsTest {
  private static final String SOURCE = """
      timeline 2026 to 2028 yearly
      param price = $2/GPU
      param units = uniform(10 GPU, 20 GPU)
      param zero = 0 GPU
      let revenue = price * units / 1 yr
      report revenue as $/yr
      report per_zero = revenue / zero
      let total = sum(revenue * dt)
      report total as $
      assert revenue > $0/yr "revenue positive"
      assert total < $10 "too small"
      scenario bull { price = $3/GPU }
      """;

  private final Model model = Tokenomics.standard().compile("t.tok", SOURCE).model();

  @Test
  void tryEvaluateKeepsTheReportsThatWorkAndListsTheErrors() {
    assertThrows(EvaluationException.class, () -> model.evaluate());
    Evaluation e = model.tryEvaluate(Scenario.named("bull"), Map.of("units", "10 GPU"));
    assertEquals(List.of("revenue", "total"), e.reportNames());
    assertEquals(30, e.value("revenue").series("$/yr")[0], 1e-9);
    assertEquals("TOK500", e.errors().get(0).code());
    EvaluationException x = assertThrows(EvaluationException.class, () -> e.value("per_zero"));
    assertEquals("TOK500", x.diagnostic().code());
    assertEquals(List.of("revenue", "per_zero", "total"), model.reportNames());
  }

  @Test
  void checkListsEveryOverrideProblemWithoutEvaluating() {
    assertTrue(model.check(Map.of("price", "$5/GPU")).isEmpty());
    List<Diagnostic> problems = model.check(Map.of("price", "5 GW", "nope", "1"));
    assertEquals(2, problems.size(), problems::toString);
    assertTrue(problems.stream().allMatch(Diagnostic::isError));
    assertThrows(IllegalArgumentException.class, () -> model.evaluate(Scenario.BASE, Map.of("price", "5 GW")));
  }

  @Test
  void runReportsHoldValuesStatisticsAndTheDiagnosticsOfFailures() {
    Evaluation e = model.tryEvaluate(Scenario.BASE, Map.of("zero", "1 GPU"));
    AtomicLong seen = new AtomicLong();
    Simulation s = model.simulate(Scenario.BASE, Map.of("zero", "1 GPU"), 2_000, 7,
        SimulationOptions.DEFAULT.withThreads(1).withProgress((done, total) -> seen.set(total)));
    RunReport r = RunReports.builder("t.tok", model.periods()).add(e, s, List.of(0.05, 0.5)).build();
    RunReport.Report revenue = r.runs().get(0).reports().get(0);
    assertEquals("$/yr", revenue.unit());
    assertEquals(List.of("mean", "p5", "p50", "se", "below_zero"), List.copyOf(revenue.stats().keySet()));
    assertEquals(model.simulate(2_000, 7).quantile("revenue", 0.5).series("$/yr")[0], revenue.stats().get("p50")[0], 1e-9);
    assertTrue(seen.get() == 0 || seen.get() == 2_000);
    RunReport.Message failed = r.diagnostics().stream().filter(m -> m.code().equals("TOK501")).findFirst().orElseThrow();
    assertTrue(failed.rendered().contains("too small"), failed.rendered());
    assertFalse(r.runs().get(0).assertions().get(1).ok());
    assertThrows(IllegalArgumentException.class, () -> new SimulationOptions(-1, (d, t) -> { }, () -> false));
  }

  @Test
  void aCancelledSimulationStopsWithCancellationException() {
    AtomicLong asked = new AtomicLong();
    SimulationOptions cancel = SimulationOptions.DEFAULT.withThreads(2).withCancellation(() -> asked.incrementAndGet() > 0);
    assertThrows(java.util.concurrent.CancellationException.class,
        () -> model.simulate(Scenario.BASE, Map.of("zero", "1 GPU"), 100_000, 1, cancel));
    assertTrue(asked.get() >= 1);
    assertEquals(100_000, model.simulate(Scenario.BASE, Map.of("zero", "1 GPU"), 100_000, 1,
        SimulationOptions.DEFAULT.withCancellation(() -> false)).samples());
  }

  @Test
  void formatLaysOutOrExplainsWhyNot() {
    Formatted f = Tokenomics.format("f.tok", "param   a=1\nlet b   = a*2\n");
    assertTrue(f.ok());
    assertEquals("param a = 1\nlet b = a*2\n", f.text());
    Formatted bad = Tokenomics.format("f.tok", "let = \n");
    assertFalse(bad.ok());
    assertEquals("TOK100", bad.diagnostics().get(0).code());
  }

  @Test
  void valuesSayWhetherTheyAreNumbers() {
    Evaluation e = model.tryEvaluate(Scenario.BASE, Map.of());
    assertTrue(e.value("revenue").isNumber());
    assertThrows(IllegalArgumentException.class, () -> Limits.DEFAULT.withMaxNodes(0));
  }

  @Test
  void sensitivityRanksEachUncertainParamAtItsP5AndP95() {
    Sensitivity t = model.sensitivity("revenue", Scenario.BASE, Map.of());
    assertTrue(t.ok(), t.diagnostics()::toString);
    assertEquals("$/yr", t.unit());
    assertEquals(30, t.base(), 1e-9);
    Sensitivity.Bar units = t.bars().get(0);
    assertEquals("units", units.param());
    assertEquals(10.5, units.low(), 1e-9);
    assertEquals(21, units.outputAtLow(), 1e-9);
    assertEquals(39, units.outputAtHigh(), 1e-9);
    assertEquals(18, units.swing(), 1e-9);
    Sensitivity bull = model.sensitivity("revenue", Scenario.named("bull"), Map.of());
    assertEquals(45, bull.base(), 1e-9);
    Sensitivity none = model.sensitivity("revenu", Scenario.BASE, Map.of());
    assertFalse(none.ok());
    assertEquals("TOK200", none.diagnostics().get(0).code());
  }

  @Test
  void sweepEvaluatesEveryReportAtEveryPoint() {
    Sweep s = model.sweep(List.of(Sweep.Vary.parse("price=$1/GPU..$3/GPU:3")), Scenario.BASE, Map.of("zero", "1 GPU"));
    assertTrue(s.ok(), s.diagnostics()::toString);
    assertEquals("$/GPU", s.axes().get(0).unit());
    assertEquals(3, s.axes().get(0).values()[2], 1e-9);
    assertEquals(3, s.points().size());
    assertEquals(45, s.points().get(2).values().get(0)[0], 1e-9);
    assertEquals("$/yr", s.reports().get(0).unit());
    Sweep failing = model.sweep(List.of(Sweep.Vary.parse("price=$1/GPU..$3/GPU:2")), Scenario.BASE, Map.of());
    assertTrue(failing.ok());
    assertEquals("TOK500", failing.points().get(0).error().code());
    assertEquals(null, failing.points().get(0).values().get(1));
    Sweep bad = model.sweep(List.of(new Sweep.Vary("price", "1 GW", "2 GW", 2)), Scenario.BASE, Map.of());
    assertFalse(bad.ok());
    assertThrows(IllegalArgumentException.class, () -> Sweep.Vary.parse("price=1..2"));
  }

  @Test
  void explainGivesTheDerivationTree() {
    Explanation e = model.explain("total", 3, Scenario.BASE, Map.of());
    assertEquals("number", e.kind());
    assertEquals(90, e.values()[0], 1e-9); // 30 $/yr over three yearly periods, in $
    assertTrue(e.inputs().stream().anyMatch(i -> i.name().equals("revenue")), e::toString);
    Explanation shallow = model.explain("total", 0, Scenario.BASE, Map.of());
    assertTrue(shallow.inputs().isEmpty());
    IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
        () -> model.explain("totl", 3, Scenario.BASE, Map.of()));
    assertTrue(x.getMessage().contains("did you mean total"), x.getMessage());
  }

  @Test
  void aReportWithoutAsIsShownInAUnitThatReadsWellAndExplainAgrees() {
    Model m = Tokenomics.standard().compile("p.tok", """
        param chips = 1_000_000 GPU
        param power = 2000 W/GPU
        let total = chips * power
        report total
        report written = total as W
        """).model();
    Evaluation e = m.evaluate();
    assertEquals("GW", e.value("total").unit());
    assertEquals(2, e.value("total").values()[0], 1e-12);
    assertEquals("W", e.value("written").unit());
    RunReport r = RunReports.builder("p.tok", m.periods()).add(e).build();
    assertEquals("GW", r.runs().get(0).reports().get(0).unit());
    assertEquals("W", r.runs().get(0).reports().get(1).unit());
    assertEquals("GW", m.explain("total", 1, Scenario.BASE, Map.of()).unit());
    assertEquals("W", m.explain("written", 1, Scenario.BASE, Map.of()).unit());
  }
}

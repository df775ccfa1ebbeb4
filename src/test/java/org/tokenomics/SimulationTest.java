package org.tokenomics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SimulationTest {
  static final String SOURCE = """
      timeline 2026 to 2030 yearly
      param capex_per_gw = uniform($40B/GW, $60B/GW)
      param margin = pert(30 %, 50 %, 60 %)
      param discount = 8 %
      let capex = capex_per_gw * 1 GW
      let revenue = if year >= 2028 then capex / 5 yr / (1 - margin) else $0/yr
      report revenue as $B/yr
      report npv = npv(revenue * dt, discount, initial: capex) as $B
      assert margin < 55 % "margin below 55%"
      scenario cheap { capex_per_gw = $30B/GW }
      scenario wide { capex_per_gw = uniform($20B/GW, $80B/GW) }
      """;

  final Model model = TestModels.compile(SOURCE);

  @Test
  void quantilesAndMeansInAnyUnit() {
    Simulation mc = model.simulate(5_000, 42L);
    assertEquals(5_000, mc.samples());
    assertEquals(42L, mc.seed());
    assertEquals(List.of("capex_per_gw", "margin"), mc.uncertainParams());
    double p5 = mc.quantile("npv", 0.05).in("$B");
    double p50 = mc.quantile("npv", 0.5).in("$B");
    double p95 = mc.quantile("npv", 0.95).in("$B");
    assertTrue(p5 <= p50 && p50 <= p95);
    assertEquals(p50 * 1000, mc.quantile("npv", 0.5).in("$M"), 1e-6);
    double mean = mc.mean("npv").in("$B");
    assertTrue(mean > p5 && mean < p95);
    double[] path = mc.mean("revenue").series("$B/yr");
    assertEquals(5, path.length);
    assertEquals(0, path[0]);
    assertTrue(path[4] > 15 && path[4] < 30, "revenue " + path[4]);
    assertTrue(mc.mean("revenue").isSeries());
  }

  @Test
  void sameSeedSameNumbersDifferentSeedDifferentNumbers() {
    assertEquals(model.simulate(1_000, 7L).quantile("npv", 0.05).in("$B"),
        model.simulate(1_000, 7L).quantile("npv", 0.05).in("$B"));
    assertTrue(model.simulate(1_000, 7L).mean("npv").in("$B") != model.simulate(1_000, 8L).mean("npv").in("$B"));
  }

  @Test
  void assertionsReportTheirFailedShare() {
    Simulation mc = model.simulate(4_000, 1L);
    AssertionResult a = mc.assertions().get(0);
    assertFalse(a.ok());
    assertTrue(a.failedShare() > 0.05 && a.failedShare() < 0.5, "share " + a.failedShare());
    assertEquals(a.failedShare(), mc.failedShare("margin below 55%"));
    assertEquals(a.failedShare(), mc.failedShare(a.line()));
    assertThrows(IllegalArgumentException.class, () -> mc.failedShare("no such message"));
    assertTrue(mc.errors().isEmpty());
  }

  @Test
  void scenariosAndOverrides() {
    Simulation cheap = model.simulate(Scenario.named("cheap"), 1_000, 1L);
    assertEquals(List.of("margin"), cheap.uncertainParams());
    assertEquals("cheap", cheap.scenario());
    Simulation wide = model.simulate(Scenario.named("wide"), 2_000, 1L);
    Simulation base = model.simulate(2_000, 1L);
    double wideSpread = wide.quantile("npv", 0.95).in("$B") - wide.quantile("npv", 0.05).in("$B");
    double baseSpread = base.quantile("npv", 0.95).in("$B") - base.quantile("npv", 0.05).in("$B");
    assertTrue(wideSpread > baseSpread);
    Simulation fixed = model.simulate(Map.of("margin", "50 %", "capex_per_gw", "$50B/GW"), 500, 1L);
    assertEquals(fixed.quantile("npv", 0.05).in("$B"), fixed.quantile("npv", 0.95).in("$B"));
    double npv = model.evaluate(Map.of("margin", "50 %", "capex_per_gw", "$50B/GW")).value("npv").in("$B");
    assertEquals(npv, fixed.mean("npv").in("$B"), 1e-9);
    // --set on top of a scenario wins
    Simulation both = model.simulate(Scenario.named("cheap"), Map.of("capex_per_gw", "$50B/GW", "margin", "50 %"), 100, 1L);
    assertEquals(npv, both.mean("npv").in("$B"), 1e-9);
  }

  @Test
  void badRequestsSayWhatIsWrong() {
    Simulation mc = model.simulate(100, 1L);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mc.quantile("npw", 0.5));
    assertTrue(e.getMessage().contains("did you mean 'npv'"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> mc.quantile("npv", 5));
    e = assertThrows(IllegalArgumentException.class, () -> mc.quantile("npv", 0.5).in("GW"));
    assertTrue(e.getMessage().contains("money"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> model.simulate(0, 1L));
    assertThrows(IllegalArgumentException.class, () -> model.simulate(Scenario.named("bull"), 10, 1L));
  }

  @Test
  void theSampleLimitIsTok600() {
    Model limited = Tokenomics.builder().limits(Limits.DEFAULT.withMaxSampleValues(1_000)).build()
        .compile("t.tok", SOURCE).model();
    EvaluationException e = assertThrows(EvaluationException.class, () -> limited.simulate(1_000, 1L));
    assertEquals("TOK600", e.diagnostic().code());
  }

  @Test
  void errorsInSomeSamplesAreDiagnostics() {
    Model m = TestModels.compile("""
        param u = uniform(0, 1)
        report q = 1 / (if u < 0.5 then 0 else u)
        """);
    Simulation mc = m.simulate(2_000, 3L);
    assertEquals(1, mc.errors().size());
    assertEquals("TOK500", mc.errors().get(0).code());
    assertEquals(0.5, mc.errorShare("q"), 0.05);
    assertTrue(mc.quantile("q", 0.5).values()[0] >= 1);
    Model always = TestModels.compile("param u = uniform(0, 1)\nreport q = u / 0\n");
    assertThrows(EvaluationException.class, () -> always.simulate(10, 1L).mean("q"));
  }

  @Test
  void sharedBetweenThreads() throws Exception {
    Simulation mc = model.simulate(2_000, 9L);
    double want = mc.quantile("npv", 0.05).in("$B");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<double[]>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(() -> new double[] {mc.quantile("npv", 0.05).in("$B"),
            model.simulate(2_000, 9L).quantile("npv", 0.05).in("$B")}));
      }
      for (Future<double[]> f : results) {
        assertArrayEquals(new double[] {want, want}, f.get());
      }
    } finally {
      pool.shutdown();
    }
  }
}

package org.tokenomics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The v2 Monte Carlo API (EMBEDDING.md §10): partial simulations that merge into exactly one run,
 * serialized between machines, raw draws, the standard error and the share below zero, automatic
 * runs, and the same bits on 1, 2 and 16 threads.
 */
class SimulationPartTest {
  static final String SOURCE = """
      timeline 2026 to 2032 yearly
      param capex_per_gw = uniform($40B/GW, $60B/GW)
      param margin = pert(-10 %, 20 %, 60 %)
      param rent = gbm(start: $2/h, drift: 5 %, volatility: 40 %)
      param outage = bernoulli(10 %)
      correlate capex_per_gw, margin = -0.5
      let capex = capex_per_gw * 1 GW
      let revenue = if year >= 2027 then capex / 5 yr / (1 - margin) * (1 - outage * 50 %) else $0/yr
      report revenue as $B/yr
      report rent as $/h
      report npv = npv(revenue * dt, 8 %, initial: capex) as $B
      report capex as $B
      report risky = $1B / (if margin < 0 % then 0 else margin) as $B
      assert margin < 55 % "margin below 55%"
      scenario cheap { capex_per_gw = $30B/GW }
      """;

  static final Model MODEL = TestModels.compile(SOURCE);

  static SimulationOptions threads(int n) {
    return SimulationOptions.DEFAULT.withThreads(n);
  }

  static SimulationPart part(long first, int count, long seed) {
    return MODEL.simulatePart(Scenario.named("cheap"), Map.of("margin", "pert(-10 %, 25 %, 60 %)"), first, count, seed,
        threads(2));
  }

  /** Every statistic the API hands out, bit for bit. */
  static void assertSame(Simulation a, Simulation b) {
    assertEquals(a.samples(), b.samples());
    assertEquals(a.scenario(), b.scenario());
    for (String r : a.reportNames()) {
      assertEquals(a.errorShare(r), b.errorShare(r), 0.0, r);
      if (a.errorShare(r) == 1) {
        continue; // no statistics: it failed in every sample
      }
      assertArrayEquals(a.mean(r).series(null), b.mean(r).series(null), 0.0, r);
      assertArrayEquals(standardError(a, r), standardError(b, r), 0.0, r);
      assertArrayEquals(a.belowZeroShare(r), b.belowZeroShare(r), 0.0, r);
      for (double q : new double[] {0, 0.05, 0.5, 0.95, 1}) {
        assertArrayEquals(a.quantile(r, q).series(null), b.quantile(r, q).series(null), 0.0, r + " q" + q);
      }
      assertEquals(a.errorShare(r), b.errorShare(r), 0.0, r);
    }
    assertEquals(a.assertions(), b.assertions());
    assertEquals(a.errors().stream().map(Diagnostic::message).toList(), b.errors().stream().map(Diagnostic::message).toList());
  }

  /** The standard error, or an empty array when fewer than two samples evaluated the report. */
  static double[] standardError(Simulation s, String report) {
    try {
      return s.standardError(report).series(null);
    } catch (IllegalStateException e) {
      return new double[0];
    }
  }

  @Test
  void partsMergeIntoExactlyTheWholeRunInAnyGrouping() {
    Simulation whole = MODEL.simulate(Scenario.named("cheap"), Map.of("margin", "pert(-10 %, 25 %, 60 %)"), 3_000, 5L,
        threads(2));
    SimulationPart a = part(0, 1_000, 5);
    SimulationPart b = part(1_000, 700, 5);
    SimulationPart c = part(1_700, 1_300, 5);
    assertSame(whole, Simulation.merge(MODEL, List.of(c, a, b)));
    assertSame(whole, Simulation.merge(MODEL, List.of(a.merge(c), b)));          // non-adjacent first
    assertSame(whole, Simulation.merge(MODEL, List.of(c.merge(b).merge(a))));
    assertEquals(List.of(0L, 1_000L), List.of(a.merge(c).ranges().get(0)[0], a.merge(c).ranges().get(0)[1]));
    assertEquals(2, a.merge(c).ranges().size());
    assertEquals(1, a.merge(b).ranges().size(), "adjacent ranges are joined");
    assertTrue(whole.errors().size() > 0, "the model has a division by zero in some samples");
  }

  @Test
  void aPartSurvivesSerializationAndMergesOnAnotherCompileOfTheSameSource() throws Exception {
    SimulationPart a = roundTrip(part(0, 800, 9));
    SimulationPart b = roundTrip(part(800, 400, 9));
    Model elsewhere = TestModels.compile(SOURCE); // another executor compiles the same bundle
    assertSame(MODEL.simulate(Scenario.named("cheap"), Map.of("margin", "pert(-10 %, 25 %, 60 %)"), 1_200, 9L, threads(1)),
        Simulation.merge(elsewhere, List.of(b, a)));
  }

  static SimulationPart roundTrip(SimulationPart p) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(p);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (SimulationPart) in.readObject();
    }
  }

  @Test
  void partsOfDifferentRunsOverlapsAndGapsAreRefused() {
    SimulationPart a = part(0, 100, 1);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> a.merge(part(100, 100, 2))).getMessage()
        .contains("different runs"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> a.merge(part(50, 100, 1))).getMessage()
        .contains("overlap"));
    SimulationPart base = MODEL.simulatePart(Scenario.BASE, Map.of(), 100, 100, 1, threads(1));
    assertThrows(IllegalArgumentException.class, () -> a.merge(base));
    IllegalArgumentException gap = assertThrows(IllegalArgumentException.class,
        () -> Simulation.merge(MODEL, List.of(a, part(150, 10, 1))));
    assertTrue(gap.getMessage().contains("sample 100 is missing"), gap.getMessage());
    Model other = TestModels.compile(SOURCE + "report extra = 1\n");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Simulation.merge(other, List.of(a))).getMessage()
        .contains("another model"));
    assertThrows(IllegalArgumentException.class, () -> MODEL.simulatePart(Scenario.BASE, Map.of(), -1, 10, 1, threads(1)));
    assertThrows(IllegalArgumentException.class, () -> MODEL.simulatePart(Scenario.BASE, Map.of(), 0, 0, 1, threads(1)));
    assertThrows(IllegalArgumentException.class, () -> Simulation.merge(MODEL, List.of()));
  }

  @Test
  void theSameBitsOnOneTwoAndSixteenThreads() {
    Simulation one = MODEL.simulate(Scenario.BASE, Map.of(), 2_500, 3L, threads(1));
    for (int n : new int[] {2, 16}) {
      assertSame(one, MODEL.simulate(Scenario.BASE, Map.of(), 2_500, 3L, threads(n)));
      assertArrayEquals(one.draws("npv", "$B"), MODEL.simulate(Scenario.BASE, Map.of(), 2_500, 3L, threads(n))
          .draws("npv", "$B"), 0.0);
      assertSame(one, Simulation.merge(MODEL, List.of(
          MODEL.simulatePart(Scenario.BASE, Map.of(), 0, 1_234, 3L, threads(n)),
          MODEL.simulatePart(Scenario.BASE, Map.of(), 1_234, 1_266, 3L, threads(1))), threads(n)));
    }
  }

  @Test
  void rawDrawsStandardErrorAndShareBelowZero() {
    Simulation s = MODEL.simulate(4_000, 8L);
    double[] npv = s.draws("npv", "$B");
    assertEquals(4_000, npv.length);
    double[] sorted = java.util.Arrays.stream(npv).filter(x -> !Double.isNaN(x)).sorted().toArray();
    assertEquals(sorted[0], s.quantile("npv", 0).in("$B"), 1e-12);
    assertEquals(sorted[sorted.length - 1], s.quantile("npv", 1).in("$B"), 1e-12);
    double below = java.util.Arrays.stream(npv).filter(x -> x < 0).count() / (double) sorted.length;
    assertEquals(below, s.belowZeroShare("npv")[0], 0.0);
    assertTrue(below > 0.05 && below < 0.95, "npv is below zero in some samples: " + below);
    double mean = java.util.Arrays.stream(sorted).average().orElseThrow();
    double sd = Math.sqrt(java.util.Arrays.stream(sorted).map(x -> (x - mean) * (x - mean)).sum() / (sorted.length - 1));
    assertEquals(sd / Math.sqrt(sorted.length), s.standardError("npv").in("$B"), 1e-9 * sd);
    assertEquals(s.standardError("npv").in("$B") * 1000, s.standardError("npv").in("$M"), 1e-6);
    double[] risky = s.draws("risky", null);
    assertTrue(java.util.Arrays.stream(risky).anyMatch(Double::isNaN), "NaN marks the samples that failed");
    assertEquals(s.errorShare("risky"), java.util.Arrays.stream(risky).filter(Double::isNaN).count() / 4_000.0, 0.0);
    IllegalArgumentException series = assertThrows(IllegalArgumentException.class, () -> s.draws("revenue", "$B/yr"));
    assertTrue(series.getMessage().contains("series"));
    assertThrows(IllegalArgumentException.class, () -> s.draws("npv", "GW"));
    assertThrows(IllegalStateException.class, () -> MODEL.simulate(1, 1L).standardError("npv"));
  }

  @Test
  void anAutomaticRunIsARunOfTheSamplesItChose() {
    Simulation auto = MODEL.simulate(Scenario.BASE, Map.of(), Tolerance.of(0.002).forReports("capex"), 4L, threads(2));
    assertTrue(auto.warnings().isEmpty());
    double rel = auto.standardError("capex").in("$B") / Math.abs(auto.mean("capex").in("$B"));
    assertTrue(rel <= 0.002, "relative standard error " + rel);
    assertEquals(4_000, auto.samples(), "uniform(40, 60) has a relative spread of 11.5 %: 3,300 samples, so 4,000");
    assertSame(MODEL.simulate(Scenario.BASE, Map.of(), auto.samples(), 4L, threads(1)), auto);
    assertSame(auto, MODEL.simulate(Scenario.BASE, Map.of(), Tolerance.of(0.002).forReports("capex"), 4L, threads(16)));
  }

  @Test
  void anAutomaticRunThatMeetsItsCapSaysSoAtTheReport() {
    Simulation capped = MODEL.simulate(Scenario.BASE, Map.of(), Tolerance.of(1e-4).withMaxSamples(3_000), 4L, threads(2));
    assertEquals(3_000, capped.samples());
    assertEquals(1, capped.warnings().size());
    Diagnostic w = capped.warnings().get(0);
    assertEquals("TOK600", w.code());
    assertEquals(Severity.WARNING, w.severity());
    assertTrue(w.message().contains("stopped at its cap of 3,000 samples"), w.message());
    assertTrue(w.line() > 0, "points at a report's line");
    assertThrows(IllegalArgumentException.class, () -> Tolerance.of(0));
    assertThrows(IllegalArgumentException.class, () -> Tolerance.of(0.01).withMaxSamples(1));
    EvaluationException over = assertThrows(EvaluationException.class, () -> Tokenomics.builder()
        .limits(Limits.DEFAULT.withMaxSampleValues(1_000)).build().compile("m.tok", SOURCE).model()
        .simulate(Scenario.BASE, Map.of(), Tolerance.of(0.01).withMaxSamples(5_000), 1L, threads(1)));
    assertEquals("TOK600", over.diagnostic().code());
    assertFalse(capped.warnings().isEmpty());
  }
}

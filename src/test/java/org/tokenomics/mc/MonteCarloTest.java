package org.tokenomics.mc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tokenomics.diag.Diagnostic;
import org.tokenomics.TestModels;
import org.tokenomics.api.OverrideParser;
import org.tokenomics.check.CompiledModel;

class MonteCarloTest {
  static final String SOURCE = """
      timeline 2026 to 2030 yearly
      param u = uniform(0, 1)
      param v = normal(100, 10)
      param rate = uniform(120 $/kW/month, 160 $/kW/month)
      param g = triangular(1 %, 3 %, 5 %)
      report x = u
      report y = v
      report colo = rate * 1 GW as $B/yr
      report path = $1B * (1 + g) ^ period as $B
      assert u < 0.9 "u stays below 0.9"
      """;

  static CompiledModel model(String source) {
    return org.tokenomics.TestModels.compiled(TestModels.compile(source));
  }

  static McResult run(CompiledModel cm, int n, long seed, int threads, long exactBudget) {
    return MonteCarlo.run(cm, List.of(), n, seed, MonteCarlo.Options.defaults().withThreads(threads).withExactBudget(exactBudget));
  }

  static McResult.ReportStats stats(McResult r, String name) {
    return r.reports().stream().filter(s -> s.spec().name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void drawsAreUniformInsideTheOpenInterval() {
    double sum = 0;
    int n = 100_000;
    for (int i = 0; i < n; i++) {
      double u = Draws.uniform(42, i, Draws.stream("x"));
      assertTrue(u > 0 && u < 1);
      sum += u;
    }
    assertEquals(0.5, sum / n, 0.005);
    assertTrue(Draws.uniform(1, 0, Draws.stream("a")) != Draws.uniform(1, 0, Draws.stream("b")));
    assertTrue(Draws.uniform(1, 0, Draws.stream("a")) != Draws.uniform(2, 0, Draws.stream("a")));
  }

  @Test
  void statisticsMatchTheDistributions() {
    McResult r = run(model(SOURCE), 20_000, 1, 2, 25_000_000);
    assertTrue(r.exact());
    McResult.ReportStats x = stats(r, "x");
    assertEquals(0.5, x.mean()[0], 0.01);
    assertEquals(0.05, x.quantile(0.05)[0], 0.01);
    assertEquals(0.95, x.quantile(0.95)[0], 0.01);
    McResult.ReportStats y = stats(r, "y");
    assertEquals(83.55, y.quantile(0.05)[0], 0.6);
    assertEquals(116.45, y.quantile(0.95)[0], 0.6);
    McResult.ReportStats path = stats(r, "path");
    assertTrue(path.series());
    assertEquals(5, path.mean().length);
    assertEquals(1e9, path.quantile(0.5)[0], 1e-3); // period 0: no growth yet
    McResult.AssertStats a = r.asserts().get(0);
    assertEquals(0.1, a.failedShare(), 0.01);
    assertEquals(20_000, a.evaluated());
  }

  @Test
  void sameSeedSameNumbersForAnyThreadCount() {
    CompiledModel cm = model(SOURCE);
    for (long budget : new long[] {25_000_000, 0}) { // exact, then histograms
      McResult one = run(cm, 3_000, 7, 1, budget);
      McResult four = run(cm, 3_000, 7, 4, budget);
      assertEquals(budget > 0, one.exact());
      for (int k = 0; k < one.reports().size(); k++) {
        McResult.ReportStats a = one.reports().get(k);
        McResult.ReportStats b = four.reports().get(k);
        assertArrayEquals(a.mean(), b.mean());
        for (double q : new double[] {0, 0.01, 0.05, 0.5, 0.95, 1}) {
          assertArrayEquals(a.quantile(q), b.quantile(q));
        }
      }
      assertEquals(one.asserts().get(0).failed(), four.asserts().get(0).failed());
    }
  }

  @Test
  void sketchAgreesWithExactQuantiles() {
    CompiledModel cm = model(SOURCE);
    McResult exact = run(cm, 20_000, 3, 2, 25_000_000);
    McResult sketch = run(cm, 20_000, 3, 2, 0);
    assertFalse(sketch.exact());
    for (String name : List.of("x", "y", "colo", "path")) {
      for (double q : new double[] {0.05, 0.5, 0.95}) {
        double[] e = stats(exact, name).quantile(q);
        double[] s = stats(sketch, name).quantile(q);
        for (int p = 0; p < e.length; p++) {
          assertEquals(e[p], s[p], Math.abs(e[p]) * 0.01 + 1e-3, name + " q" + q);
        }
      }
      assertArrayEquals(stats(exact, name).mean(), stats(sketch, name).mean(), 1e-6 * Math.abs(stats(exact, name).mean()[0]));
    }
  }

  @Test
  void aPlainOverrideStopsSamplingAndADistributionOverrideStartsIt() {
    CompiledModel cm = model("""
        param a = uniform(0, 10)
        param b = 5
        report ra = a
        report rb = b
        """);
    List<CompiledModel.Override> overrides = OverrideParser.compile(cm, Map.of("a", "3", "b", "uniform(4, 6)"));
    McResult r = MonteCarlo.run(cm, overrides, 500, 1, MonteCarlo.Options.defaults());
    McResult.ReportStats ra = stats(r, "ra");
    assertEquals(3, ra.quantile(0.05)[0]);
    assertEquals(3, ra.quantile(0.95)[0]);
    McResult.ReportStats rb = stats(r, "rb");
    assertTrue(rb.quantile(0.05)[0] < 4.2 && rb.quantile(0.95)[0] > 5.8);
    assertEquals(List.of("b"), r.params().stream().map(UncertainParam::name).toList());
  }

  @Test
  void errorsInSomeSamplesAreCountedNotHidden() {
    CompiledModel cm = model("""
        param u = uniform(0, 1)
        let denom = if u < 0.25 then 0 else u
        report q = 1 / denom
        report ok = u
        """);
    McResult r = run(cm, 4_000, 5, 2, 25_000_000);
    McResult.ReportStats q = stats(r, "q");
    assertEquals(0.25, (double) q.failed() / 4_000, 0.03);
    assertEquals(0, stats(r, "ok").failed());
    assertEquals(1, r.errors().size());
    List<Diagnostic> d = McDiagnostics.errors(cm, r);
    assertEquals("TOK500", d.get(0).code());
    assertTrue(d.get(0).message().contains("of 4,000 samples"), d.get(0).message());
    assertTrue(Double.isFinite(q.mean()[0]));
  }

  @Test
  void theLimitIsChecked() {
    CompiledModel cm = model(SOURCE);
    assertNull(MonteCarlo.limitProblem(cm, 1000, 2_000_000_000L));
    String problem = MonteCarlo.limitProblem(cm, 1_000_000_000, 2_000_000_000L);
    assertNotNull(problem);
    assertTrue(problem.contains("max sample values"), problem);
  }

  @Test
  void statNames() {
    assertEquals("p5", McDiagnostics.statName(5));
    assertEquals("p2.5", McDiagnostics.statName(2.5));
    assertEquals("12.3%", McDiagnostics.percent(0.123));
    assertEquals("0.05%", McDiagnostics.percent(0.0005));
  }
}

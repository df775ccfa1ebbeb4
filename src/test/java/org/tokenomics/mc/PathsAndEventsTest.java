package org.tokenomics.mc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokenomics.Evaluation;
import org.tokenomics.Model;
import org.tokenomics.TestModels;
import org.tokenomics.check.CompiledModel;

/**
 * {@code gbm}, {@code ou} and {@code bernoulli} (LANGUAGE.md §18): median paths in a deterministic
 * run, and under Monte Carlo the moments the spec implies, each within 4 standard errors of the
 * sample mean (a fixed seed, so the test is deterministic; a correct engine lands within 4 SE with
 * probability 0.99994 per check, a wrong drift term or a path not refreshed per period misses by
 * far more).
 */
class PathsAndEventsTest {
  static final String SOURCE = """
      timeline 2026 to 2031 yearly
      param gpu = gbm(start: $2/h, drift: 8 %, volatility: 40 %)
      param x = ou(start: $3/Mtok, mean: $1/Mtok, reversion: 70 %, volatility: $0.6/Mtok)
      param late = bernoulli(30 %)
      param sure = bernoulli(60 %)
      report gpu as $/h
      report x as $/Mtok
      report late
      report sure
      """;
  static final int N = 40_000;
  /** Statistics are in base units: $/s and $/token. */
  static final double PER_HOUR = 1.0 / 3600;
  static final double PER_MTOK = 1e-6;

  @Test
  void deterministicRunUsesMedianPathsAndEvents() {
    Model m = TestModels.compile(SOURCE);
    Evaluation e = m.evaluate();
    double[] s = e.value("gpu").series("$/h");
    double[] x = e.value("x").series("$/Mtok");
    for (int t = 0; t < s.length; t++) {
      assertEquals(2 * Math.exp((0.08 - 0.08) * t), s[t], 1e-12); // σ²/2 = 0.08 = μ: the median stays at S0
      assertEquals(1 + 2 * Math.exp(-0.7 * t), x[t], 1e-12);
    }
    assertEquals(0, e.value("late").in("1"), 0.0);
    assertEquals(1, e.value("sure").in("1"), 0.0);
  }

  @Test
  void gbmMeanIsStartTimesExpDriftAndPeriodZeroIsTheStart() {
    McResult r = MonteCarloTest.run(MonteCarloTest.model(SOURCE), N, 9, 2, 25_000_000);
    McResult.ReportStats s = MonteCarloTest.stats(r, "gpu");
    assertEquals(2.0 * PER_HOUR, s.quantiles()[0].quantile(0.05), 0.0);
    assertEquals(2.0 * PER_HOUR, s.quantiles()[0].quantile(0.95), 0.0);
    for (int t = 1; t < s.mean().length; t++) {
      double mean = 2 * PER_HOUR * Math.exp(0.08 * t);
      double sd = mean * Math.sqrt(Math.expm1(0.16 * t));
      double se = sd / Math.sqrt(N);
      assertEquals(mean, s.mean()[t], 4 * se, "E[gbm] at t = " + t);
    }
  }

  @Test
  void ouMeanRevertsAndEventsHappenAtTheirRate() {
    McResult r = MonteCarloTest.run(MonteCarloTest.model(SOURCE), N, 10, 2, 25_000_000);
    McResult.ReportStats x = MonteCarloTest.stats(r, "x");
    for (int t = 1; t < x.mean().length; t++) {
      double mean = (1 + 2 * Math.exp(-0.7 * t)) * PER_MTOK;
      double sd = 0.6 * PER_MTOK * Math.sqrt(-Math.expm1(-1.4 * t) / 1.4);
      assertEquals(mean, x.mean()[t], 4 * sd / Math.sqrt(N), "E[ou] at t = " + t);
      // the spread of the sample too: p95 − p5 of a normal is 2 · 1.645 sd
      double spread = x.quantiles()[t].quantile(0.95) - x.quantiles()[t].quantile(0.05);
      assertEquals(2 * 1.6449 * sd, spread, 0.05 * spread, "ou spread at t = " + t);
    }
    double se = Math.sqrt(0.3 * 0.7 / N);
    assertEquals(0.3, MonteCarloTest.stats(r, "late").mean()[0], 4 * se);
  }

  @Test
  void pathsAreTheSameOnOneTwoAndSixteenThreads() {
    CompiledModel model = MonteCarloTest.model(SOURCE);
    McResult one = MonteCarloTest.run(model, 5_000, 3, 1, 25_000_000);
    for (int threads : new int[] {2, 16}) {
      McResult other = MonteCarloTest.run(model, 5_000, 3, threads, 25_000_000);
      for (String name : List.of("gpu", "x", "late")) {
        McResult.ReportStats a = MonteCarloTest.stats(one, name);
        McResult.ReportStats b = MonteCarloTest.stats(other, name);
        assertArrayEquals(a.mean(), b.mean(), 0.0, name + " on " + threads + " threads");
        for (int p = 0; p < a.quantiles().length; p++) {
          assertEquals(a.quantiles()[p].quantile(0.5), b.quantiles()[p].quantile(0.5), 0.0);
        }
      }
    }
  }

  @Test
  void aGpuHourFutureSeesThePath() {
    String source = """
        timeline 2026-01 to 2027-12 quarterly
        param h100 = gbm(start: $2.10/h, drift: -20 %, volatility: 35 %)
        future hedge {
          index = h100
          quantity = -1000000 h
          strike = $1.80/h
          expiry = 2027-07
        }
        report payoff = hedge.value as $M
        """;
    McResult r = MonteCarloTest.run(MonteCarloTest.model(source), 20_000, 4, 2, 25_000_000);
    McResult.ReportStats payoff = MonteCarloTest.stats(r, "payoff");
    double p5 = payoff.quantiles()[0].quantile(0.05);
    double p95 = payoff.quantiles()[0].quantile(0.95);
    assertTrue(p5 < -0.5e6 && p95 > 0.5e6, "a short future's payoff spreads both ways: " + p5 + " … " + p95);
  }
}

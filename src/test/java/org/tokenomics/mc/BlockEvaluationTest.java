package org.tokenomics.mc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.eval.Columns;
import org.tokenomics.eval.EvalError;
import org.tokenomics.eval.Frame;
import org.tokenomics.eval.Program;

/**
 * The engine's fast paths give exactly the per-sample evaluation's numbers: a plan of scalars
 * evaluated by columns ({@link Columns}), cells that depend on no draw computed once per worker
 * ({@link Frame#pin}), and blocks of samples fed to the statistics in groups. Runs span several
 * blocks ({@link MonteCarlo#BLOCK}) so that block and wave boundaries fall inside them.
 */
class BlockEvaluationTest {
  /** Scalars only: every operation the columns support, a division that fails in some samples, correlation, an assertion. */
  static final String SCALAR = """
      param u = uniform(0, 1)
      param w = lognormal(1, 5)
      param g = normal(10 %, 5 %)
      param m = triangular(30 %, 50 %, 70 %)
      param k = 3
      correlate u, w = 0.5
      let base = w / (1 - m) * (1 + g) - w
      report profit = base * k
      report powered = w ^ 0.5 - -u
      report picked = if u > 0.5 and not (g < 0) or m >= 0.6 then base else u * 2
      report ratio = 1 / (if u < 0.05 then 0 else u)
      report same = profit
      assert u < 0.97 "u stays below 0.97"
      """;

  static final int N = 3 * MonteCarlo.BLOCK + 123;

  @Test
  void aScalarPlanIsEvaluatedByColumnsWithThePerSampleValues() {
    assertColumnsGiveThePerSampleValues(SCALAR); // correlated draws: drawn sample by sample
    String independent = SCALAR.replace("correlate u, w = 0.5\n", "");
    assertTrue(!independent.contains("correlate"));
    assertColumnsGiveThePerSampleValues(independent); // independent draws: a column at a time
  }

  private static void assertColumnsGiveThePerSampleValues(String source) {
    CompiledModel cm = MonteCarloTest.model(source);
    Sampler sampler = Sampler.of(cm, List.of());
    Program.Plan plan = sampler.program().plan(org.tokenomics.run.Runner.roots(cm));
    Set<Integer> drawn = sampler.params().stream().map(UncertainParam::slot).collect(Collectors.toSet());
    assertNotNull(Columns.of(sampler.program(), plan, drawn, MonteCarlo.BLOCK), "the scalar plan runs by columns");

    McResult r = MonteCarloTest.run(cm, N, 7, 2, 25_000_000);
    Frame f = sampler.newFrame();
    for (String name : List.of("profit", "powered", "picked", "ratio", "same")) {
      McResult.ReportStats s = MonteCarloTest.stats(r, name);
      int slot = s.spec().slot();
      long failed = 0;
      for (int i = 0; i < N; i++) {
        f.reset();
        sampler.draw(7, i, f.draws);
        f.seed = 7;
        f.sample = i;
        double expected;
        try {
          expected = f.values(slot)[0];
        } catch (EvalError e) {
          expected = Double.NaN;
          failed++;
        }
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(s.draws()[i]), name + " sample " + i);
      }
      assertEquals(failed, s.failed(), name);
    }
    assertTrue(MonteCarloTest.stats(r, "ratio").failed() > 0, "some samples divide by zero");
    long assertFailed = 0;
    for (int i = 0; i < N; i++) {
      f.reset();
      sampler.draw(7, i, f.draws);
      assertFailed += f.values(cm.asserts().get(0).slot())[0] == 0 ? 1 : 0;
    }
    assertEquals(assertFailed, r.asserts().get(0).failed());
    assertEquals(N, r.asserts().get(0).evaluated());
  }

  @Test
  void seriesAndTimeFunctionsStayPerSample() {
    CompiledModel cm = MonteCarloTest.model(MonteCarloTest.SOURCE);
    Sampler sampler = Sampler.of(cm, List.of());
    Program.Plan plan = sampler.program().plan(org.tokenomics.run.Runner.roots(cm));
    Set<Integer> drawn = sampler.params().stream().map(UncertainParam::slot).collect(Collectors.toSet());
    assertNull(Columns.of(sampler.program(), plan, drawn, MonteCarlo.BLOCK));
  }

  /** A series model with cells that depend on no draw (computed once per worker) and a path. */
  static final String SERIES = """
      timeline 2026 to 2028 monthly
      param capacity = 2 GW
      param price = lognormal(50 $/MWh, 120 $/MWh)
      param growth = uniform(1 %, 3 %)
      param gpu = gbm(start: $2/h, drift: 5 %, volatility: 30 %)
      let online = capacity * ramp(from: 2026-03, over: 6 month)
      let index = halving(every: 12 month)
      let cost = online * price * index
      report online as GW
      report cost as $M/yr
      report demand = $1B/yr * grow(by: growth, every: month) as $B/yr
      report total = sum(cost * dt) as $M
      report gpu as $/h
      """;

  @Test
  void runsAreTheSameOnAnyThreadCountWithAndWithoutHistograms() {
    for (String source : List.of(SCALAR, SERIES)) {
      CompiledModel cm = MonteCarloTest.model(source);
      for (long budget : new long[] {1, 25_000_000}) {
        McResult one = MonteCarloTest.run(cm, N, 11, 1, budget);
        for (int threads : new int[] {2, 16}) {
          McResult other = MonteCarloTest.run(cm, N, 11, threads, budget);
          assertSameStatistics(one, other);
        }
        // parts cut inside a block merge into the whole run
        MonteCarlo.Options options = MonteCarlo.Options.defaults().withThreads(2).withExactBudget(budget);
        int cut = MonteCarlo.BLOCK + 500;
        Partial a = MonteCarlo.runPartial(cm, List.of(), 0, cut, 11, options);
        Partial b = MonteCarlo.runPartial(cm, List.of(), cut, N - cut, 11, options.withThreads(16));
        assertSameStatistics(one, MonteCarlo.merge(cm, List.of(), List.of(b, a), options));
      }
    }
  }

  @Test
  void invariantCellsKeepTheirPerSampleValues() {
    CompiledModel cm = MonteCarloTest.model(SERIES);
    McResult r = MonteCarloTest.run(cm, N, 3, 2, 25_000_000);
    Sampler sampler = Sampler.of(cm, List.of());
    Frame f = sampler.newFrame();
    McResult.ReportStats cost = MonteCarloTest.stats(r, "cost");
    McResult.ReportStats online = MonteCarloTest.stats(r, "online");
    Moments[] sums = new Moments[cost.mean().length];
    Arrays.setAll(sums, p -> new Moments());
    for (int i = 0; i < N; i++) {
      f.reset();
      sampler.draw(3, i, f.draws);
      f.seed = 3;
      f.sample = i;
      double[] v = f.values(cost.spec().slot());
      for (int p = 0; p < v.length; p++) {
        sums[p].add(v[p]);
      }
    }
    for (int p = 0; p < sums.length; p++) {
      assertEquals(sums[p].mean(), cost.mean()[p], 0, "period " + p); // base units, bit for bit
    }
    assertEquals(0, online.failed());
  }

  static void assertSameStatistics(McResult x, McResult y) {
    assertEquals(x.reports().size(), y.reports().size());
    for (int r = 0; r < x.reports().size(); r++) {
      McResult.ReportStats a = x.reports().get(r);
      McResult.ReportStats b = y.reports().get(r);
      assertEquals(a.failed(), b.failed());
      if (a.mean() == null) {
        continue;
      }
      assertArrayEquals(a.mean(), b.mean(), 0, a.spec().name());
      assertArrayEquals(a.se(), b.se(), 0, a.spec().name());
      for (double q : new double[] {0, 0.05, 0.5, 0.95, 1}) {
        for (int p = 0; p < a.mean().length; p++) {
          assertEquals(a.quantiles()[p].quantile(q), b.quantiles()[p].quantile(q), 0, a.spec().name() + " q" + q);
        }
      }
    }
    for (int a = 0; a < x.asserts().size(); a++) {
      assertEquals(x.asserts().get(a).failed(), y.asserts().get(a).failed());
    }
  }
}

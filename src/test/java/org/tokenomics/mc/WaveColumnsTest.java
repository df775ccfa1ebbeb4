package org.tokenomics.mc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokenomics.check.CompiledModel;

/**
 * The engine's wave in columns ({@link Engine#buffer}, filled from each worker's tile): a series
 * model whose report values (2,403 of them, so a tile is only 54 samples and tiles end inside a
 * block) need several waves (more than {@link WavePipeline#SLOTS}), with samples that fail part-way through a tile, gives bit for bit the same statistics with histograms on 1, 2 and 16 threads, the same
 * means and standard errors as the exact run (both feed every value in sample order), quantiles
 * within the histogram's 0.2 %, and the same counts of failures.
 */
class WaveColumnsTest {
  // 600 months x 4 series reports + 3 scalar reports = 2,403 values a sample: a wave is 1,024
  // samples, so 4,500 samples take five waves (the last one short): more waves than the pipeline's
  // buffers, so each buffer is written again once its wave is fed
  static final CompiledModel MODEL = MonteCarloTest.model("""
      timeline 2026 to 2075 monthly
      param growth = uniform(0 %, 2 %)
      param price = lognormal(40 $/MWh, 90 $/MWh)
      param spread = normal(0, 1)
      let demand = 1 GW * grow(by: growth, every: yr)
      let cost = demand * price
      report demand as GW
      report cost as $B/yr
      report doubled = 2 * cost as $B/yr
      report share = cost / (cost + 1 $B/yr)
      report value = npv(cost * dt, 7 %) as $B
      report ratio = 1 / (if spread > 1.5 then 0 else spread)
      report last = spread * 3
      """);

  static McResult run(int samples, int threads, long budget) {
    return MonteCarlo.run(MODEL, List.of(), samples, 5, MonteCarlo.Options.defaults().withThreads(threads).withExactBudget(budget));
  }

  @Test
  void histogramsAgreeOnAnyThreadCountAndWithTheExactRun() {
    int n = 4_500;
    Engine layout = new Engine(MODEL, Sampler.of(MODEL, List.of()), n, 5, MonteCarlo.Options.defaults().withExactBudget(1), 0, false);
    assertEquals(54, new BlockEvaluator(layout).tileLen); // 1 MB / (2,403 values x 8 bytes)
    assertEquals(1_024, layout.waveLen);
    McResult one = run(n, 1, 1);
    McResult exact = run(n, 2, 50_000_000);
    assertFalse(one.exact());
    assertTrue(exact.exact());
    for (int threads : new int[] {2, 16}) {
      McResult other = run(n, threads, 1);
      for (int r = 0; r < one.reports().size(); r++) {
        McResult.ReportStats x = one.reports().get(r);
        McResult.ReportStats y = other.reports().get(r);
        assertEquals(x.failed(), y.failed());
        assertArrayEquals(x.mean(), y.mean(), 0.0, x.spec().name());
        assertArrayEquals(x.se(), y.se(), 0.0, x.spec().name());
        for (double q : new double[] {0, 0.05, 0.5, 0.95, 1}) {
          assertArrayEquals(x.quantile(q), y.quantile(q), 0.0, x.spec().name() + " q" + q + " on " + threads + " threads");
        }
      }
    }
    for (int r = 0; r < one.reports().size(); r++) {
      McResult.ReportStats x = one.reports().get(r);
      McResult.ReportStats e = exact.reports().get(r);
      assertEquals(e.failed(), x.failed());
      assertArrayEquals(e.mean(), x.mean(), 0.0, x.spec().name()); // the same sums in the same order
      assertArrayEquals(e.se(), x.se(), 0.0, x.spec().name());
      for (double q : new double[] {0.05, 0.5, 0.95}) {
        double[] a = e.quantile(q);
        double[] b = x.quantile(q);
        for (int p = 0; p < a.length; p++) {
          assertEquals(a[p], b[p], 0.002 * Math.abs(a[p]), x.spec().name() + " q" + q + " period " + p);
        }
      }
    }
    long failed = MonteCarloTest.stats(one, "ratio").failed();
    assertTrue(failed > 230 && failed < 375, failed + " samples failed"); // P(spread > 1.5) = 6.7 %: 301 ± 17
    assertTrue(Double.isFinite(MonteCarloTest.stats(one, "ratio").mean()[0]));
    McResult.ReportStats demand = MonteCarloTest.stats(one, "demand");
    assertEquals(600, demand.mean().length);
    assertTrue(demand.quantile(0.95)[599] > demand.quantile(0.05)[599]); // the last wave's values reached period 599
  }
}

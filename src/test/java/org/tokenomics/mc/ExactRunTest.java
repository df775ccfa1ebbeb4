package org.tokenomics.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokenomics.check.CompiledModel;

/**
 * A run long enough that its statistics make the selection's first counts while the blocks are
 * evaluated ({@link OrderedFeed#COUNT_FROM}): its means, standard errors and exact quantiles are
 * those of the kept draws summed in sample order and sorted, bit for bit, failed samples (NaN) and
 * all, on 1, 2 and 16 threads.
 */
class ExactRunTest {
  @Test
  void aLongExactRunIsItsDrawsSummedInOrderAndSorted() {
    CompiledModel cm = MonteCarloTest.model(BlockEvaluationTest.SCALAR.replace("correlate u, w = 0.5\n", ""));
    int n = OrderedFeed.COUNT_FROM + 3 * MonteCarlo.BLOCK + 77;
    McResult one = MonteCarloTest.run(cm, n, 5, 1, 50_000_000);
    for (int threads : new int[] {2, 16}) {
      McResult other = MonteCarloTest.run(cm, n, 5, threads, 50_000_000);
      for (McResult.ReportStats a : one.reports()) {
        McResult.ReportStats b = MonteCarloTest.stats(other, a.spec().name());
        assertEquals(Arrays.toString(a.mean()), Arrays.toString(b.mean()), threads + " threads");
        assertEquals(Arrays.toString(a.se()), Arrays.toString(b.se()), threads + " threads");
        for (double q : new double[] {0.05, 0.5, 0.95}) {
          assertEquals(Double.doubleToLongBits(a.quantiles()[0].quantile(q)), Double.doubleToLongBits(b.quantiles()[0].quantile(q)));
        }
      }
    }
    for (String name : List.of("profit", "powered", "picked", "ratio")) {
      McResult.ReportStats s = MonteCarloTest.stats(one, name);
      double[] draws = s.draws();
      Moments m = new Moments();
      for (double x : draws) {
        if (!Double.isNaN(x)) {
          m.add(x);
        }
      }
      assertEquals(Double.doubleToLongBits(m.mean()), Double.doubleToLongBits(s.mean()[0]), name + " mean");
      assertEquals(Double.doubleToLongBits(m.standardError()), Double.doubleToLongBits(s.se()[0]), name + " se");
      double[] sorted = Arrays.stream(draws).filter(x -> !Double.isNaN(x)).sorted().toArray();
      assertEquals(sorted.length, s.quantiles()[0].count(), name + " count");
      for (double q : new double[] {0, 0.0001, 0.05, 0.25, 0.5, 0.95, 0.9999, 1}) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        double expected = h == lo ? sorted[lo] : sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(s.quantiles()[0].quantile(q)), name + " q=" + q);
      }
    }
    assertTrue(MonteCarloTest.stats(one, "ratio").failed() > 0, "some samples fail (NaN among the kept values)");
  }
}

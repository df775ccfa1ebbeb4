package org.tokenomics.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The reference of the feed tests: a cell's values added one by one to a fresh histogram and
 * moments, NaN (a failed sample) skipped; a hand-fused feed must give the same statistics, bit for bit.
 */
final class OneByOne {
  private OneByOne() {}

  /**
   * Fails unless {@code count}, {@code h} and {@code m} are what adding the first n {@code values}
   * one by one gives: the count, mean, se, the histogram's counts and window, and quantiles {@code qs}.
   */
  static void assertFedLike(double[] values, int n, int buckets, long count, LogHistogram h, Moments m, double... qs) {
    LogHistogram h1 = new LogHistogram(buckets);
    Moments m1 = new Moments();
    long added = 0;
    for (int i = 0; i < n; i++) {
      double x = values[i];
      if (!Double.isNaN(x)) {
        h1.add(x);
        m1.add(x);
        added++;
      }
    }
    assertEquals(added, count);
    assertEquals(Double.doubleToLongBits(m1.mean()), Double.doubleToLongBits(m.mean()), "mean");
    assertEquals(m1.count(), m.count());
    assertEquals(Double.doubleToLongBits(m1.standardError()), Double.doubleToLongBits(m.standardError()), "se");
    assertEquals(h1.count(), h.count());
    assertEquals(h1.negatives(), h.negatives());
    assertEquals(h1.coarsening(), h.coarsening());
    for (double q : qs) {
      assertEquals(Double.doubleToLongBits(h1.quantile(q)), Double.doubleToLongBits(h.quantile(q)), "q" + q);
    }
  }
}

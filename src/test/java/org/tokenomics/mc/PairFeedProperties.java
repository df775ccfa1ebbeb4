package org.tokenomics.mc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Two report values fed together ({@link PairFeed}) get, each, bit for bit what adding its values
 * one by one gives, however the two differ (one value NaN, rescaling or leaving its histogram's
 * window while the other does not, either or both starting fresh) and wherever they start in their
 * arrays; and a cell's count of values added is its count of values that are not NaN. The values
 * are {@link FeedProperties}' (NaN, zeros, both signs, values near the largest double, tiny ones,
 * spreads wide enough to coarsen a histogram).
 */
class PairFeedProperties {
  @Provide
  Arbitrary<List<Double>> values() {
    return new FeedProperties().values();
  }

  @Property(tries = 300)
  void eachOfTwoCellsAddsLikeOneByOne(@ForAll("values") List<Double> a, @ForAll("values") List<Double> b,
                                      @ForAll @IntRange(min = 0, max = 9) int margin,
                                      @ForAll @IntRange(min = 64, max = 20000) int buckets) {
    int n = Math.min(a.size(), b.size());
    double[][] columns = {laid(a, n, margin), laid(b, n, margin)};
    LogHistogram[] h = {new LogHistogram(buckets), new LogHistogram(buckets)};
    Moments[] m = {new Moments(), new Moments()};
    long[] counts = new long[2];
    int cut = n / 3; // in two calls, as the engine feeds a wave after another
    PairFeed.cells(columns, 0, 1, margin, cut, h, m, counts);
    PairFeed.cells(columns, 0, 1, margin + cut, n - cut, h, m, counts);
    for (int c = 0; c < 2; c++) {
      double[] values = (c == 0 ? a : b).stream().mapToDouble(Double::doubleValue).toArray();
      OneByOne.assertFedLike(values, n, buckets, counts[c], h[c], m[c], 0, 0.01, 0.25, 0.5, 0.9, 1);
    }
  }

  /** An odd number of cells: the engine's feed takes the last alone ({@link Feed#column}), the same sums. */
  @Property(tries = 50)
  void theEnginesFeedOfThreeCellsIsEachCellAlone(@ForAll("values") List<Double> a) {
    double[] v = a.stream().mapToDouble(Double::doubleValue).toArray();
    LogHistogram[] h = {new LogHistogram(64), new LogHistogram(64), new LogHistogram(64)};
    Moments[] m = {new Moments(), new Moments(), new Moments()};
    long[] counts = new long[3];
    double[] reversed = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      reversed[i] = v[v.length - 1 - i];
    }
    double[][] columns = {v, reversed, v};
    PairFeed.cells(columns, 0, 1, 0, v.length, h, m, counts);
    PairFeed.range(columns, 2, 3, 0, v.length, h, m, counts); // an odd last cell: Feed.column
    assertEquals(counts[0], counts[2]);
    assertEquals(counts[0], counts[1]);
    assertEquals(Double.doubleToLongBits(m[0].mean()), Double.doubleToLongBits(m[2].mean()));
    assertEquals(Double.doubleToLongBits(m[0].standardError()), Double.doubleToLongBits(m[2].standardError()));
    assertArrayEquals(new double[] {h[0].quantile(0.05), h[0].quantile(0.5), h[0].quantile(0.95)},
        new double[] {h[2].quantile(0.05), h[2].quantile(0.5), h[2].quantile(0.95)}, 0.0);
  }

  /** The first {@code n} values {@code margin} into an array with filler around them that must never be read. */
  private static double[] laid(List<Double> values, int n, int margin) {
    double[] laid = new double[n + 2 * margin];
    java.util.Arrays.fill(laid, 12345.0);
    for (int i = 0; i < n; i++) {
      laid[margin + i] = values.get(i);
    }
    return laid;
  }
}

package org.tokenomics.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Cells whose values are the same double for a whole wave ({@link Copies}), between cells that vary
 * and in waves where they vary too, get from the engine's feed ({@link PairFeed#range}) bit for bit
 * what adding their values one by one gives: zeros of both signs, NaN (failed samples), the value
 * the moments' shift came from or another one, tiny and huge values, a histogram that must move or
 * widen its window for the copies.
 */
class CopiesProperties {
  private static final double[] SPECIAL = {0.0, -0.0, Double.NaN, 3.0, -3.0, 1e308, -1e308, Double.MAX_VALUE, 1e-300,
      -4.9e-324, 2.5e9};

  @Property(tries = 300)
  void wavesOfCopiesAddLikeOneByOne(@ForAll long seed, @ForAll @IntRange(min = 1, max = 7) int cells,
                                    @ForAll @IntRange(min = 1, max = 6) int waves,
                                    @ForAll @IntRange(min = 64, max = 20000) int buckets) {
    Random rnd = new Random(seed);
    int[] lengths = new int[waves];
    int n = 0;
    for (int w = 0; w < waves; w++) {
      lengths[w] = 1 + rnd.nextInt(rnd.nextBoolean() ? 4 : 200);
      n += lengths[w];
    }
    double[][] columns = new double[cells][n];
    for (int c = 0; c < cells; c++) {
      int at = 0;
      for (int w = 0; w < waves; w++) {
        boolean copies = rnd.nextInt(3) > 0;
        double value = copies ? pick(rnd, columns[c], at) : 0;
        for (int i = 0; i < lengths[w]; i++) {
          columns[c][at + i] = copies ? value : varying(rnd);
        }
        at += lengths[w];
      }
    }
    LogHistogram[] h = new LogHistogram[cells];
    Moments[] m = new Moments[cells];
    for (int c = 0; c < cells; c++) {
      h[c] = new LogHistogram(buckets);
      m[c] = new Moments();
    }
    long[] counts = new long[cells];
    int at = 0;
    for (int w = 0; w < waves; w++) {
      PairFeed.range(columns, 0, cells, at, lengths[w], h, m, counts);
      at += lengths[w];
    }
    for (int c = 0; c < cells; c++) {
      OneByOne.assertFedLike(columns[c], n, buckets, counts[c], h[c], m[c], 0, 0.05, 0.5, 0.95, 1);
    }
  }

  @Example
  void aColumnOfCopiesIsFedWithoutAddingThemOneByOne() {
    double[] v = new double[10_000];
    java.util.Arrays.fill(v, 7.25);
    LogHistogram h = new LogHistogram(64);
    Moments m = new Moments();
    assertEquals(10_000, Copies.feed(v, 0, v.length, h, m));
    assertEquals(10_000, m.count());
    assertEquals(10_000, h.count());
    assertEquals(7.25, m.mean(), 0.0);
    assertEquals(7.25, h.quantile(0.5), 7.25 * 0.002);
    v[9_999] = 7.5;
    assertEquals(-1, Copies.feed(v, 0, v.length, h, m)); // the last value differs: nothing fed
    assertEquals(10_000, m.count());
    java.util.Arrays.fill(v, Double.NaN);
    assertEquals(0, Copies.feed(v, 0, v.length, h, m)); // every sample failed
    assertEquals(10_000, m.count());
  }

  /** A wave's one value: a special one, the column's first value so far (the moments' shift), or a fresh one. */
  private static double pick(Random rnd, double[] column, int at) {
    return switch (rnd.nextInt(3)) {
      case 0 -> SPECIAL[rnd.nextInt(SPECIAL.length)];
      case 1 -> at > 0 ? column[0] : 1.0;
      default -> varying(rnd);
    };
  }

  private static double varying(Random rnd) {
    return rnd.nextInt(10) == 0 ? SPECIAL[rnd.nextInt(SPECIAL.length)] : (rnd.nextDouble() - 0.2) * Math.pow(10, rnd.nextInt(12));
  }
}

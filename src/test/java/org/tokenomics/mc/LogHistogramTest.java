package org.tokenomics.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

class LogHistogramTest {
  static final double[] QS = {0, 0.001, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 0.999, 1};

  static double[] values(int n, DoubleSupplier draw) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = draw.getAsDouble();
    }
    return v;
  }

  static LogHistogram histogram(double[] v, int maxBuckets) {
    LogHistogram h = new LogHistogram(maxBuckets);
    h.addAll(v, 0, v.length);
    return h;
  }

  /**
   * Every quantile within {@code relative} of the exact one: of the larger of the two order
   * statistics it interpolates between (each estimate lies in its order statistic's bucket).
   */
  static void assertClose(double[] v, LogHistogram h, double relative) {
    Quantiles exact = new Quantiles.Exact(v, 0, v.length);
    double[] sorted = v.clone();
    Arrays.sort(sorted);
    assertEquals(exact.count(), h.count());
    for (double q : QS) {
      double position = (sorted.length - 1) * q;
      double scale = Math.max(Math.abs(sorted[(int) Math.floor(position)]), Math.abs(sorted[(int) Math.ceil(position)]));
      assertEquals(exact.quantile(q), h.quantile(q), scale * relative, "q" + q);
    }
  }

  @Test
  void quantilesAreWithinTheBucketWidth() {
    Random r = new Random(1);
    double width = Math.scalb(1.0, -LogHistogram.PRECISION); // 0.2 %
    for (DoubleSupplier d : new DoubleSupplier[] {
        r::nextDouble,                                       // uniform
        () -> 3e9 * Math.exp(r.nextGaussian() * 0.7),        // lognormal dollars
        () -> 1e-6 * (100 + 10 * r.nextGaussian()),          // small values, both signs rare
        () -> r.nextGaussian() * 5e10,                       // both signs around zero
        () -> r.nextDouble() < 0.3 ? 0 : -r.nextDouble()}) { // zeros and negatives
      double[] v = values(100_000, d);
      assertClose(v, histogram(v, 1 << 14), width);
    }
  }

  @Test
  void indicatorsAndConstantsAreExact() {
    Random r = new Random(2);
    double[] indicator = values(10_000, () -> r.nextDouble() < 0.46 ? 1 : 0);
    assertClose(indicator, histogram(indicator, 64), 0);
    double[] constant = values(1_000, () -> 7.25e9);
    LogHistogram h = histogram(constant, 64);
    for (double q : QS) {
      assertEquals(7.25e9, h.quantile(q));
    }
  }

  @Test
  void emptyHasNoQuantileAndNaNIsSkipped() {
    LogHistogram h = new LogHistogram(1 << 14);
    assertTrue(Double.isNaN(h.quantile(0.5)));
    assertEquals(2, h.addAll(new double[] {Double.NaN, 1, Double.NaN, 3}, 0, 4));
    assertEquals(2, h.count());
    assertEquals(2, h.quantile(0.5), 2 * 0.002);
  }

  @Test
  void theOrderOfValuesDoesNotMatter() {
    Random r = new Random(3);
    // spread over 600 powers of two: forces merging buckets with 256 buckets per sign
    double[] v = values(50_000, () -> (r.nextBoolean() ? 1 : -1) * Math.pow(2, 600 * r.nextDouble() - 300));
    LogHistogram inOrder = histogram(v, 256);
    double[] shuffled = v.clone();
    for (int i = shuffled.length - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      double t = shuffled[i];
      shuffled[i] = shuffled[j];
      shuffled[j] = t;
    }
    LogHistogram other = new LogHistogram(256);
    for (int from = 0; from < shuffled.length; from += 777) { // in pieces, as waves feed it
      other.addAll(shuffled, from, Math.min(shuffled.length, from + 777));
    }
    double[] sorted = v.clone();
    Arrays.sort(sorted);
    LogHistogram ascending = histogram(sorted, 256);
    assertTrue(inOrder.coarsening() > 0, "values this spread merge buckets");
    assertEquals(inOrder.coarsening(), other.coarsening());
    assertEquals(inOrder.coarsening(), ascending.coarsening());
    for (double q : QS) {
      assertEquals(inOrder.quantile(q), other.quantile(q), "q" + q);
      assertEquals(inOrder.quantile(q), ascending.quantile(q), "q" + q);
    }
  }

  @Test
  void mergedBucketsKeepARelativeBound() {
    Random r = new Random(4);
    double[] v = values(20_000, () -> Math.pow(10, 10 * r.nextDouble())); // 33.2 powers of two
    LogHistogram h = histogram(v, 4096);
    int coarsening = h.coarsening();
    assertEquals(3, coarsening); // 33.2 × 512 buckets merged by 2^3 fit 4096
    assertClose(v, h, Math.scalb(1.0, coarsening - LogHistogram.PRECISION));
  }
}

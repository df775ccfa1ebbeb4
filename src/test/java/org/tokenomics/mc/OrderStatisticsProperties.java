package org.tokenomics.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Selection gives exactly what a full sort gives, bit for bit, whatever the order of questions. */
class OrderStatisticsProperties {

  @Provide
  Arbitrary<double[]> samples() {
    // few distinct values (ties, as an event's outcomes), signed zeros, and wide ones
    Arbitrary<Double> value = Arbitraries.oneOf(
        Arbitraries.of(-0.0, 0.0, 1.0, -1.0, 2.5),
        Arbitraries.doubles().between(-1e6, 1e6),
        Arbitraries.of(Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE));
    return value.array(double[].class).ofMinSize(1).ofMaxSize(3000);
  }

  @Property(tries = 300)
  void everyOrderStatisticIsTheSortedOne(@ForAll("samples") double[] values,
                                         @ForAll @Size(max = 80) List<@IntRange(min = 0, max = 1_000_000) Integer> asks) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    OrderStatistics s = new OrderStatistics(values.clone());
    for (int ask : asks) {
      int k = ask % sorted.length;
      assertEquals(Double.doubleToRawLongBits(sorted[k]), Double.doubleToRawLongBits(s.get(k)), "k=" + k);
    }
    for (int k = 0; k < sorted.length; k += Math.max(1, sorted.length / 7)) {
      assertEquals(Double.doubleToRawLongBits(sorted[k]), Double.doubleToRawLongBits(s.get(k)), "k=" + k);
    }
  }

  @Property(tries = 200)
  void quantilesAndNegativesAreTheSortedOnes(@ForAll("samples") double[] values,
                                             @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 0, max = 1000) Integer> permille) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    Quantiles exact = new Quantiles.Exact(values, 0, values.length);
    for (int m : permille) {
      double q = m / 1000.0;
      double h = (sorted.length - 1) * q;
      int lo = (int) Math.floor(h);
      int hi = Math.min(sorted.length - 1, lo + 1);
      double expected = h == lo ? sorted[lo] : sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
      assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(exact.quantile(q)), "q=" + q);
    }
    assertEquals(Arrays.stream(values).filter(x -> x < 0).count(), exact.negatives());
  }

  /**
   * Lumpy values (most within a few units in the last place of one another, the rest spread over
   * the whole range of doubles, NaN among them) make buckets too full to sort, which are split
   * again among their own values; the result is still the sorted one, and the array is not written.
   */
  @Property(tries = 25)
  void lumpyValuesWithNaNAreSplitAgainAndStillSorted(@ForAll @IntRange(min = 5000, max = 60000) int n,
                                                     @ForAll @IntRange(min = 0, max = 1000) int seed) {
    java.util.Random r = new java.util.Random(seed);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      int kind = r.nextInt(10);
      v[i] = kind < 7 ? 1.0 + r.nextInt(20_000) * Math.ulp(1.0) // one lump, thousands of distinct values
          : kind == 7 ? (r.nextBoolean() ? -1 : 1) * Math.pow(10, r.nextDouble() * 600 - 300)
          : kind == 8 ? Double.NaN : (r.nextBoolean() ? 0.0 : -0.0);
    }
    double[] before = v.clone();
    double[] sorted = Arrays.stream(v).filter(x -> !Double.isNaN(x)).sorted().toArray();
    OrderStatistics s = new OrderStatistics(v);
    assertEquals(sorted.length, s.size());
    for (int t = 0; t < 40; t++) {
      int k = r.nextInt(sorted.length);
      assertEquals(Double.doubleToRawLongBits(sorted[k]), Double.doubleToRawLongBits(s.get(k)), "k=" + k);
    }
    assertEquals(Arrays.stream(sorted).filter(x -> x < 0).count(), s.negatives());
    for (int i = 0; i < n; i++) {
      assertEquals(Double.doubleToRawLongBits(before[i]), Double.doubleToRawLongBits(v[i]), "written at " + i);
    }
  }

  /**
   * With first counts made while the values were fed ({@link OrderStatistics.Histogram}, over the
   * range of a prefix of the values, as {@link OrderedFeed} makes them), every rank is still the
   * sorted one: inside the range, and below or above it (counted only then).
   */
  @Property(tries = 300)
  void firstCountsMadeWhileFedGiveTheSortedValues(@ForAll("samples") double[] values,
                                                  @ForAll @IntRange(min = 1, max = 3000) int prefix,
                                                  @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 1_000_000) Integer> asks) {
    int p = Math.min(prefix, values.length);
    OrderStatistics.Summary head = OrderStatistics.Summary.of(values, p);
    OrderStatistics.Summary all = OrderStatistics.Summary.of(values, values.length);
    all.first = new OrderStatistics.Histogram(head.minKey, head.maxKey);
    all.first.add(values, 0, values.length);
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    OrderStatistics s = new OrderStatistics(values, values.length, all);
    for (int ask : asks) {
      int k = ask % sorted.length;
      assertEquals(Double.doubleToRawLongBits(sorted[k]), Double.doubleToRawLongBits(s.get(k)), "k=" + k);
    }
    for (int k : new int[] {0, sorted.length - 1, sorted.length / 2}) {
      assertEquals(Double.doubleToRawLongBits(sorted[k]), Double.doubleToRawLongBits(s.get(k)), "k=" + k);
    }
  }

  /** An adversarial order (sorted, reversed, organ pipe) still ends, and right. */
  @Test
  void orderedInputs() {
    int n = 200_001;
    double[][] inputs = {new double[n], new double[n], new double[n]};
    for (int i = 0; i < n; i++) {
      inputs[0][i] = i;
      inputs[1][i] = n - i;
      inputs[2][i] = Math.min(i, n - i);
    }
    for (double[] in : inputs) {
      double[] sorted = in.clone();
      Arrays.sort(sorted);
      OrderStatistics s = new OrderStatistics(in);
      for (int k : new int[] {n / 2, n / 20, n - n / 20, 0, n - 1, n / 2 + 1}) {
        assertEquals(sorted[k], s.get(k));
      }
    }
  }
}

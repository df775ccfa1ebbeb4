package org.tokenomics.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The fused statistics feed ({@link Feed}) and the accumulators' own loops give, bit for bit,
 * what adding the values one by one gives: whatever the values (NaN, zeros, both signs, values
 * near the largest double that rescale the sums, tiny ones, a spread wide enough to coarsen the
 * histogram) and wherever the values start in their array.
 */
class FeedProperties {
  @Provide
  Arbitrary<List<Double>> values() {
    Arbitrary<Double> ordinary = Arbitraries.doubles().between(-1e6, 1e9);
    Arbitrary<Double> special = Arbitraries.of(Double.NaN, 0.0, -0.0, 1e308, -1e308, Double.MAX_VALUE, 1e-300, -4.9e-324,
        1e-12, 3.0);
    Arbitrary<Double> wide = Arbitraries.doubles().between(1, 300).map(e -> Math.pow(10, e - 150));
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, ordinary), net.jqwik.api.Tuple.of(1, special),
        net.jqwik.api.Tuple.of(2, wide)).list().ofMaxSize(300);
  }

  @Property(tries = 300)
  void theFusedFeedAddsLikeOneByOne(@ForAll("values") List<Double> values, @ForAll @IntRange(min = 0, max = 9) int margin,
                                    @ForAll @IntRange(min = 64, max = 20000) int buckets) {
    int n = values.size();
    // the values `margin` into a longer array (a wave's column is read from an offset)
    double[] laid = new double[n + 2 * margin];
    java.util.Arrays.fill(laid, 12345.0); // filler that must never be read
    LogHistogram h1 = new LogHistogram(buckets);
    Moments m1 = new Moments();
    int added1 = 0;
    for (int i = 0; i < n; i++) {
      double x = values.get(i);
      laid[margin + i] = x;
      if (!Double.isNaN(x)) {
        h1.add(x);
        m1.add(x);
        added1++;
      }
    }
    LogHistogram h2 = new LogHistogram(buckets);
    Moments m2 = new Moments();
    int cut = n / 3; // in two calls, as the engine feeds a wave after another
    int added2 = Feed.column(laid, margin, cut, h2, m2);
    added2 += Feed.column(laid, margin + cut, n - cut, h2, m2);
    assertEquals(added1, added2);
    assertSame(h1, m1, h2, m2);

    double[] plain = values.stream().mapToDouble(Double::doubleValue).toArray();
    LogHistogram h3 = new LogHistogram(buckets);
    Moments m3 = new Moments();
    h3.addAll(plain, 0, n);
    m3.addAll(plain, 0, n);
    assertSame(h1, m1, h3, m3);
  }

  private static void assertSame(LogHistogram h1, Moments m1, LogHistogram h2, Moments m2) {
    assertEquals(Double.doubleToLongBits(m1.mean()), Double.doubleToLongBits(m2.mean()), "mean");
    assertEquals(m1.count(), m2.count());
    assertEquals(Double.doubleToLongBits(m1.standardError()), Double.doubleToLongBits(m2.standardError()), "se");
    assertEquals(h1.count(), h2.count());
    assertEquals(h1.negatives(), h2.negatives());
    assertEquals(h1.coarsening(), h2.coarsening());
    for (double q : new double[] {0, 0.01, 0.25, 0.5, 0.9, 1}) {
      assertEquals(Double.doubleToLongBits(h1.quantile(q)), Double.doubleToLongBits(h2.quantile(q)), "q" + q);
    }
  }
}

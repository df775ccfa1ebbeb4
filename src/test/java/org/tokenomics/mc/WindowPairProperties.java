package org.tokenomics.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * The windows' loop ({@link WindowPair}) inside {@link PairFeed}: two report values whose values
 * mostly keep one sign (or change sign now and then, or are often zero), spread over a few powers
 * of two or many (windows that move and coarsen), now and then broken by what must leave the loop
 * (NaN, a value near the largest double or a tiny one), each get bit for bit what adding its values
 * one by one gives.
 */
class WindowPairProperties {
  @Provide
  Arbitrary<List<Double>> column() {
    Arbitrary<Double> narrow = Arbitraries.doubles().between(90, 110);
    Arbitrary<Double> wide = Arbitraries.doubles().between(-20, 60).map(e -> Math.pow(2, e));
    Arbitrary<Double> breaking = Arbitraries.of(Double.NaN, 0.0, -0.0, -3.0, 1e308, Double.MAX_VALUE, 1e-300,
        Double.MIN_VALUE, 1e150);
    Arbitrary<Double> magnitudes = Arbitraries.frequencyOf(Tuple.of(60, narrow), Tuple.of(30, wide), Tuple.of(1, breaking));
    // per column: the share of values of the rarer sign (none, some, half) and of zeros (none or some)
    Arbitrary<Integer> flips = Arbitraries.of(0, 0, 3, 50);
    Arbitrary<Integer> zeros = Arbitraries.of(0, 0, 10, 100);
    return Arbitraries.integers().between(0, 1).flatMap(negative -> flips.flatMap(flip -> zeros.flatMap(zero ->
        Arbitraries.integers().between(0, 99).flatMap(dice -> Arbitraries.integers().between(0, 99).flatMap(dice2 ->
            magnitudes.map(x -> dice < zero && dice2 < 30 ? (dice2 < 15 ? 0.0 : -0.0) : (negative == 1) != (dice2 < flip) ? -x : x)))
        .list().ofMinSize(1).ofMaxSize(3000))));
  }

  @Property(tries = 200)
  void eachOfTwoOneSignedCellsAddsLikeOneByOne(@ForAll("column") List<Double> a, @ForAll("column") List<Double> b,
                                               @ForAll @IntRange(min = 64, max = 20000) int buckets,
                                               @ForAll @IntRange(min = 1, max = 5) int waves) {
    int n = Math.min(a.size(), b.size());
    double[][] columns = {array(a, n), array(b, n)};
    LogHistogram[] h = {new LogHistogram(buckets), new LogHistogram(buckets)};
    Moments[] m = {new Moments(), new Moments()};
    long[] counts = new long[2];
    for (int w = 0; w < waves; w++) { // as the engine feeds a wave after another
      int from = n * w / waves;
      PairFeed.cells(columns, 0, 1, from, n * (w + 1) / waves - from, h, m, counts);
    }
    for (int c = 0; c < 2; c++) {
      OneByOne.assertFedLike(columns[c], n, buckets, counts[c], h[c], m[c], 0, 0.05, 0.5, 0.95, 1);
    }
  }

  /** The loop is the one taken: a pair whose windows hold its values is fed by it to the end, zeros and both signs included. */
  @Example
  void aPairWhoseWindowsHoldItsValuesIsFedByTheLoopToTheEnd() {
    double[] a = new double[1000];
    double[] b = new double[1000];
    for (int i = 0; i < a.length; i++) {
      a[i] = 100 + i % 7;
      b[i] = -(5 + i % 11) * 0.5;
    }
    // the first three values open the windows: each column's extremes, a zero, the other sign
    a[1] = 106;
    a[2] = 0.0;
    b[0] = -2.5;
    b[1] = -7.5;
    b[2] = 4.0;
    a[500] = -0.0;
    a[501] = 0.0;
    b[700] = 4.0;
    LogHistogram ha = new LogHistogram(1 << 14);
    LogHistogram hb = new LogHistogram(1 << 14);
    Moments ma = new Moments();
    Moments mb = new Moments();
    for (int i = 0; i < 3; i++) {
      ha.add(a[i]);
      ma.add(a[i]);
      hb.add(b[i]);
      mb.add(b[i]);
    }
    LogHistogram.Side pa = WindowPair.side(ha, ma);
    LogHistogram.Side pb = WindowPair.side(hb, mb);
    assertEquals(ha.positive, pa);
    assertEquals(hb.negative, pb); // the mean's sign: most values'
    assertEquals(a.length, WindowPair.run(a, b, 3, a.length, ha, pa, ma, hb, pb, mb));
    assertEquals(a.length, ha.count());
    assertEquals(3, ha.zeros);
    assertEquals(b.length - 2, hb.negatives());
    assertEquals(103.0, ha.quantile(0.5), 103.0 / 512); // within its bucket
    assertEquals(4.0, hb.quantile(1));
    ha.add(Double.MAX_VALUE); // a window reaching the largest doubles: the moments' scale could not take them
    assertNull(WindowPair.side(ha, ma));
  }

  private static double[] array(List<Double> values, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = values.get(i);
    }
    return v;
  }
}

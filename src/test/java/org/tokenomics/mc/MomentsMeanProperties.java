package org.tokenomics.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * The mean from the moments' shifted sums ({@link Moments#mean}), which replaced a compensated sum
 * of its own: within {@code (n + 4)·2^-52} of the values' spread around the first value (plus the
 * mean's own rounding) of the exact mean, for values of any sign, size and spread (near the largest
 * double, tiny, mixed, lumpy), and exact for a constant report.
 */
class MomentsMeanProperties {
  @Provide
  Arbitrary<List<Double>> values() {
    Arbitrary<Double> ordinary = Arbitraries.doubles().between(-1e6, 1e9);
    Arbitrary<Double> narrow = Arbitraries.doubles().between(99.0, 101.0);
    Arbitrary<Double> wide = Arbitraries.doubles().between(-300, 300).map(e -> Math.pow(10, e));
    Arbitrary<Double> special = Arbitraries.of(0.0, -0.0, 1e308, -1e308, Double.MAX_VALUE, -Double.MAX_VALUE, 1e-300,
        Double.MIN_VALUE, 3.0);
    return Arbitraries.frequencyOf(Tuple.of(4, ordinary), Tuple.of(4, narrow), Tuple.of(2, wide), Tuple.of(1, special))
        .list().ofMinSize(1).ofMaxSize(2000);
  }

  @Property(tries = 400)
  void theMeanIsWithinItsBoundOfTheExactMean(@ForAll("values") List<Double> values) {
    Moments m = new Moments();
    BigDecimal sum = BigDecimal.ZERO;
    double spread = 0;
    double first = values.get(0);
    for (double x : values) {
      m.add(x);
      sum = sum.add(new BigDecimal(x));
      spread = Math.max(spread, Math.abs(x / 2 - first / 2) * 2); // |x - first| without overflowing
    }
    int n = values.size();
    double exact = sum.divide(BigDecimal.valueOf(n), MathContext.DECIMAL128).doubleValue();
    double mean = m.mean();
    assertTrue(Double.isFinite(mean), "finite for finite values");
    double bound = (n + 4) * 0x1p-52 * (Math.abs(exact) + spread) + (n + 4) * Double.MIN_VALUE;
    assertTrue(Math.abs(mean / 2 - exact / 2) * 2 <= bound, "mean " + mean + ", exact " + exact + ", bound " + bound);
  }

  @Property(tries = 100)
  void aConstantReportsMeanIsExact(@ForAll @DoubleRange(min = -1e300, max = 1e300) double x,
                                   @ForAll @IntRange(min = 1, max = 5000) int n) {
    Moments m = new Moments();
    for (int i = 0; i < n; i++) {
      m.add(x);
    }
    assertEquals(Double.doubleToLongBits(x == 0 ? 0.0 : x), Double.doubleToLongBits(m.mean() == 0 ? 0.0 : m.mean()));
  }
}

package org.tokenomics.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.tokenomics.eval.series.TimeFns;

/**
 * {@code grow}, {@code decline} and {@code halving}'s power ({@link TimeFns.Compound#power}):
 * within (3 |x ln b| + 2) · 2⁻⁵³ of the exact power (ln b within an ulp, the product's rounding, then
 * exp within an ulp), and {@link Math#pow} itself, special cases and
 * all, for a base that is not positive and finite.
 */
class CompoundPowerProperties {

  @Property(tries = 2_000)
  void aPositiveBaseIsWithinItsBoundOfTheExactPower(@ForAll @DoubleRange(min = 0.01, max = 4) double base,
                                                    @ForAll @DoubleRange(min = -600, max = 600) double x) {
    Assume.that(Math.abs(x * Math.log(base)) < 700); // a normal double, neither overflowing nor subnormal
    double got = TimeFns.Compound.power(base, x);
    double exact = exactPower(base, x);
    double bound = (3 * Math.abs(x * Math.log(base)) + 2) * 0x1p-53 * exact;
    assertTrue(Math.abs(got - exact) <= bound, base + " ^ " + x + ": " + got + " against " + exact);
  }

  @Property(tries = 300)
  void wholeMonthlyGrowthIsWithinAFewUnitsOfPow(@ForAll @DoubleRange(min = -0.5, max = 0.5) double rate,
                                               @ForAll @DoubleRange(min = 0, max = 600) double months) {
    double t = Math.floor(months);
    double got = TimeFns.Compound.power(1 + rate, t);
    double pow = Math.pow(1 + rate, t);
    // pow is within an ulp of the exact power: the bound above plus that ulp
    assertTrue(Math.abs(got - pow) <= (3 * Math.abs(t * Math.log1p(rate)) + 3) * 0x1p-53 * pow, rate + " over " + t);
  }

  @Example
  void otherBasesAreMathPow() {
    double[] bases = {0.0, -0.0, -0.5, -2, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};
    double[] exponents = {0, 1, 2, 3, 0.5, -1, -2.5, 600, Double.POSITIVE_INFINITY};
    for (double b : bases) {
      for (double x : exponents) {
        assertEquals(Math.pow(b, x), TimeFns.Compound.power(b, x), 0.0, b + " ^ " + x);
      }
    }
    assertEquals(1.0, TimeFns.Compound.power(1.03, 0), 0.0); // the first period: exactly 1
    assertEquals(1.0, TimeFns.Compound.power(1.03, -0.0), 0.0);
    assertEquals(Math.pow(1.0, Double.POSITIVE_INFINITY), TimeFns.Compound.power(1.0, Double.POSITIVE_INFINITY), 0.0);
    assertEquals(0.0, TimeFns.Compound.power(0.5, Double.POSITIVE_INFINITY), 0.0);
  }

  /** b ^ x to 40 digits: exp(x ln b) by series in BigDecimal on the exact binary values. */
  private static double exactPower(double b, double x) {
    MathContext mc = new MathContext(40);
    BigDecimal y = new BigDecimal(x).multiply(ln(new BigDecimal(b), mc), mc);
    return exp(y, mc).doubleValue();
  }

  private static BigDecimal ln(BigDecimal v, MathContext mc) {
    // ln v = 2 atanh((v - 1) / (v + 1)), after taking out powers of two
    int twos = 0;
    BigDecimal two = BigDecimal.valueOf(2);
    while (v.compareTo(BigDecimal.valueOf(1.5)) > 0) {
      v = v.divide(two, mc);
      twos++;
    }
    while (v.compareTo(BigDecimal.valueOf(0.75)) < 0) {
      v = v.multiply(two, mc);
      twos--;
    }
    BigDecimal z = v.subtract(BigDecimal.ONE).divide(v.add(BigDecimal.ONE), mc);
    BigDecimal z2 = z.multiply(z, mc);
    BigDecimal term = z;
    BigDecimal sum = BigDecimal.ZERO;
    for (int k = 1; k < 400; k += 2) {
      sum = sum.add(term.divide(BigDecimal.valueOf(k), mc), mc);
      term = term.multiply(z2, mc);
    }
    return sum.multiply(two, mc).add(LN2.multiply(BigDecimal.valueOf(twos), mc), mc);
  }

  private static final BigDecimal LN2 = new BigDecimal("0.6931471805599453094172321214581765680755001343602552541206800094933936219696947156058633269964186875");

  private static BigDecimal exp(BigDecimal y, MathContext mc) {
    // e^y = (e^(y / 2^k))^(2^k), the series on a small argument
    int k = 0;
    while (y.abs().compareTo(BigDecimal.valueOf(0.01)) > 0) {
      y = y.divide(BigDecimal.valueOf(2), mc);
      k++;
    }
    BigDecimal sum = BigDecimal.ONE;
    BigDecimal term = BigDecimal.ONE;
    for (int n = 1; n < 40; n++) {
      term = term.multiply(y, mc).divide(BigDecimal.valueOf(n), mc);
      sum = sum.add(term, mc);
    }
    for (int i = 0; i < k; i++) {
      sum = sum.multiply(sum, mc);
    }
    return sum;
  }
}

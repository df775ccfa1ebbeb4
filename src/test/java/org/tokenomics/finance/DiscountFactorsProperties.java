package org.tokenomics.finance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.tokenomics.Tok;

/**
 * npv with its discount factors computed once ({@link Finance#discountFactors}, kept by the npv
 * node for the last rate it met) is the npv computed with a {@code pow} per period, bit for bit;
 * and a node that meets one rate after another (a sweep, Monte Carlo of the rate) follows each.
 */
class DiscountFactorsProperties {
  @Property(tries = 200)
  void precomputedFactorsGiveTheSameNpv(@ForAll @Size(min = 1, max = 80) double[] amounts,
                                        @ForAll @DoubleRange(min = -0.99, max = 5) double rate,
                                        @ForAll @DoubleRange(min = -1e6, max = 1e6) double initial) {
    double[] years = new double[amounts.length];
    for (int i = 0; i < years.length; i++) {
      years[i] = (i + 1) / 12.0;
    }
    double direct = Finance.npv(amounts, years, rate, initial);
    double cached = Finance.npv(amounts, Finance.discountFactors(years, rate), initial);
    assertEquals(Double.doubleToRawLongBits(direct), Double.doubleToRawLongBits(cached), direct + " vs " + cached);
  }

  @Property(tries = 20)
  void oneModelFollowsEachRate(@ForAll @DoubleRange(min = 0, max = 0.4) double r1, @ForAll @DoubleRange(min = 0, max = 0.4) double r2) {
    var m = Tok.model("""
        timeline 2026 to 2030 monthly
        param r = 8 %
        let cash = $1B/yr * dt
        report v = npv(cash, r, timing: mid) as $B
        """);
    // the same compiled node meets r1, r2, r1 again: each value is a fresh model's
    for (double r : new double[] {r1, r2, r1}) {
      double v = m.evaluate(Map.of("r", String.valueOf(r))).value("v").in("$B");
      double fresh = Tok.model("timeline 2026 to 2030 monthly\nparam r = " + r + "\nlet cash = $1B/yr * dt\n"
          + "report v = npv(cash, r, timing: mid) as $B\n").evaluate().value("v").in("$B");
      assertEquals(Double.doubleToRawLongBits(fresh), Double.doubleToRawLongBits(v), r + ": " + v + " vs " + fresh);
      double expected = 0;
      for (int i = 0; i < 60; i++) {
        expected += (1.0 / 12) / Math.pow(1 + r, (i + 0.5) / 12);
      }
      assertEquals(expected, v, 1e-9);
    }
  }
}

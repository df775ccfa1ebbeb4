package org.tokenomics.mc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.tokenomics.check.CompiledModel;

/**
 * {@code correlate} (LANGUAGE.md §17) under Monte Carlo: Spearman correlation of the draws as
 * declared, marginals unchanged, the same on any thread count, and R = 0 exactly independent.
 */
class CorrelationTest {
  static final String SOURCE = """
      param rent  = uniform($1.5/h, $3/h)
      param price = lognormal($1/Mtok, $4/Mtok)
      param power = normal($80/MWh, $10/MWh)
      param other = triangular(1, 2, 4)
      correlate rent, price = 0.7
      correlate rent, power = -40 %
      report cash = rent * 1 h - price * 1 Mtok + power * 1 MWh / 100 + other * $1 as $
      """;

  static final int N = 100_000;

  /** Each param's draws (uniform shares: Spearman correlation is the same for the values). */
  static double[][] draws(CompiledModel model, long seed, int n) {
    Sampler s = Sampler.of(model, List.of());
    double[][] out = new double[s.params().size()][n];
    double[] u = new double[s.params().size()];
    for (int i = 0; i < n; i++) {
      s.draw(seed, i, u);
      for (int k = 0; k < u.length; k++) {
        out[k][i] = u[k];
      }
    }
    return out;
  }

  static double[] ranks(double[] x) {
    Integer[] order = new Integer[x.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
    double[] r = new double[x.length];
    for (int i = 0; i < order.length; i++) {
      r[order[i]] = i;
    }
    return r;
  }

  static double spearman(double[] x, double[] y) {
    double[] rx = ranks(x);
    double[] ry = ranks(y);
    double n = x.length;
    double mean = (n - 1) / 2;
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (rx[i] - mean) * (ry[i] - mean);
      sxx += (rx[i] - mean) * (rx[i] - mean);
    }
    return sxy / sxx;
  }

  /**
   * At 100,000 samples the standard error of a Spearman coefficient is at most 1/√(n−1) ≈ 0.0032
   * (less when |R| is large), so ±0.02 is over six standard errors: a correct copula never fails,
   * while the Pearson-for-Spearman mistake (ρ = R, off by up to 0.018 here) or a sign error would.
   */
  @Test
  void spearmanCorrelationIsAsDeclared() {
    double[][] u = draws(MonteCarloTest.model(SOURCE), 7, N);
    assertEquals(0.7, spearman(u[0], u[1]), 0.02, "rent, price");
    assertEquals(-0.4, spearman(u[0], u[2]), 0.02, "rent, power");
    assertEquals(0.0, spearman(u[1], u[3]), 0.02, "price, other (not listed)");
    // unlisted pairs are independent, even when both are correlated with a third (§17)
    assertEquals(0.0, spearman(u[1], u[2]), 0.02, "price, power (not listed)");
  }

  /**
   * Every correlated param's draws stay uniform, so its marginal distribution is unchanged: the
   * Kolmogorov–Smirnov distance from the uniform is below 1.63/√n, the 1 % critical value.
   */
  @Test
  void marginalsAreUnchanged() {
    double[][] u = draws(MonteCarloTest.model(SOURCE), 11, N);
    for (double[] column : u) {
      double[] sorted = column.clone();
      Arrays.sort(sorted);
      double d = 0;
      for (int i = 0; i < sorted.length; i++) {
        d = Math.max(d, Math.max(Math.abs(sorted[i] - (double) i / N), Math.abs(sorted[i] - (double) (i + 1) / N)));
      }
      assertTrue(d < 1.63 / Math.sqrt(N), "KS distance " + d);
    }
  }

  @Test
  void sameStatisticsOnOneTwoAndSixteenThreads() {
    CompiledModel model = MonteCarloTest.model(SOURCE);
    McResult one = MonteCarloTest.run(model, 20_000, 3, 1, 25_000_000);
    for (int threads : new int[] {2, 16}) {
      McResult other = MonteCarloTest.run(model, 20_000, 3, threads, 25_000_000);
      McResult.ReportStats a = MonteCarloTest.stats(one, "cash");
      McResult.ReportStats b = MonteCarloTest.stats(other, "cash");
      assertArrayEquals(a.mean(), b.mean(), 0.0);
      for (double q : new double[] {0.05, 0.5, 0.95}) {
        assertEquals(a.quantiles()[0].quantile(q), b.quantiles()[0].quantile(q), 0.0, threads + " threads, q" + q);
      }
    }
  }

  /** A correlation of 0 draws exactly (bit for bit) what no correlation draws. */
  @Property(tries = 50)
  void zeroCorrelationIsIndependence(@ForAll long seed, @ForAll @IntRange(min = 0, max = 1_000_000) int sample) {
    String plain = """
        param a = uniform(0, 1)
        param b = normal(0, 1)
        report s = a + b
        """;
    Sampler independent = Sampler.of(MonteCarloTest.model(plain), List.of());
    Sampler zero = Sampler.of(MonteCarloTest.model(plain + "correlate a, b = 0\n"), List.of());
    double[] x = new double[2];
    double[] y = new double[2];
    independent.draw(seed, sample, x);
    zero.draw(seed, sample, y);
    assertArrayEquals(x, y, 0.0);
  }

  /** R = 1 makes the ranks identical (a singular but consistent matrix). */
  @Test
  void fullCorrelationGivesEqualRanks() {
    String source = """
        param a = uniform(0, 1)
        param b = lognormal(1, 9)
        correlate a, b = 1
        report s = a
        """;
    double[][] u = draws(MonteCarloTest.model(source), 5, 10_000);
    assertEquals(1.0, spearman(u[0], u[1]), 1e-12);
  }
}

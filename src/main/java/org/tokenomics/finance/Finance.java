package org.tokenomics.finance;

import java.util.OptionalDouble;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.tokenomics.units.Units;

/**
 * Finance on arrays of amounts (LANGUAGE.md §6): annual effective rates, each amount located at
 * the END of its period, {@code initial} at the timeline's start. Times are in years from the
 * timeline's start.
 */
public final class Finance {
  private Finance() {}

  /** −initial + Σ amount_i / (1 + rate) ^ endYears_i. */
  public static double npv(double[] amounts, double[] endYears, double rate, double initial) {
    double v = -initial;
    for (int i = 0; i < amounts.length; i++) {
      v += amounts[i] / Math.pow(1 + rate, endYears[i]);
    }
    return v;
  }

  /** The rate where npv is zero, or empty when the cash flows never change the sign of npv. */
  public static OptionalDouble irr(double[] amounts, double[] endYears, double initial) {
    DoubleUnaryOperator f = r -> npv(amounts, endYears, r, initial);
    double[] grid = {-0.999, -0.99, -0.9, -0.75, -0.5, -0.25, -0.1, 0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3,
        0.5, 0.75, 1, 1.5, 2, 3, 5, 10, 20, 50, 100, 1000};
    double prev = f.applyAsDouble(grid[0]);
    for (int i = 1; i < grid.length; i++) {
      double cur = f.applyAsDouble(grid[i]);
      if (prev == 0) {
        return OptionalDouble.of(grid[i - 1]);
      }
      if (Double.isFinite(prev) && Double.isFinite(cur) && Math.signum(prev) != Math.signum(cur)) {
        return OptionalDouble.of(root(f, grid[i - 1], grid[i]));
      }
      prev = cur;
    }
    return prev == 0 ? OptionalDouble.of(grid[grid.length - 1]) : OptionalDouble.empty();
  }

  /**
   * The time in years at which cumulative cash turns non-negative for good, interpolating
   * linearly inside a period (each period's amount flows evenly through it). Empty when it is
   * still negative at the end.
   */
  public static OptionalDouble payback(double[] amounts, double[] startYears, double[] endYears, double initial) {
    double cum = -initial;
    double[] cumEnd = new double[amounts.length];
    for (int i = 0; i < amounts.length; i++) {
      cum += amounts[i];
      cumEnd[i] = cum;
    }
    if (amounts.length == 0 || cumEnd[amounts.length - 1] < 0) {
      return OptionalDouble.empty();
    }
    int last = -1; // the last period that ends in the red
    for (int i = 0; i < amounts.length; i++) {
      if (cumEnd[i] < 0) {
        last = i;
      }
    }
    if (last < 0) {
      return -initial >= 0 ? OptionalDouble.of(0) : OptionalDouble.of(crossing(-initial, amounts[0], startYears[0], endYears[0]));
    }
    int i = last + 1;
    return OptionalDouble.of(crossing(cumEnd[last], amounts[i], startYears[i], endYears[i]));
  }

  private static double crossing(double before, double amount, double start, double end) {
    if (amount <= 0) {
      return end;
    }
    return start + (end - start) * Math.min(1, Math.max(0, -before / amount));
  }

  /** rate / (1 − (1 + rate) ^ −years): the share of a principal paid back per year. */
  public static double crf(double rate, double years) {
    if (rate == 0) {
      return 1 / years;
    }
    return rate / (1 - Math.pow(1 + rate, -years));
  }

  /** Brent's method to a relative tolerance of 1e-12 (commons-math). */
  public static double root(DoubleUnaryOperator f, double lo, double hi) {
    // Relative accuracy decides; the absolute floor only matters for a root at 0. (A floor of 1e-14
    // stopped early for values in small base units: 4 $/Mtok is 4e-6 $/tok.)
    BrentSolver solver = new BrentSolver(1e-12, 1e-300, 1e-300);
    return solver.solve(10_000, f::applyAsDouble, lo, hi);
  }

  /** Seconds to years. */
  public static double years(double seconds) {
    return seconds / Units.YEAR;
  }
}

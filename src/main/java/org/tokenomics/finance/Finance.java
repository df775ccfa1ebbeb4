package org.tokenomics.finance;

import java.util.OptionalDouble;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.exception.MathArithmeticException;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.MathIllegalStateException;
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

  /**
   * The discount factors of {@link #npv}: {@code (1 + rate) ^ endYears[i]}.
   *
   * @param endYears years from the timeline's start to each amount
   * @param rate     the annual effective rate
   * @return one factor per amount
   */
  public static double[] discountFactors(double[] endYears, double rate) {
    double[] f = new double[endYears.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = Math.pow(1 + rate, endYears[i]);
    }
    return f;
  }

  /**
   * {@link #npv} with its discount factors computed already ({@link #discountFactors}): the same
   * divisions and additions in the same order, so the same double.
   *
   * @param amounts the amounts
   * @param factors their discount factors
   * @param initial the amount at the timeline's start
   * @return −initial + Σ amount_i / factor_i
   */
  public static double npv(double[] amounts, double[] factors, double initial) {
    double v = -initial;
    for (int i = 0; i < amounts.length; i++) {
      v += amounts[i] / factors[i];
    }
    return v;
  }

  /** The rate where npv is zero, or empty when there is none or more than one ({@link #irrs}). */
  public static OptionalDouble irr(double[] amounts, double[] endYears, double initial) {
    double[] r = irrs(amounts, endYears, initial);
    return r.length == 1 ? OptionalDouble.of(r[0]) : OptionalDouble.empty();
  }

  /**
   * The rates where npv is zero, scanning −99.9 % to 100,000 %: none, one, or the first two when
   * the flows change sign more than once and npv crosses zero twice (the caller says so rather
   * than pick one). Flows that are all zero have no rate. The flows are scaled by a power of two
   * first (exact, and irr does not depend on scale), so $1e-289 and $1 flows give the same rate.
   */
  public static double[] irrs(double[] amounts, double[] endYears, double initial) {
    double scale = Math.abs(initial);
    for (double a : amounts) {
      scale = Math.max(scale, Math.abs(a));
    }
    if (scale == 0 || !Double.isFinite(scale)) {
      return new double[0];
    }
    int shift = -Math.getExponent(scale);
    double[] scaled = new double[amounts.length];
    for (int i = 0; i < amounts.length; i++) {
      scaled[i] = Math.scalb(amounts[i], shift);
    }
    double init = Math.scalb(initial, shift);
    DoubleUnaryOperator f = r -> npv(scaled, endYears, r, init);
    double[] grid = {-0.999, -0.99, -0.9, -0.75, -0.5, -0.25, -0.1, 0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3,
        0.5, 0.75, 1, 1.5, 2, 3, 5, 10, 20, 50, 100, 1000};
    double[] roots = new double[2];
    int found = 0;
    double prev = f.applyAsDouble(grid[0]);
    if (prev == 0) {
      roots[found++] = grid[0];
    }
    for (int i = 1; i < grid.length && found < 2; i++) {
      double cur = f.applyAsDouble(grid[i]);
      if (cur == 0) {
        roots[found++] = grid[i];
      } else if (prev != 0 && Double.isFinite(prev) && Double.isFinite(cur) && Math.signum(prev) != Math.signum(cur)) {
        double r = root(f, grid[i - 1], grid[i]);
        if (!Double.isNaN(r)) {
          roots[found++] = r;
        }
      }
      prev = cur;
    }
    return java.util.Arrays.copyOf(roots, found);
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

  /**
   * The earliest point after which cumulative cash stays non-negative, each amount arriving at
   * its point {@code times[i]} (LANGUAGE.md §14, timing mid and start). 0 when the initial
   * amount leaves nothing to recover; empty when the cumulative cash ends negative.
   *
   * @param amounts the amounts, one per period
   * @param times   years from the timeline's start to where each amount arrives
   * @param initial the amount spent at the timeline's start
   * @return the payback time in years, or empty
   */
  public static OptionalDouble paybackAt(double[] amounts, double[] times, double initial) {
    double cum = -initial;
    int last = cum < 0 ? -1 : -2; // the last point after which cumulative cash is negative (-1: the start)
    for (int i = 0; i < amounts.length; i++) {
      cum += amounts[i];
      if (cum < 0) {
        last = i;
      }
    }
    if (last == -2) {
      return OptionalDouble.of(0);
    }
    if (last + 1 >= amounts.length) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(times[last + 1]);
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

  /**
   * Brent's method to a relative tolerance of 1e-12 (commons-math). NaN when there is no answer
   * to find: an end of the bracket that is not finite, a function that is NaN or has the same sign
   * at both ends, or no convergence in 10,000 evaluations. Commons Math's exceptions never leave
   * this method (the caller turns NaN into a diagnostic at its own span); errors thrown by
   * {@code f} itself (a TOK500 inside the model) do.
   */
  public static double root(DoubleUnaryOperator f, double lo, double hi) {
    if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(lo < hi)) {
      return Double.NaN;
    }
    double flo = f.applyAsDouble(lo);
    double fhi = f.applyAsDouble(hi);
    if (Double.isNaN(flo) || Double.isNaN(fhi) || Math.signum(flo) * Math.signum(fhi) > 0) {
      return Double.NaN;
    }
    // Relative accuracy decides; the absolute floor only matters for a root at 0. (A floor of 1e-14
    // stopped early for values in small base units: 4 $/Mtok is 4e-6 $/tok.)
    BrentSolver solver = new BrentSolver(1e-12, 1e-300, 1e-300);
    try {
      return solver.solve(10_000, f::applyAsDouble, lo, hi);
    } catch (MathIllegalArgumentException | MathIllegalStateException | MathArithmeticException e) {
      return Double.NaN;
    }
  }

  /** Seconds to years. */
  public static double years(double seconds) {
    return seconds / Units.YEAR;
  }
}

package org.tokenomics.eval.series;

/**
 * Time-weighted shares of a period (LANGUAGE.md §6, v2): how much of [s, e) a range or a ramp
 * covers. Dates are model time in seconds; a month is exactly a twelfth of a year, so a date on a
 * period boundary lands on it up to rounding, which {@link #EPS} absorbs (a share of 0.9999999999
 * would print as such and fail an exact comparison in a model's assert).
 */
public final class ProRata {
  /** A millisecond: overlaps shorter than this are no overlap. */
  static final double EPS = 1e-3;

  private ProRata() {}

  /**
   * The share of [s, e) inside [lo, hi).
   *
   * @param s  the period's start
   * @param e  the period's end
   * @param lo the range's start (may be −∞)
   * @param hi the range's end (may be +∞)
   * @return a share between 0 and 1
   */
  public static double share(double s, double e, double lo, double hi) {
    double overlap = Math.min(e, hi) - Math.max(s, lo);
    if (overlap <= EPS) {
      return 0;
    }
    if (overlap >= e - s - EPS) {
      return 1;
    }
    return overlap / (e - s);
  }

  /**
   * The average over [s, e) of clamp((τ − d) / over, 0, 1); a step at {@code d} when over ≤ 0.
   *
   * @param s    the period's start
   * @param e    the period's end
   * @param d    the ramp's start
   * @param over the ramp's length
   * @return a share between 0 and 1
   */
  public static double ramp(double s, double e, double d, double over) {
    if (over <= EPS) {
      return share(s, e, d, Double.POSITIVE_INFINITY);
    }
    double avg = (rampIntegral(e, d, over) - rampIntegral(s, d, over)) / (e - s);
    if (avg <= EPS / (e - s)) {
      return 0;
    }
    return avg >= 1 - EPS / (e - s) ? 1 : avg;
  }

  /** ∫ from d to x of clamp((τ − d) / over, 0, 1) dτ (0 for x ≤ d). */
  private static double rampIntegral(double x, double d, double over) {
    double u = x - d;
    if (u <= 0) {
      return 0;
    }
    if (u <= over) {
      return u * u / (2 * over);
    }
    return over / 2 + (u - over);
  }
}

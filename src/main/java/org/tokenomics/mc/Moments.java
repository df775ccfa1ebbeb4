package org.tokenomics.mc;

/**
 * The mean of one report period's values and their spread, for the standard error of the mean:
 * sums of the values' deviations from a shift {@code K} (the first value) and of their squares,
 * fed in sample order. With K one of the values it lies within a few standard deviations of the mean, so
 * {@code (S2 − S1²/n)} does not cancel badly (the "shifted data" algorithm), and each value costs
 * a subtraction, a multiplication and two additions: no division, unlike Welford's update.
 *
 * <p>Values are scaled by a power of two {@code 2^-k} (exact) chosen from the first value, so that
 * squares of values near {@code Double.MAX_VALUE} do not overflow; a value far beyond the others
 * rescales the sums, so the result is finite for any finite values. Fed in sample order, the
 * result does not depend on the thread count, and a merge of partial runs (which feeds values in
 * the same order) reproduces it bit for bit.
 */
final class Moments {
  /** Deviations above this are rescaled, so that a square and a sum of 2^31 squares stay finite. */
  static final double BIG = 0x1p400;
  private static final int STEP = 400;

  long n; // package-private for the fused feed (Feed)
  int k;
  double shift;
  double s1;
  double s2;

  /** Adds {@code v[from..to)}, skipping NaN (a failed sample). */
  void addAll(double[] v, int from, int to) {
    int i = from;
    for (; i < to && n == 0; i++) {
      double x = v[i];
      if (x == x) {
        add(x);
      }
    }
    // The hot loop: the sums in locals, and scalb(x, -k) as one multiply by 2^-k, which is the
    // same correctly rounded product whenever 2^-k is a double (|k| <= 1000 here), so the sums
    // are bit for bit those of add().
    while (i < to) {
      if (k < -1000 || k > 1000) {
        for (; i < to; i++) {
          double x = v[i];
          if (x == x) {
            add(x);
          }
        }
        return;
      }
      double scale = Math.scalb(1.0, -k);
      double sh = shift;
      double a1 = s1;
      double a2 = s2;
      long count = n;
      for (; i < to; i++) {
        double x = v[i];
        if (x != x) {
          continue;
        }
        double d = x * scale - sh;
        if (!(Math.abs(d) <= BIG)) {
          break; // a rescale: done by add(), then the loop goes on with the new scale
        }
        count++;
        a1 += d;
        a2 += d * d;
      }
      n = count;
      s1 = a1;
      s2 = a2;
      if (i < to) {
        add(v[i++]);
      }
    }
  }

  void add(double x) {
    if (n == 0) {
      k = x == 0 || !Double.isFinite(x) ? 0 : Math.getExponent(x);
      shift = Math.scalb(x, -k);
    }
    double d = Math.scalb(x, -k) - shift;
    if (!(Math.abs(d) <= BIG)) {
      d = rescale(x);
    }
    n++;
    s1 += d;
    s2 += d * d;
  }

  /**
   * Adds {@code copies} more copies of {@code x} at once when adding one would leave both sums as
   * they are (its deviation adds nothing to them: the copies of the value that set the shift),
   * which is then bit for bit what adding them one by one does: each would find the same state
   * but for the count. False, with nothing added, otherwise.
   */
  boolean addCopies(double x, long copies) {
    if (n == 0) {
      return false;
    }
    double d = Math.scalb(x, -k) - shift;
    if (!(Math.abs(d) <= BIG) || Double.doubleToRawLongBits(s1 + d) != Double.doubleToRawLongBits(s1)
        || Double.doubleToRawLongBits(s2 + d * d) != Double.doubleToRawLongBits(s2)) {
      return false;
    }
    n += copies;
    return true;
  }

  /** Scales the sums down until {@code x}'s deviation fits; returns that deviation. */
  private double rescale(double x) {
    double d;
    do {
      k += STEP;
      shift = Math.scalb(shift, -STEP);
      s1 = Math.scalb(s1, -STEP);
      s2 = Math.scalb(s2, -2 * STEP);
      d = Math.scalb(x, -k) - shift;
    } while (!(Math.abs(d) <= BIG) && k < 4 * STEP);
    return d;
  }

  /**
   * The mean of the values added, from the shifted sums: {@code 2^k·(K + S1/n)}, the shift plus the
   * mean deviation from it (the statistics need no sum of their own). Its rounding error is at
   * most about n·2^-53 times the values' mean distance from the first value (the sum of n
   * deviations, which the shift keeps small, rounded n times), plus 2^-52 of the mean: far below
   * the mean's standard error, s/√n, for any n up to 2^34 (UncertaintyProperties). NaN for no
   * values; finite whenever every value was.
   */
  double mean() {
    if (n == 0) {
      return Double.NaN;
    }
    double back = Math.scalb(shift + s1 / n, k);
    // the mean of finite values is finite; rounding at the very edge must not make it infinite
    return Double.isInfinite(back) ? Math.copySign(Double.MAX_VALUE, back) : back;
  }

  /** The values added. */
  long count() {
    return n;
  }

  /**
   * The standard error of the mean, {@code s/√n} with the sample standard deviation {@code s}
   * (divisor n − 1); NaN with fewer than two values; {@code Double.MAX_VALUE} at most.
   */
  double standardError() {
    if (n < 2) {
      return Double.NaN;
    }
    double var = Math.max(0, (s2 - s1 * (s1 / n)) / (n - 1));
    double se = Math.scalb(Math.sqrt(var / n), k);
    return Double.isInfinite(se) ? Double.MAX_VALUE : se;
  }
}

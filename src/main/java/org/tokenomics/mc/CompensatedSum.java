package org.tokenomics.mc;

/**
 * A running sum for a Monte Carlo mean: Neumaier's compensated sum (accurate whatever the order
 * of magnitudes), which cannot overflow. Values near {@code Double.MAX_VALUE} overflow a plain
 * sum although their mean is finite ({@code report x = 1e308} over two samples), so the first time
 * the sum would overflow it is rescaled by 2^-{@value #SHIFT} (exact: a power of two) and every
 * later value is scaled the same way; the mean is scaled back at the end. Values so small that
 * scaling loses them are then below the sum's precision anyway.
 */
final class CompensatedSum {
  static final int SHIFT = 600;

  double sum; // package-private for the fused feed (Feed)
  double comp;
  boolean scaled;

  /** Adds {@code v[0..len)}, skipping NaN (a failed sample). */
  void addAll(double[] v, int len) {
    int i = 0;
    // The hot loop: add()'s unscaled case with the sum in locals (the same operations in the same
    // order, so the same bits); a sum about to overflow leaves it for add(), which rescales.
    if (!scaled) {
      double s = sum;
      double c = comp;
      for (; i < len; i++) {
        double x = v[i];
        if (x != x) {
          continue;
        }
        double t = s + x;
        if (Double.isInfinite(t)) {
          break;
        }
        c += Math.abs(s) >= Math.abs(x) ? (s - t) + x : (x - t) + s;
        s = t;
      }
      sum = s;
      comp = c;
    }
    for (; i < len; i++) {
      double x = v[i];
      if (!Double.isNaN(x)) {
        add(x);
      }
    }
  }

  void add(double x) {
    if (scaled) {
      x = Math.scalb(x, -SHIFT);
    }
    double t = sum + x;
    if (Double.isInfinite(t) && !scaled && !Double.isInfinite(x)) {
      scaled = true;
      sum = Math.scalb(sum, -SHIFT);
      comp = Math.scalb(comp, -SHIFT);
      x = Math.scalb(x, -SHIFT);
      t = sum + x;
    }
    comp += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
    sum = t;
  }

  /** The mean of {@code n} values added; NaN for none. Finite whenever every value was. */
  double mean(long n) {
    if (n == 0) {
      return Double.NaN;
    }
    double m = (sum + comp) / n;
    if (!scaled) {
      return m;
    }
    // the mean of finite values is finite; rounding at the very edge must not make it infinite
    double back = Math.scalb(m, SHIFT);
    return Double.isInfinite(back) ? Math.copySign(Double.MAX_VALUE, back) : back;
  }
}

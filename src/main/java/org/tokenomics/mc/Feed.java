package org.tokenomics.mc;

/**
 * Feeds one report value's column of samples to its accumulators (the quantile histogram, the
 * moments of the mean and the standard error) in one pass, with their state in locals: one read
 * of each value instead of two, and the accumulators' chains of additions overlap in the processor
 * instead of running one after the other.
 *
 * <p>Exactly what {@code h.addAll(v, 0, len); m.addAll(v, 0, len)} do, bit for bit: the accumulators are independent, each still sees the values in sample order with the
 * same operations, and every rare case (the first value, a value outside the histogram's window,
 * a deviation that needs rescaling) leaves the hot loop and is handled
 * by the accumulators' own {@code add}.
 */
final class Feed {
  private Feed() {}

  /**
   * Adds {@code v[from..from + count)}, skipping NaN (a failed sample); returns how many were added.
   * The values are contiguous (a wave's column, or a partial run's values): the loop's index is
   * the array's, which the JIT addresses more cheaply than a layout computed per value.
   */
  static int column(double[] v, int from, int count, LogHistogram h, Moments m) {
    int i = from;
    int len = from + count;
    int added = 0;
    while (i < len) {
      if (m.n == 0 || m.k < -1000 || m.k > 1000) {
        added += slow(v[i++], h, m);
        continue;
      }
      LogHistogram.Side pos = h.positive;
      LogHistogram.Side neg = h.negative;
      int[] pc = pos.counts;
      int[] nc = neg.counts;
      int pShift = pos.shift;
      int nShift = neg.shift;
      long pOff = pos.offset;
      long nOff = neg.offset;
      long zeros = h.zeros;
      double lo = h.min;
      double hi = h.max;
      double scale = Math.scalb(1.0, -m.k); // 2^-k exactly: x * scale is scalb(x, -k) (see Moments)
      double sh = m.shift;
      double a1 = m.s1;
      double a2 = m.s2;
      long n = m.n;
      int start = i;
      for (; i < len; i++) {
        double x = v[i];
        if (x != x) {
          continue;
        }
        double d = x * scale - sh;
        if (!(Math.abs(d) <= Moments.BIG)) {
          break;
        }
        if (x > 0) {
          long b = ((Double.doubleToRawLongBits(x) >>> LogHistogram.SHIFT) >>> pShift) - pOff;
          if (b < 0 || b >= pc.length) {
            break;
          }
          pc[(int) b]++;
        } else if (x < 0) {
          long b = ((Double.doubleToRawLongBits(-x) >>> LogHistogram.SHIFT) >>> nShift) - nOff;
          if (b < 0 || b >= nc.length) {
            break;
          }
          nc[(int) b]++;
        } else {
          zeros++;
        }
        n++;
        a1 += d;
        a2 += d * d;
        lo = x < lo ? x : lo;
        hi = x > hi ? x : hi;
      }
      added += (int) (n - m.n);
      h.zeros = zeros;
      h.min = lo;
      h.max = hi;
      m.n = n;
      m.s1 = a1;
      m.s2 = a2;
      if (i < len) {
        added += slow(v[i++], h, m); // the value that left the loop, untouched so far
      } else if (i == start) {
        break;
      }
    }
    return added;
  }

  private static int slow(double x, LogHistogram h, Moments m) {
    if (x != x) {
      return 0;
    }
    h.add(x);
    m.add(x);
    return 1;
  }
}

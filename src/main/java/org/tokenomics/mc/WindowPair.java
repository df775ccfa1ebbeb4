package org.tokenomics.mc;

/**
 * {@link PairFeed}'s loop for two report values whose values fall in their histograms' windows
 * (nearly every value of a run, once the windows have grown to the values' range): a value's
 * bucket is found from its bits in its main side (the sign most values have), and one unsigned
 * comparison of that bucket against the side's window tells at once that the value is in the
 * window, has that sign, is neither zero nor NaN nor infinite, and (by the windows' checked bounds,
 * below) needs no rescaling of the moments. Only a value of the other sign is tested again, against
 * the other side's window, and then a zero, counted apart (the same operations on the moments as
 * any value: adding a zero of either sign to them is what {@code add} does too). The general loop
 * tests each of these apart and picks the side by a branch per value; here a value costs a shift,
 * a subtraction and one test before its additions, about a quarter less time per value on the
 * 60-month model, and a report whose sign varies (a margin, a cash flow) mispredicts only on its
 * rarer sign.
 *
 * <p>Bit for bit what the accumulators' own {@code add} does, value by value in sample order:
 * the same bucket (the side's {@code (bits >>> SHIFT) >>> shift}, the sign bit of a negative
 * value's bits adding a known constant), the same operations on the moments, the same minimum and
 * maximum. A value that fails the tests (NaN, outside both windows and not zero) leaves the loop
 * before either value of its sample is touched; {@link PairFeed} then adds both through the
 * accumulators' own {@code add}, which moves or widens the window.
 */
final class WindowPair {
  private WindowPair() {}

  /** The first fine index of infinity's and NaN's bits (exponent all ones): no finite value's. */
  private static final long INFINITE = 0x7FFL << LogHistogram.PRECISION;
  /** Largest power of two (exponent) a window's values may reach, so that no deviation needs rescaling. */
  private static final int MOMENTS_HEADROOM = 398;
  /** Most samples the loop takes in one call (its count of zeros is an int). */
  private static final int STRETCH = 1 << 16;

  /**
   * The main side of {@code h} when the loop may take its cell: the moments started at an ordinary
   * scale, and each side in use clear of zero and of infinity's bits, every value its window can
   * hold small enough for the moments' scale. The main side is the one in use (the positive one
   * when only zeros came so far), or with both in use the mean's sign (most values' sign: a guess
   * that only costs time when wrong). Null when the loop may not take the cell.
   */
  static LogHistogram.Side side(LogHistogram h, Moments m) {
    if (m.n == 0 || m.k < -1000 || m.k > 1000) {
      return null;
    }
    boolean positives = h.positive.counts.length != 0;
    boolean negatives = h.negative.counts.length != 0;
    if (positives && !clear(h.positive, m) || negatives && !clear(h.negative, m)) {
      return null;
    }
    return !negatives || positives && m.mean() >= 0 ? h.positive : h.negative;
  }

  /** Whether {@code side}'s window holds neither zero nor infinity's bits, nor a value too large for {@code m}'s scale. */
  private static boolean clear(LogHistogram.Side side, Moments m) {
    long end = (side.offset + side.counts.length) << side.shift; // the first fine index past the window
    return side.offset >= 1 && side.shift <= 20 && end <= INFINITE && topExponent(side) - m.k <= MOMENTS_HEADROOM;
  }

  /** The other side of {@code h} than {@code side}. */
  private static LogHistogram.Side other(LogHistogram h, LogHistogram.Side side) {
    return side == h.positive ? h.negative : h.positive;
  }

  /** What to subtract from a value's bits shifted right by SHIFT plus the side's shift: its bucket in the window. */
  private static int offset(LogHistogram h, LogHistogram.Side side) {
    // a negative value's bits have the sign bit, 2^20 in fine indexes: its side's offset takes it in
    return (int) side.offset + (side == h.negative ? 1 << (20 - side.shift) : 0);
  }

  /** Every value {@code side}'s window can hold is below {@code 2^topExponent} in magnitude (an empty one holds none). */
  private static long topExponent(LogHistogram.Side side) {
    if (side.counts.length == 0) {
      return -2000;
    }
    long end = (side.offset + side.counts.length) << side.shift;
    return (end >>> LogHistogram.PRECISION) - 1022; // the biased exponent of the window's end, minus 1023, plus one
  }

  /**
   * Feeds samples from {@code from} on while each value of both cells falls in a window of its
   * histogram or is zero, for at most {@link #STRETCH} samples, up to {@code len}; returns the
   * first sample not fed (its two values untouched).
   *
   * @param sa the main side of {@code ha} from {@link #side}
   * @param sb the main side of {@code hb} from {@link #side}
   */
  static int run(double[] va, double[] vb, int from, int len, LogHistogram ha, LogHistogram.Side sa, Moments ma,
                 LogHistogram hb, LogHistogram.Side sb, Moments mb) {
    int stop = from + Math.min(len - from, STRETCH);
    int[] ca = sa.counts;
    int[] cb = sb.counts;
    int sha = LogHistogram.SHIFT + sa.shift;
    int shb = LogHistogram.SHIFT + sb.shift;
    int oa = offset(ha, sa);
    int ob = offset(hb, sb);
    LogHistogram.Side ta = other(ha, sa); // the other sides: an empty one has an empty window
    LogHistogram.Side tb = other(hb, sb);
    int[] ca2 = ta.counts;
    int[] cb2 = tb.counts;
    int sha2 = LogHistogram.SHIFT + ta.shift;
    int shb2 = LogHistogram.SHIFT + tb.shift;
    int oa2 = offset(ha, ta);
    int ob2 = offset(hb, tb);
    int[] zeros = new int[2]; // the zeros of each cell (at most STRETCH: an int)
    double loa = ha.min;
    double hia = ha.max;
    double lob = hb.min;
    double hib = hb.max;
    double scalea = Math.scalb(1.0, -ma.k); // 2^-k exactly: x * scale is scalb(x, -k) (see Moments)
    double scaleb = Math.scalb(1.0, -mb.k);
    double ka = ma.shift;
    double kb = mb.shift;
    double a1a = ma.s1;
    double a2a = ma.s2;
    double a1b = mb.s1;
    double a2b = mb.s2;
    int i = from;
    for (; i < stop; i++) {
      double x = va[i];
      double y = vb[i];
      long rx = Double.doubleToRawLongBits(x);
      long ry = Double.doubleToRawLongBits(y);
      int bx = (int) (rx >>> sha) - oa;
      int by = (int) (ry >>> shb) - ob;
      int[] ax = ca;
      int[] ay = cb;
      if (Integer.compareUnsigned(bx, ca.length) >= 0) { // not in the main side's window: the other's?
        bx = (int) (rx >>> sha2) - oa2;
        ax = ca2;
        if (Integer.compareUnsigned(bx, ca2.length) >= 0) {
          if (x != 0) {
            break;
          }
          bx = 0; // a zero (either sign: it lies in no window) is counted apart
          ax = zeros;
        }
      }
      if (Integer.compareUnsigned(by, cb.length) >= 0) {
        by = (int) (ry >>> shb2) - ob2;
        ay = cb2;
        if (Integer.compareUnsigned(by, cb2.length) >= 0) {
          if (y != 0) {
            break;
          }
          by = 1;
          ay = zeros;
        }
      }
      ax[bx]++;
      ay[by]++;
      double dx = x * scalea - ka;
      double dy = y * scaleb - kb;
      a1a += dx;
      a2a += dx * dx;
      a1b += dy;
      a2b += dy * dy;
      loa = x < loa ? x : loa;
      hia = x > hia ? x : hia;
      lob = y < lob ? y : lob;
      hib = y > hib ? y : hib;
    }
    ha.zeros += zeros[0];
    hb.zeros += zeros[1];
    ha.min = loa;
    ha.max = hia;
    hb.min = lob;
    hb.max = hib;
    ma.n += i - from;
    ma.s1 = a1a;
    ma.s2 = a2a;
    mb.n += i - from;
    mb.s1 = a1b;
    mb.s2 = a2b;
    return i;
  }
}

package org.tokenomics.mc;

/**
 * {@link Feed} for two report values at once: one loop over the samples updates both values'
 * accumulators. Each value's accumulators form chains of dependent additions (the moments, the
 * minimum and maximum, a histogram bucket hit twice in a row); with two
 * independent sets in one loop the processor overlaps them, a sixth less time per value on the
 * 60-month model.
 *
 * <p>Bit for bit what {@link Feed#column} does for each value alone: each still sees its values
 * in sample order with the same operations. A sample that needs a rare case in either value (the
 * first value, NaN, a value outside its histogram's window, a deviation that needs rescaling) stops the loop before either value is touched; both values of that sample
 * then go through the accumulators' own {@code add}, and the loop starts again. Once both values'
 * histograms have windows that hold them, the cheaper {@link WindowPair} loop takes over (bit for
 * bit the same); this loop is left with a value's first sample and the rare windows it cannot take.
 */
final class PairFeed {
  private PairFeed() {}

  /**
   * Feeds samples {@code [from, from + count)} of cells {@code [c0, c1)} to their statistics: a
   * cell whose values there are all one double as that many copies ({@link Copies}), the others two
   * at a time (an odd last one alone, by {@link Feed#column}); adds the values each took to {@code
   * counts}.
   *
   * @param columns the values by cell
   * @param c0      the first cell
   * @param c1      the end of the cells
   * @param from    the first sample's index in the columns
   * @param count   the samples
   * @param h       the histograms by cell
   * @param m       the moments by cell
   * @param counts  the values added so far, by cell
   */
  static void range(double[][] columns, int c0, int c1, int from, int count, LogHistogram[] h, Moments[] m,
                    long[] counts) {
    int waiting = -1; // a cell that varies, waiting for a second one
    for (int c = c0; c < c1; c++) {
      long copies = Copies.feed(columns[c], from, count, h[c], m[c]);
      if (copies >= 0) {
        counts[c] += copies;
      } else if (waiting < 0) {
        waiting = c;
      } else {
        cells(columns, waiting, c, from, count, h, m, counts);
        waiting = -1;
      }
    }
    if (waiting >= 0) {
      counts[waiting] += Feed.column(columns[waiting], from, count, h[waiting], m[waiting]);
    }
  }

  /**
   * Feeds cells {@code a} and {@code b}: {@code columns[a][from..from + count)} to {@code
   * h[a]} and {@code m[a]}, and likewise for {@code b}, skipping NaN; adds the
   * values each took to {@code counts}.
   *
   * @param columns the values by cell
   * @param a       the first of the two cells
   * @param b       the second
   * @param from    the first sample's index in the columns
   * @param count   the samples
   * @param h       the histograms by cell
   * @param m       the moments by cell
   * @param counts  the values added so far, by cell
   */
  static void cells(double[][] columns, int a, int b, int from, int count, LogHistogram[] h, Moments[] m,
                    long[] counts) {
    long na0 = m[a].n;
    long nb0 = m[b].n;
    pair(columns[a], columns[b], from, from + count, h[a], m[a], h[b], m[b]);
    counts[a] += m[a].n - na0; // the moments count exactly the values added (NaN skipped)
    counts[b] += m[b].n - nb0;
  }

  /** Whether an accumulator's state allows the hot loop (see {@link Feed#column}). */
  private static boolean ordinary(Moments m) {
    return m.n != 0 && m.k >= -1000 && m.k <= 1000;
  }

  private static void pair(double[] va, double[] vb, int from, int len, LogHistogram ha, Moments ma, LogHistogram hb,
                           Moments mb) {
    int i = from;
    while (i < len) {
      if (!ordinary(ma) || !ordinary(mb)) {
        slow(va[i], ha, ma);
        slow(vb[i], hb, mb);
        i++;
        continue;
      }
      LogHistogram.Side oa = WindowPair.side(ha, ma);
      LogHistogram.Side ob = oa == null ? null : WindowPair.side(hb, mb);
      if (ob != null) { // both values in their windows: the cheaper loop (WindowPair)
        int stop = WindowPair.run(va, vb, i, len, ha, oa, ma, hb, ob, mb);
        if (stop == i) { // the sample that stopped it, untouched so far in both values
          slow(va[i], ha, ma);
          slow(vb[i], hb, mb);
          stop++;
        }
        i = stop;
        continue;
      }
      // both values' state in locals (see Feed.column); a bucket is bits >>> (SHIFT + shift), one
      // shift for Feed's two: the same bits, since a histogram's shift never exceeds 14 (fine
      // indexes are below 2^20, and it stops coarsening once they span at most 64 buckets)
      int[] pca = ha.positive.counts;
      int[] nca = ha.negative.counts;
      int psa = LogHistogram.SHIFT + ha.positive.shift;
      int nsa = LogHistogram.SHIFT + ha.negative.shift;
      long poa = ha.positive.offset;
      long noa = ha.negative.offset;
      long za = ha.zeros;
      double loa = ha.min;
      double hia = ha.max;
      double scalea = Math.scalb(1.0, -ma.k);
      double sha = ma.shift;
      double a1a = ma.s1;
      double a2a = ma.s2;
      long na = ma.n;
      int[] pcb = hb.positive.counts;
      int[] ncb = hb.negative.counts;
      int psb = LogHistogram.SHIFT + hb.positive.shift;
      int nsb = LogHistogram.SHIFT + hb.negative.shift;
      long pob = hb.positive.offset;
      long nob = hb.negative.offset;
      long zb = hb.zeros;
      double lob = hb.min;
      double hib = hb.max;
      double scaleb = Math.scalb(1.0, -mb.k);
      double shb = mb.shift;
      double a1b = mb.s1;
      double a2b = mb.s2;
      long nb = mb.n;
      int start = i;
      for (; i < len; i++) {
        double x = va[i];
        double y = vb[i];
        double dx = x * scalea - sha;
        double dy = y * scaleb - shb;
        // Feed's test (each deviation at most BIG) on the two values' sum of magnitudes: one test
        // instead of two, stricter (so at worst a sample more takes the slow path, whose result is
        // the same); a NaN (a failed sample) fails it too
        if (!(Math.abs(dx) + Math.abs(dy) <= Moments.BIG)) {
          break;
        }
        int[] ax = null; // the bucket array hit, null for a zero
        long bx = 0;
        if (x > 0) {
          ax = pca;
          bx = (Double.doubleToRawLongBits(x) >>> psa) - poa;
        } else if (x < 0) {
          ax = nca;
          bx = (Double.doubleToRawLongBits(-x) >>> nsa) - noa;
        }
        int[] ay = null;
        long by = 0;
        if (y > 0) {
          ay = pcb;
          by = (Double.doubleToRawLongBits(y) >>> psb) - pob;
        } else if (y < 0) {
          ay = ncb;
          by = (Double.doubleToRawLongBits(-y) >>> nsb) - nob;
        }
        if (ax != null && Long.compareUnsigned(bx, ax.length) >= 0 || ay != null && Long.compareUnsigned(by, ay.length) >= 0) {
          break; // outside a window: the histogram's add moves it
        }
        if (ax != null) {
          ax[(int) bx]++;
        } else {
          za++;
        }
        if (ay != null) {
          ay[(int) by]++;
        } else {
          zb++;
        }
        a1a += dx;
        a2a += dx * dx;
        a1b += dy;
        a2b += dy * dy;
        loa = x < loa ? x : loa;
        hia = x > hia ? x : hia;
        lob = y < lob ? y : lob;
        hib = y > hib ? y : hib;
      }
      na += i - start; // every sample of the loop added one value to each (a NaN leaves it)
      nb += i - start;
      ha.zeros = za;
      ha.min = loa;
      ha.max = hia;
      ma.n = na;
      ma.s1 = a1a;
      ma.s2 = a2a;
      hb.zeros = zb;
      hb.min = lob;
      hb.max = hib;
      mb.n = nb;
      mb.s1 = a1b;
      mb.s2 = a2b;
      if (i < len) { // the sample that left the loop, untouched so far in both values
        slow(va[i], ha, ma);
        slow(vb[i], hb, mb);
        i++;
      }
    }
  }

  private static void slow(double x, LogHistogram h, Moments m) {
    if (x == x) {
      h.add(x);
      m.add(x);
    }
  }
}

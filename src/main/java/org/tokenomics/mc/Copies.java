package org.tokenomics.mc;

/**
 * A wave's column whose values are all one double, fed as that many copies of it without adding
 * them one by one: a report that does not depend on the draws (a fixed build-out's capacity), or
 * one that is zero in every sample before a start date. On the 60-month model 76 of the 601
 * report values are such, and a zero cost half as much again as another value in the windows'
 * loop ({@link WindowPair}: a zero is counted apart, a chain of increments on one counter).
 *
 * <p>Bit for bit what adding the copies one by one does: the first copy goes through the
 * accumulators' own {@code add}; after it, a copy lands in the same histogram bucket (the window
 * now holds it) and leaves the minimum and maximum as they are, so the rest is one addition to
 * that bucket's count; the moments take the rest at once only when a copy leaves both sums as
 * they are ({@link Moments#addCopies}), else one by one.
 */
final class Copies {
  private Copies() {}

  /**
   * Feeds {@code v[from..from + count)} when its values are all the same double (the same bits).
   *
   * @param v     the column
   * @param from  the first sample's index in it
   * @param count the samples
   * @param h     the cell's histogram
   * @param m     the cell's moments
   * @return the values added (0 when every one is NaN: failed samples), or -1 when the values
   *         differ, or there are none, and nothing was fed
   */
  static long feed(double[] v, int from, int count, LogHistogram h, Moments m) {
    if (count <= 0) {
      return -1;
    }
    long bits = Double.doubleToRawLongBits(v[from]);
    int end = from + count;
    for (int i = from + 1; i < end; i++) { // a column that varies differs within a sample or two
      if (Double.doubleToRawLongBits(v[i]) != bits) {
        return -1;
      }
    }
    double x = v[from];
    if (x != x) {
      return 0;
    }
    h.add(x);
    m.add(x);
    int rest = count - 1;
    if (rest > 0) {
      if (x > 0) {
        h.positive.add(bits >>> LogHistogram.SHIFT, rest);
      } else if (x < 0) {
        h.negative.add(Double.doubleToRawLongBits(-x) >>> LogHistogram.SHIFT, rest);
      } else {
        h.zeros += rest;
      }
      if (!m.addCopies(x, rest)) {
        for (int i = 0; i < rest; i++) {
          m.add(x);
        }
      }
    }
    return count;
  }
}

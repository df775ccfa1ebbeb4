package org.tokenomics.mc;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The k-th smallest of an array's values, found by selection rather than by sorting the whole
 * array: a report usually asks for three or four quantiles of a million values, and a full sort
 * (about 20 n comparisons) was a fifth of a small model's Monte Carlo time against about 3 n for a
 * selection. Each selection leaves the array partitioned around the index it fixed (everything
 * before is not greater, everything after not smaller), and later selections search only between
 * the nearest fixed indices, so asking many quantiles costs little more than a sort would.
 *
 * <p>The value at an index is the same as a full sort would put there (order statistics are
 * unique in value), so results do not depend on the order of questions. Not thread-safe: the
 * caller serializes access ({@link Quantiles.Exact} does).
 */
final class OrderStatistics {
  private final double[] values;
  private final BitSet fixed; // indices holding their sorted value, the array partitioned around each
  private boolean sorted;
  private final int negatives;    // values below zero
  private final int negativeZeros; // -0.0s, which a sort puts before 0.0 and a selection cannot tell apart

  /** Takes {@code values} (no NaN) to reorder in place. */
  OrderStatistics(double[] values) {
    this.values = values;
    this.fixed = new BitSet(values.length);
    int below = 0;
    int zeros = 0;
    for (double x : values) {
      if (x < 0) {
        below++;
      } else if (x == 0 && Double.doubleToRawLongBits(x) != 0) {
        zeros++;
      }
    }
    negatives = below;
    negativeZeros = zeros;
  }

  /** How many values are below zero (-0.0 is not). */
  int negatives() {
    return negatives;
  }

  int size() {
    return values.length;
  }

  /** The {@code k}-th smallest value (0-based) of the array, as a full sort would place it. */
  double get(int k) {
    double v = find(k);
    // selection compares -0.0 and 0.0 as equal; a sort puts every -0.0 first
    return v == 0 ? (k < negatives + negativeZeros ? -0.0 : 0.0) : v;
  }

  private double find(int k) {
    if (sorted || fixed.get(k)) {
      return values[k];
    }
    int lo = fixed.previousSetBit(k) + 1;          // after the nearest fixed index below k
    int next = fixed.nextSetBit(k);
    int hi = next < 0 ? values.length - 1 : next - 1; // before the nearest fixed index above k
    select(lo, hi, k);
    fixed.set(k);
    if (fixed.cardinality() > 64) { // many questions (a fan chart's every percentile): sort once
      Arrays.sort(values);
      sorted = true;
    }
    return values[k];
  }

  /**
   * Puts the k-th smallest of values[lo..hi] at k, smaller-or-equal values before it and
   * greater-or-equal after. Three-way partitions around a median of three (many equal values, as
   * in an event's 0/1 outcomes, end in one pass); after too many rounds (an unlucky pivot
   * sequence) the range is sorted instead, so the worst case stays n log n.
   */
  private void select(int lo, int hi, int k) {
    double[] a = values;
    int rounds = 2 * (32 - Integer.numberOfLeadingZeros(hi - lo + 1)) + 8;
    while (hi > lo) {
      if (hi - lo < 16 || rounds-- == 0) {
        Arrays.sort(a, lo, hi + 1);
        return;
      }
      double pivot = medianOf3(a[lo], a[(lo + hi) >>> 1], a[hi]);
      // Dijkstra's three-way partition: [lo, lt) < pivot, [lt, i) == pivot, (gt, hi] > pivot
      int lt = lo;
      int gt = hi;
      int i = lo;
      while (i <= gt) {
        double x = a[i];
        if (x < pivot) {
          a[i++] = a[lt];
          a[lt++] = x;
        } else if (x > pivot) {
          a[i] = a[gt];
          a[gt--] = x;
        } else {
          i++;
        }
      }
      if (k < lt) {
        hi = lt - 1;
      } else if (k > gt) {
        lo = gt + 1;
      } else {
        return; // k holds the pivot's value, the range is partitioned around it
      }
    }
  }

  private static double medianOf3(double x, double y, double z) {
    return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
  }
}

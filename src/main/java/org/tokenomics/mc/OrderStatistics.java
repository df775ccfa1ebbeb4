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
   * Puts the k-th smallest of values[lo..hi] at k, values not greater before it and not smaller
   * after. At an end of the range (the upper neighbour an interpolated quantile also needs) that
   * is one scan for the extreme; otherwise Hoare partitions around a median of three, stopping on
   * equal values so that many ties (an event's 0/1 outcomes) still split evenly (Numerical
   * Recipes' select). After too many rounds (an unlucky pivot sequence) the range is sorted
   * instead, so the worst case stays n log n.
   */
  private void select(int lo, int hi, int k) {
    double[] a = values;
    if (k == lo || k == hi) {
      int at = lo;
      for (int i = lo + 1; i <= hi; i++) {
        if (k == lo ? a[i] < a[at] : a[i] > a[at]) {
          at = i;
        }
      }
      swap(a, at, k);
      return;
    }
    int rounds = 2 * (32 - Integer.numberOfLeadingZeros(hi - lo + 1)) + 8;
    while (hi - lo > 1) {
      if (hi - lo < 16 || rounds-- == 0) {
        Arrays.sort(a, lo, hi + 1);
        return;
      }
      swap(a, (lo + hi) >>> 1, lo + 1); // the median of a[lo], a[mid], a[hi] to lo + 1, sentinels around
      if (a[lo] > a[hi]) {
        swap(a, lo, hi);
      }
      if (a[lo + 1] > a[hi]) {
        swap(a, lo + 1, hi);
      }
      if (a[lo] > a[lo + 1]) {
        swap(a, lo, lo + 1);
      }
      double pivot = a[lo + 1];
      int i = lo + 1;
      int j = hi;
      while (true) {
        do {
          i++;
        } while (a[i] < pivot);
        do {
          j--;
        } while (a[j] > pivot);
        if (j < i) {
          break;
        }
        swap(a, i, j);
      }
      a[lo + 1] = a[j];
      a[j] = pivot;
      if (j >= k) {
        hi = j - 1;
      }
      if (j <= k) {
        lo = i;
      }
    }
    if (hi - lo == 1 && a[hi] < a[lo]) {
      swap(a, lo, hi);
    }
  }

  private static void swap(double[] a, int i, int j) {
    double t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}

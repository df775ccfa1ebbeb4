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
   * is one scan for the extreme; otherwise Floyd and Rivest's select (CACM 18(3), 1975): a pivot
   * taken from a recursive selection in a small sample around k's rank, so one partition of the
   * range (about n comparisons) leaves only a small middle to search, against 2–3 n for plain
   * quickselect. Equal values are handled (an event's 0/1 outcomes). After too many rounds (an
   * unlucky sequence) the range is sorted instead, so the worst case stays n log n.
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
    floydRivest(a, lo, hi, k, 2 * (32 - Integer.numberOfLeadingZeros(hi - lo + 1)) + 8);
  }

  private static void floydRivest(double[] a, int left, int right, int k, int rounds) {
    while (right > left) {
      if (rounds-- == 0 || right - left < 16) {
        Arrays.sort(a, left, right + 1);
        return;
      }
      if (right - left > 600) { // narrow to a sample whose k-th is likely near the whole range's
        double n = right - left + 1;
        double i = k - left + 1;
        double z = Math.log(n);
        double s = 0.5 * Math.exp(2 * z / 3);
        double sd = 0.5 * Math.sqrt(z * s * (n - s) / n) * Math.signum(i - n / 2);
        int newLeft = (int) Math.max(left, Math.floor(k - i * s / n + sd));
        int newRight = (int) Math.min(right, Math.floor(k + (n - i) * s / n + sd));
        floydRivest(a, newLeft, newRight, k, rounds);
      }
      double t = a[k];
      int i = left;
      int j = right;
      swap(a, left, k);
      if (a[right] > t) {
        swap(a, right, left);
      }
      while (i < j) {
        swap(a, i, j);
        i++;
        j--;
        while (a[i] < t) {
          i++;
        }
        while (a[j] > t) {
          j--;
        }
      }
      if (a[left] == t) {
        swap(a, left, j);
      } else {
        j++;
        swap(a, j, right);
      }
      if (j <= k) {
        left = j + 1;
      }
      if (k <= j) {
        right = j - 1;
      }
    }
  }

  private static void swap(double[] a, int i, int j) {
    double t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}

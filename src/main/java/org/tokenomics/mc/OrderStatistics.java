package org.tokenomics.mc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The k-th smallest of an array's values, as a full sort would place it, found by a radix
 * selection on the values' order-preserving bit patterns rather than by sorting or reordering the
 * array. A report usually asks for three or four quantiles of a million values: one pass counts
 * the values into 4,096 buckets of their key range (kept for every later question), and each
 * question then takes one pass that copies out the few hundred values of the bucket holding its
 * rank, which are sorted. That costs about two passes for the first question and one for each
 * later one, without the branch mispredictions of a partition (Floyd–Rivest selection, used
 * before, spent about three times as long on a million values and had to reorder a copy of them).
 *
 * <p>Keys order values exactly as {@link Arrays#sort(double[])} does ({@code -0.0} before {@code
 * 0.0}), so the value at an index is the sorted one, bit for bit, whatever the order of questions.
 * NaN (a failed sample) is skipped: its key lies outside the range of the other values' keys. A
 * bucket that still holds many values (a lumpy distribution) is split again, among its own
 * values only; a bucket of a single key is that value. The array is never written, so it can be a
 * run's raw draws. Not thread-safe: the caller serializes access ({@link Quantiles.Exact} does).
 */
final class OrderStatistics {
  /** Buckets per pass: 2^12 counts (16 KB) stay in the first-level cache. */
  private static final int BITS = 12;
  /** A bucket with at most this many values is sorted rather than split again. */
  private static final int SMALL = 4096;
  /** Questions after which a sorted copy answers the rest (a fan chart's every percentile). */
  private static final int SORT_AFTER = 64;
  /** Sorted buckets kept, so that an interpolated quantile's neighbour costs no pass. */
  private static final int KEPT = 8;

  private final double[] values;
  private final int len;       // values[0, len) are the values, NaN among them skipped
  private final int size;      // how many are not NaN
  private final int negatives; // below zero (-0.0 is not)
  private final long minKey;
  private final long maxKey;
  private int[] firstCounts;   // the first pass's counts over [minKey, maxKey], once asked
  private final Histogram first; // counts made while the values were fed, or null
  private final List<Run> kept = new ArrayList<>(); // sorted buckets, the most recent last
  private double[] sorted;
  private int questions;

  /** A bucket's values sorted; {@code rank} is the index of its first. */
  private record Run(int rank, double[] values) {}

  /**
   * Takes {@code values} (NaN skipped), which it never writes.
   *
   * @param values the values
   */
  OrderStatistics(double[] values) {
    this(values, values.length, Summary.of(values, values.length));
  }

  /**
   * Takes {@code values[0, len)} with their summary already made (by the pass that also summed them).
   *
   * @param values  the values (NaN skipped), never written
   * @param len     how many of them
   * @param summary their count, negatives and key range
   */
  OrderStatistics(double[] values, int len, Summary summary) {
    this.values = values;
    this.len = len;
    this.size = summary.size;
    this.negatives = summary.negatives;
    this.minKey = summary.minKey;
    this.maxKey = summary.maxKey;
    this.first = summary.first;
  }

  /**
   * What selection needs to know of the values, gathered in one pass (by {@link #of} or fused into
   * another pass): how many are not NaN, how many are below zero, and the least and greatest key.
   */
  static final class Summary {
    int size;
    int negatives;
    long minKey = Long.MAX_VALUE;
    long maxKey = Long.MIN_VALUE;
    /** The values' counts in buckets of a key range, made as they were fed, or null (see {@link Histogram}). */
    Histogram first;

    /** Counts one value that is not NaN. */
    void add(double x) {
      long k = key(x);
      size++;
      negatives += x < 0 ? 1 : 0;
      minKey = Math.min(minKey, k);
      maxKey = Math.max(maxKey, k);
    }

    static Summary of(double[] v, int len) {
      Summary s = new Summary();
      for (int i = 0; i < len; i++) {
        double x = v[i];
        if (x == x) {
          s.add(x);
        }
      }
      return s;
    }
  }

  /**
   * The counts a selection's first pass would make, made instead while the values are fed in
   * ({@link OrderedFeed}), over a key range fixed early (the first values' range): values below and
   * above it are only counted. A question whose rank falls inside the range then needs no counting
   * pass of its own; one outside it (beyond the first values' extremes, so rare) counts only the
   * values beyond.
   */
  static final class Histogram {
    final long lo;
    final long hi;
    private final long span;
    private final int shift;
    final int[] counts;
    int below;
    int above;

    Histogram(long lo, long hi) {
      this.lo = lo;
      this.hi = hi;
      this.span = hi - lo;
      this.shift = shift(span);
      this.counts = new int[(int) (span >>> shift) + 1];
    }

    /** Counts {@code v[from, to)}, NaN skipped. */
    void add(double[] v, int from, int to) {
      long top = span + Long.MIN_VALUE;
      int[] c = counts;
      for (int i = from; i < to; i++) {
        double x = v[i];
        if (x != x) {
          continue;
        }
        long b = Double.doubleToRawLongBits(x);
        long key = b ^ ((b >> 63) & Long.MAX_VALUE); // key(x), written out (see count)
        long d = key - lo;
        if (d + Long.MIN_VALUE <= top) {
          c[(int) (d >>> shift)]++;
        } else if (key < lo) {
          below++;
        } else {
          above++;
        }
      }
    }
  }

  /** Buckets of 2^shift keys make at most 2^BITS buckets of a key range {@code span} wide (unsigned). */
  private static int shift(long span) {
    return Math.max(0, 64 - Long.numberOfLeadingZeros(span) - BITS);
  }

  /** A key whose signed order is {@link Double#compare}'s order of the values (NaN excepted). */
  static long key(double x) {
    long b = Double.doubleToRawLongBits(x);
    return b ^ ((b >> 63) & Long.MAX_VALUE);
  }

  private static double value(long key) {
    return Double.longBitsToDouble(key ^ ((key >> 63) & Long.MAX_VALUE));
  }

  /** How many values are below zero (-0.0 is not). */
  int negatives() {
    return negatives;
  }

  int size() {
    return size;
  }

  /** The {@code k}-th smallest value (0-based) of the values, as a full sort would place it. */
  double get(int k) {
    if (sorted != null) {
      return sorted[k];
    }
    for (int i = kept.size() - 1; i >= 0; i--) {
      Run r = kept.get(i);
      if (k >= r.rank && k - r.rank < r.values.length) {
        return r.values[k - r.rank];
      }
    }
    if (++questions > SORT_AFTER) {
      double[] all = new double[size];
      int n = 0;
      for (int i = 0; i < len; i++) {
        double x = values[i];
        if (x == x) {
          all[n++] = x;
        }
      }
      Arrays.sort(all);
      sorted = all;
      kept.clear();
      return sorted[k];
    }
    return select(k);
  }

  /** Narrows the key range to the bucket holding rank k, pass by pass, until it is small. */
  private double select(int k) {
    double[] src = values;
    int srcLen = len;
    long lo = minKey;
    long hi = maxKey;
    int below = 0; // values whose key is below lo
    int[] given = null; // counts of [lo, hi] already made
    if (first != null) {
      if (k < first.below) { // among the values below the histogram's range
        hi = first.lo - 1;
      } else if (k >= size - first.above) { // above it
        lo = first.hi + 1;
        below = size - first.above;
      } else {
        lo = first.lo;
        hi = first.hi;
        below = first.below;
        given = first.counts;
      }
    }
    while (lo != hi) {
      long span = hi - lo; // unsigned: keys may span more than Long.MAX_VALUE
      int shift = shift(span);
      int buckets = (int) (span >>> shift) + 1;
      int[] counts;
      if (given != null) {
        counts = given;
        given = null;
      } else if (src == values && first == null) {
        if (firstCounts == null) {
          firstCounts = count(src, srcLen, lo, span, shift, buckets);
        }
        counts = firstCounts;
      } else {
        counts = count(src, srcLen, lo, span, shift, buckets); // values outside [lo, hi] are not counted
      }
      int b = 0;
      while (below + counts[b] <= k) {
        below += counts[b++];
      }
      long bLo = lo + ((long) b << shift);
      if (shift == 0) {
        return value(bLo); // a bucket of one key: all its values are that value
      }
      long bHi = Math.min(hi, bLo + ((1L << shift) - 1));
      double[] in = collect(src, srcLen, bLo, bHi - bLo, counts[b]);
      if (in.length <= SMALL) {
        Arrays.sort(in);
        if (kept.size() == KEPT) {
          kept.remove(0);
        }
        kept.add(new Run(below, in));
        return in[k - below];
      }
      src = in;
      srcLen = in.length;
      lo = bLo;
      hi = bHi;
    }
    return value(lo);
  }

  // The two passes below run once per question over a million values, usually before the JIT has
  // compiled them: key() and the unsigned comparison are written out in the loop, since a call
  // costs the interpreter far more than the arithmetic. (d + MIN_VALUE <= span + MIN_VALUE is d <=
  // span unsigned, as Long.compareUnsigned does it.)

  /** Counts the values whose key is in [lo, lo + span] into buckets of 2^shift keys. */
  private static int[] count(double[] v, int n, long lo, long span, int shift, int buckets) {
    int[] counts = new int[buckets];
    long top = span + Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      long b = Double.doubleToRawLongBits(v[i]);
      long d = (b ^ ((b >> 63) & Long.MAX_VALUE)) - lo;
      if (d + Long.MIN_VALUE <= top) { // NaN and values outside the range are not counted
        counts[(int) (d >>> shift)]++;
      }
    }
    return counts;
  }

  /** The {@code n} values whose key is in [lo, lo + span]. */
  private static double[] collect(double[] v, int len, long lo, long span, int n) {
    double[] out = new double[n];
    int m = 0;
    long top = span + Long.MIN_VALUE;
    for (int i = 0; i < len; i++) {
      double x = v[i];
      long b = Double.doubleToRawLongBits(x);
      if ((b ^ ((b >> 63) & Long.MAX_VALUE)) - lo + Long.MIN_VALUE <= top) {
        out[m++] = x;
      }
    }
    return out;
  }
}

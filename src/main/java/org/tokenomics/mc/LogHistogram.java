package org.tokenomics.mc;

import java.util.Arrays;

/**
 * The quantiles of a run too large to keep every value: a histogram with log-spaced buckets, each
 * at most {@code 2^-9} (0.2 %) of its values wide, for positive and negative values apart, and an
 * exact count of zeros.
 *
 * <p>A bucket is found from the bits of the double, not by a logarithm: for a positive double the
 * top {@code 11 + PRECISION} bits (exponent and leading mantissa bits) are a number that grows with
 * the value, and values sharing it lie within one bucket {@code [2^e·(1 + k/512), 2^e·(1 + (k+1)/512))}.
 * Adding a value is a shift and an increment. Counts do not depend on the order of the values, so
 * the result is the same for any thread count, block size or merge order.
 *
 * <p>Memory is bounded: a histogram spans at most {@code maxBuckets} buckets per sign. When its
 * values spread wider, neighbouring buckets are merged pairwise (each step halves the resolution,
 * e.g. to 0.4 %), as often as needed; the result still depends only on the values, not their
 * order, because the final resolution is the finest at which all of them fit.
 *
 * <p>A quantile uses the position {@code (n − 1)·q} of Hyndman–Fan type 7 (as the exact
 * quantiles do): the two order statistics around it are each estimated inside their bucket (by
 * their rank among the bucket's values, as if spread evenly), then interpolated, then clamped to
 * the exact minimum and maximum. So each estimate lies in the bucket of the true order statistic:
 * its relative error is below the bucket width, 0.2 % at full resolution, and q = 0 and q = 1 are
 * exact, as is every quantile of a constant report or of a 0/1 indicator.
 */
public final class LogHistogram implements Quantiles {
  /** Mantissa bits per bucket index: 2^9 = 512 buckets per power of two. */
  static final int PRECISION = 9;
  static final int SHIFT = 52 - PRECISION;

  final Side positive; // package-private for the fused feed (Feed)
  final Side negative;
  long zeros;
  double min = Double.POSITIVE_INFINITY;
  double max = Double.NEGATIVE_INFINITY;

  /** @param maxBuckets the most buckets kept for each sign (at least 64) */
  public LogHistogram(int maxBuckets) {
    positive = new Side(Math.max(64, maxBuckets));
    negative = new Side(Math.max(64, maxBuckets));
  }

  /** Adds a value (not NaN). */
  public void add(double v) {
    if (v < min) {
      min = v;
    }
    if (v > max) {
      max = v;
    }
    if (v > 0) {
      positive.add(Double.doubleToRawLongBits(v) >>> SHIFT);
    } else if (v < 0) {
      negative.add(Double.doubleToRawLongBits(-v) >>> SHIFT);
    } else {
      zeros++;
    }
  }

  /** Adds {@code values[from..to)}, skipping NaN (a failed sample); returns how many were added. */
  public int addAll(double[] values, int from, int to) {
    double lo = min;
    double hi = max;
    int added = 0;
    for (int i = from; i < to; i++) {
      double v = values[i];
      if (v > 0) {
        positive.add(Double.doubleToRawLongBits(v) >>> SHIFT);
      } else if (v < 0) {
        negative.add(Double.doubleToRawLongBits(-v) >>> SHIFT);
      } else if (v == 0) {
        zeros++;
      } else {
        continue; // NaN
      }
      added++;
      lo = v < lo ? v : lo;
      hi = v > hi ? v : hi;
    }
    min = lo;
    max = hi;
    return added;
  }

  /** Adds every value of {@code other} (the result is as if they had been added here). */
  public void merge(LogHistogram other) {
    positive.merge(other.positive);
    negative.merge(other.negative);
    zeros += other.zeros;
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
  }

  @Override
  public long count() {
    return negative.count() + zeros + positive.count();
  }

  @Override
  public long negatives() {
    return negative.count();
  }

  /** Buckets merged pairwise so far: 0 at full resolution (for tests and documentation). */
  int coarsening() {
    return Math.max(positive.shift, negative.shift);
  }

  @Override
  public double quantile(double q) {
    long n = count();
    if (n == 0) {
      return Double.NaN;
    }
    if (min == max) {
      return min;
    }
    double h = (n - 1) * q;
    long lo = (long) Math.floor(h);
    double frac = h - lo;
    double v = orderStatistic(lo);
    if (frac > 0 && lo + 1 < n) {
      v += frac * (orderStatistic(lo + 1) - v);
    }
    return Math.max(min, Math.min(max, v));
  }

  /** An estimate of the value of rank {@code r} (0-based) in ascending order. */
  private double orderStatistic(long r) {
    long negatives = negative.count();
    if (r < negatives) {
      // negatives in ascending order are |values| in descending order
      return -negative.value(negatives - 1 - r);
    }
    r -= negatives;
    if (r < zeros) {
      return 0;
    }
    return positive.value(r - zeros);
  }

  /** The buckets of one sign, over |value|. */
  static final class Side {
    private final int maxBuckets;
    int shift;        // a value's bucket is (bits >>> SHIFT) >>> shift
    long offset;      // the bucket counts[0] holds
    int[] counts = new int[0]; // a window over the buckets in use

    Side(int maxBuckets) {
      this.maxBuckets = maxBuckets;
    }

    void add(long fine) {
      add(fine, 1);
    }

    void add(long fine, int n) {
      long i = (fine >>> shift) - offset;
      if (i < 0 || i >= counts.length) {
        rewindow(fine);
        i = (fine >>> shift) - offset;
      }
      counts[(int) i] += n;
    }

    void merge(Side other) {
      if (other.shift > shift) {
        coarsen(other.shift);
      }
      for (int i = 0; i < other.counts.length; i++) {
        if (other.counts[i] != 0) {
          add((other.offset + i) << other.shift, other.counts[i]); // the bucket's first fine index
        }
      }
    }

    /** Merges buckets until the resolution is {@code target} (as if the values had needed it). */
    private void coarsen(int target) {
      int before = shift;
      shift = target;
      long start = offset >>> (shift - before);
      int[] window = new int[counts.length];
      for (int i = 0; i < counts.length; i++) {
        window[(int) (((offset + i) >>> (shift - before)) - start)] += counts[i];
      }
      counts = window;
      offset = start;
    }

    long count() {
      long n = 0;
      for (int c : counts) {
        n += c;
      }
      return n;
    }

    /**
     * Moves and widens the window to cover the buckets in use and {@code fine}'s, first merging
     * buckets pairwise while they span more than {@code maxBuckets}: the resolution is then the
     * finest at which every value so far fits, whatever their order.
     */
    private void rewindow(long fine) {
      int before = shift;
      long lo = fine >>> shift;
      long hi = lo;
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] != 0) {
          lo = Math.min(lo, offset + i);
          hi = Math.max(hi, offset + i);
        }
      }
      while (hi - lo + 1 > maxBuckets) {
        shift++;
        lo >>>= 1;
        hi >>>= 1;
      }
      int length = (int) Math.min(maxBuckets, Math.max(64, Math.max(counts.length * 2L, 2 * (hi - lo + 1))));
      long start = Math.max(0, lo - (length - (hi - lo + 1)) / 2);
      int[] window = new int[length];
      int merge = shift - before;
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] != 0) {
          window[(int) (((offset + i) >>> merge) - start)] += counts[i];
        }
      }
      counts = window;
      offset = start;
    }

    /** The rank-{@code r} |value| (ascending), placed evenly inside its bucket. */
    double value(long r) {
      long seen = 0;
      for (int i = 0; i < counts.length; i++) {
        int c = counts[i];
        if (r < seen + c) {
          long b = offset + i;
          double low = Double.longBitsToDouble((b << shift) << SHIFT);
          double high = Double.longBitsToDouble(((b + 1) << shift) << SHIFT);
          return low + (r - seen + 0.5) / c * (high - low);
        }
        seen += c;
      }
      throw new IllegalStateException("rank " + r + " of " + count());
    }

    @Override
    public String toString() {
      return "Side[shift=" + shift + ", offset=" + offset + ", " + Arrays.toString(counts) + "]";
    }
  }
}

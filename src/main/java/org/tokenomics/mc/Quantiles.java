package org.tokenomics.mc;

import com.tdunning.math.stats.MergingDigest;
import java.util.Arrays;

/**
 * The quantiles of one report period's sampled values. {@link Exact} keeps every value
 * (interpolating between order statistics, Hyndman–Fan type 7, as R and NumPy do by default);
 * {@link Sketch} keeps a t-digest when the run is too large to keep every value. Both are safe to
 * query from several threads.
 */
public interface Quantiles {
  /** The value below which a share {@code q} (0..1) of the samples lie; NaN without samples. */
  double quantile(double q);

  /** How many samples it holds. */
  long count();

  /** Every value, kept and sorted. */
  final class Exact implements Quantiles {
    private final double[] sorted;

    /** Takes the successful values among {@code values} (NaN marks a failed sample). */
    Exact(double[] values, int from, int to) {
      double[] kept = new double[to - from];
      int n = 0;
      for (int i = from; i < to; i++) {
        if (!Double.isNaN(values[i])) {
          kept[n++] = values[i];
        }
      }
      sorted = Arrays.copyOf(kept, n);
      Arrays.sort(sorted);
    }

    @Override
    public double quantile(double q) {
      int n = sorted.length;
      if (n == 0) {
        return Double.NaN;
      }
      double h = (n - 1) * q;
      int lo = (int) Math.floor(h);
      int hi = Math.min(n - 1, lo + 1);
      double frac = h - lo;
      return frac == 0 ? sorted[lo] : sorted[lo] + frac * (sorted[hi] - sorted[lo]);
    }

    @Override
    public long count() {
      return sorted.length;
    }
  }

  /** A t-digest fed in sample order (so its result does not depend on threads). */
  final class Sketch implements Quantiles {
    private final MergingDigest digest;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    Sketch(double compression) {
      digest = new MergingDigest(compression);
    }

    void add(double v) {
      digest.add(v);
      min = Math.min(min, v);
      max = Math.max(max, v);
    }

    @Override
    public synchronized double quantile(double q) {
      if (digest.size() == 0) {
        return Double.NaN;
      }
      if (min == max) {
        return min;
      }
      return Math.max(min, Math.min(max, digest.quantile(q)));
    }

    @Override
    public synchronized long count() {
      return digest.size();
    }

    /** Compacts the digest once all values are in. */
    synchronized void finish() {
      digest.compress();
    }
  }
}

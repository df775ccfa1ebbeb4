package org.tokenomics.mc;

import java.util.Arrays;

/**
 * The quantiles of one report period's sampled values. {@link Exact} keeps every value
 * (interpolating between order statistics, Hyndman–Fan type 7, as R and NumPy do by default);
 * {@link LogHistogram} counts values in buckets 0.2 % wide when the run is too large to keep every
 * value. Both are safe to query from several threads once the run is over.
 */
public interface Quantiles {
  /** The value below which a share {@code q} (0..1) of the samples lie; NaN without samples. */
  double quantile(double q);

  /** How many samples it holds. */
  long count();

  /** How many of them are below zero (exactly, in both forms). */
  long negatives();

  /**
   * Every value, kept; each quantile asked is found by selection ({@link OrderStatistics}) rather
   * than by sorting every value up front. The values are read, never written (they can be a run's
   * raw draws). Queries are serialized, since selection keeps what it found for the next one.
   */
  final class Exact implements Quantiles {
    private final OrderStatistics values;

    /** Takes the successful values among {@code values[from, to)} (NaN marks a failed sample). */
    Exact(double[] values, int from, int to) {
      this(from == 0 ? values : Arrays.copyOfRange(values, from, to), to - from);
    }

    private Exact(double[] values, int len) {
      this(values, len, OrderStatistics.Summary.of(values, len));
    }

    /** Takes {@code values[0, len)} (NaN skipped) and their summary, made by the pass that summed them ({@link ExactFeed}). */
    Exact(double[] values, int len, OrderStatistics.Summary summary) {
      this.values = new OrderStatistics(values, len, summary);
    }

    @Override
    public synchronized double quantile(double q) {
      int n = values.size();
      if (n == 0) {
        return Double.NaN;
      }
      double h = (n - 1) * q;
      int lo = (int) Math.floor(h);
      int hi = Math.min(n - 1, lo + 1);
      double frac = h - lo;
      double low = values.get(lo);
      return frac == 0 ? low : low + frac * (values.get(hi) - low);
    }

    @Override
    public long count() {
      return values.size();
    }

    @Override
    public long negatives() {
      return values.negatives();
    }
  }
}

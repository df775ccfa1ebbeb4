package org.tokenomics.bench;

import org.tokenomics.mc.Draws;
import org.tokenomics.mc.LogHistogram;

/**
 * The Monte Carlo baseline: {@code sixty-months.tok} sampled by a hand-written loop. The same
 * draws as Tok's engine (its counter-based {@link Draws}, one stream per uncertain param, fed
 * through the same quantile functions), the same arithmetic ({@link HandWritten#evaluate}), the
 * same statistics: per report and period a compensated mean and the same bounded-memory quantile
 * histogram ({@link LogHistogram}, 0.2 %). Each thread takes a contiguous range of samples with
 * its own arrays and accumulators; they are merged at the end. {@link #run} adds each value to its
 * accumulators as it is computed; {@link #runBatched} first evaluates a batch of samples into
 * columns, then feeds each column in one go.
 */
public final class HandWrittenMc {
  private HandWrittenMc() {}

  /** The statistics of one report: per period the mean and the histogram. */
  public record Stats(double[] mean, LogHistogram[] quantiles) {
    public double[] quantile(double q) {
      double[] out = new double[quantiles.length];
      for (int p = 0; p < out.length; p++) {
        out[p] = quantiles[p].quantile(q);
      }
      return out;
    }
  }

  /** One thread's accumulators: [report][period]. */
  private static final class Accumulators {
    final double[][] sum = new double[11][];
    final double[][] comp = new double[11][];
    final LogHistogram[][] histograms = new LogHistogram[11][];

    Accumulators() {
      for (int r = 0; r < 11; r++) {
        int width = r < 10 ? HandWritten.PERIODS : 1;
        sum[r] = new double[width];
        comp[r] = new double[width];
        histograms[r] = new LogHistogram[width];
        for (int p = 0; p < width; p++) {
          histograms[r][p] = new LogHistogram(1 << 14);
        }
      }
    }

    void add(int r, int p, double x) {
      sum(r, p, x);
      histograms[r][p].add(x);
    }

    void sum(int r, int p, double x) {
      double s = sum[r][p];
      double t = s + x; // Neumaier's compensated sum
      comp[r][p] += Math.abs(s) >= Math.abs(x) ? (s - t) + x : (x - t) + s;
      sum[r][p] = t;
    }
  }

  /** Samples per batch in {@link #runBatched}. */
  static final int BATCH = 128;

  /**
   * Like {@link #run}, but each thread evaluates a batch of samples into per-value columns first
   * and then feeds each column to its accumulators in one go (the histograms stay in the cache).
   */
  public static Stats[] runBatched(int samples, long seed, int threads) throws InterruptedException {
    long growth = Draws.stream("demand_growth");
    long capex = Draws.stream("capex_per_gw");
    long power = Draws.stream("power_price");
    int values = 10 * HandWritten.PERIODS + 1;
    return parallel(samples, threads, (a, from, to) -> {
      HandWritten.Inputs in = new HandWritten.Inputs();
      HandWritten.Outputs out = new HandWritten.Outputs();
      double[][] series = out.series();
      double[][] columns = new double[values][BATCH];
      for (int start = from; start < to; start += BATCH) {
        int n = Math.min(BATCH, to - start);
        for (int k = 0; k < n; k++) {
          int i = start + k;
          in.set(Draws.uniform(seed, i, growth), Draws.uniform(seed, i, capex), Draws.uniform(seed, i, power));
          HandWritten.evaluate(in, out);
          for (int r = 0; r < 10; r++) {
            for (int p = 0; p < HandWritten.PERIODS; p++) {
              columns[r * HandWritten.PERIODS + p][k] = series[r][p];
            }
          }
          columns[values - 1][k] = out.value;
        }
        for (int c = 0; c < values; c++) {
          int r = Math.min(c / HandWritten.PERIODS, 10);
          int p = r < 10 ? c % HandWritten.PERIODS : 0;
          for (int k = 0; k < n; k++) {
            a.sum(r, p, columns[c][k]);
          }
          a.histograms[r][p].addAll(columns[c], 0, n);
        }
      }
    });
  }

  /** Runs {@code samples} samples on {@code threads} threads; the ten series, then the npv. */
  public static Stats[] run(int samples, long seed, int threads) throws InterruptedException {
    long growth = Draws.stream("demand_growth");
    long capex = Draws.stream("capex_per_gw");
    long power = Draws.stream("power_price");
    return parallel(samples, threads, (a, from, to) -> {
      HandWritten.Inputs in = new HandWritten.Inputs();
      HandWritten.Outputs out = new HandWritten.Outputs();
      double[][] series = out.series();
      for (int i = from; i < to; i++) {
        in.set(Draws.uniform(seed, i, growth), Draws.uniform(seed, i, capex), Draws.uniform(seed, i, power));
        HandWritten.evaluate(in, out);
        for (int r = 0; r < 10; r++) {
          double[] v = series[r];
          for (int p = 0; p < v.length; p++) {
            a.add(r, p, v[p]);
          }
        }
        a.add(10, 0, out.value);
      }
    });
  }

  /** One thread's share of the samples: [from, to), into its own accumulators. */
  private interface Work {
    void run(Accumulators a, int from, int to);
  }

  /** Splits the samples into contiguous ranges, one per thread, and merges the accumulators. */
  private static Stats[] parallel(int samples, int threads, Work work) throws InterruptedException {
    Accumulators[] acc = new Accumulators[threads];
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      int id = t;
      int from = (int) ((long) samples * t / threads);
      int to = (int) ((long) samples * (t + 1) / threads);
      workers[t] = new Thread(() -> {
        Accumulators a = new Accumulators();
        work.run(a, from, to);
        acc[id] = a;
      });
      workers[t].start();
    }
    for (Thread w : workers) {
      w.join();
    }
    Stats[] stats = new Stats[11];
    for (int r = 0; r < 11; r++) {
      int width = acc[0].sum[r].length;
      double[] mean = new double[width];
      LogHistogram[] q = new LogHistogram[width];
      for (int p = 0; p < width; p++) {
        double sum = 0;
        double comp = 0;
        q[p] = new LogHistogram(1 << 14);
        for (Accumulators a : acc) {
          sum += a.sum[r][p];
          comp += a.comp[r][p];
          q[p].merge(a.histograms[r][p]);
        }
        mean[p] = (sum + comp) / samples;
      }
      stats[r] = new Stats(mean, q);
    }
    return stats;
  }
}

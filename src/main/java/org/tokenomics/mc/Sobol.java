package org.tokenomics.mc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.tokenomics.diag.Diagnostic;
import org.tokenomics.diag.Severity;
import org.tokenomics.run.Runner;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.diag.Code;
import org.tokenomics.syntax.Diagnostics;
import org.tokenomics.eval.EvalError;
import org.tokenomics.eval.Frame;

/**
 * First-order and total Sobol indices of one scalar output (EMBEDDING.md §7) by Saltelli sampling:
 * two independent matrices of draws A and B (N rows, one column per uncertain param) and, for each
 * param i, A with column i taken from B; N·(k + 2) evaluations. Estimators: Saltelli (2010) for the
 * first order, S_i = mean(f(B)·(f(A_B^i) − f(A))) / V, and Jansen's for the total, ST_i =
 * mean((f(A) − f(A_B^i))²) / (2V), V the variance of the f(A) and f(B) values together. Each index
 * gets a 95 % percentile interval from {@link #RESAMPLES} bootstrap resamples of the N rows.
 *
 * <p>Streaming: rows are evaluated a wave of {@link #WAVE} at a time and added to running sums
 * ({@link SobolSums}), one set for the estimate and one per resample; a resample is a Poisson
 * bootstrap (each row weighted by a Poisson(1) draw, counter-based from the seed, row and
 * resample), which needs no stored rows. So memory is independent of N.
 *
 * <p>Every draw is counter-based (A from the seed, B from a seed derived from it, the bootstrap
 * rows from a third), and each evaluation writes its own slot, so the indices are the same for any
 * thread count. The params are drawn independently (Sobol indices assume it; {@code correlate}
 * declarations are not applied), and a price path enters through its quantile path, so each
 * uncertain param is one input.
 */
public final class Sobol {
  private Sobol() {}

  /** Bootstrap resamples per interval. */
  static final int RESAMPLES = 500;
  /** Rows evaluated and held at a time: memory does not grow with N. */
  static final int WAVE = 4_096;

  /** One param's indices and their 95 % bootstrap intervals. */
  public record Index(String param, double first, double total, double firstLow, double firstHigh,
                      double totalLow, double totalHigh) {}

  public record Result(Tornado.Output output, int samples, List<Index> indices) {}

  /**
   * The indices of report or value {@code name} from {@code n} base samples; null after adding
   * diagnostics (an unknown or non-scalar output, no uncertain param, an evaluation error, an
   * output that does not vary).
   */
  public static Result run(CompiledModel cm, List<CompiledModel.Override> overrides, String name, int n, long seed,
                           int threads, List<Diagnostic> errors) {
    if (n < 2) {
      throw new IllegalArgumentException("Sobol needs at least 2 samples");
    }
    Sampler sampler = Sampler.of(cm, overrides);
    Tornado.Output out = Tornado.output(cm, sampler, name, errors);
    if (out == null) {
      return null;
    }
    List<UncertainParam> params = sampler.params();
    int k = params.size();
    if (k == 0) {
      errors.add(error(cm, "Sobol indices need at least one param with a distribution",
          "give a param a distribution, e.g. param growth = uniform(1 %, 5 %)"));
      return null;
    }
    long seedB = Draws.mix(seed ^ 0x2545F4914F6CDD1DL);
    long seedBoot = Draws.mix(seed ^ 0x61C8864680B583EBL);
    // sums[0]: every row once (the estimate); sums[1 + r]: bootstrap resample r
    SobolSums[] sums = null;
    int wave = Math.min(n, WAVE);
    double[][] values = new double[k + 2][wave]; // values[m][j]: m = 0 for A, 1 for B, 2 + i for A_B^i
    double[] rows = new double[wave * SobolSums.stride(k)]; // the wave as every estimate adds it
    long[] bootKeys = new long[RESAMPLES + 1]; // resample r's weights are the stream r of seedBoot
    for (int r = 1; r <= RESAMPLES; r++) {
      bootKeys[r] = Draws.key(seedBoot, r);
    }
    int stride = SobolSums.stride(k);
    ThreadLocal<Frame> frames = ThreadLocal.withInitial(sampler::newFrame);
    for (int start = 0; start < n; start += wave) {
      int len = Math.min(wave, n - start);
      EvalError error = evaluate(sampler, out.slot(), params, seed, seedB, start, len, values, frames, threads);
      if (error != null) {
        errors.add(Runner.diagnostic(cm, error));
        return null;
      }
      if (sums == null) {
        sums = new SobolSums[RESAMPLES + 1];
        for (int r = 0; r <= RESAMPLES; r++) {
          sums[r] = new SobolSums(k, values[0][0]);
        }
      }
      SobolSums[] all = sums;
      int from = start;
      SobolSums.rows(values, len, sums[0].shift(), rows);
      // each estimate takes the wave's rows in order, whichever thread runs it
      Parallel.run(RESAMPLES + 1, threads, r -> {
        SobolSums into = all[r];
        long key = bootKeys[r];
        for (int j = 0; j < len; j++) {
          into.addRow(rows, j * stride, r == 0 ? 1 : SobolSums.poisson(Draws.uniformOf(key, from + j)));
        }
      }, () -> { });
    }
    double[][] point = sums[0].estimate();
    if (point == null) {
      errors.add(error(cm, name + " does not vary with the uncertain params: its Sobol indices are undefined", null));
      return null;
    }
    double[][][] boot = new double[RESAMPLES][][];
    for (int r = 0; r < RESAMPLES; r++) {
      boot[r] = sums[r + 1].estimate();
    }
    List<Index> indices = new ArrayList<>();
    for (UncertainParam p : params) {
      int i = p.index();
      double[] first = new double[RESAMPLES];
      double[] total = new double[RESAMPLES];
      int kept = 0;
      for (double[][] e : boot) {
        if (e != null) {
          first[kept] = e[0][i];
          total[kept++] = e[1][i];
        }
      }
      first = Arrays.copyOf(first, kept);
      total = Arrays.copyOf(total, kept);
      Arrays.sort(first);
      Arrays.sort(total);
      indices.add(new Index(p.name(), point[0][i], point[1][i], percentile(first, 0.025), percentile(first, 0.975),
          percentile(total, 0.025), percentile(total, 0.975)));
    }
    indices.sort(Comparator.comparingDouble(Index::total).reversed().thenComparing(Index::param));
    return new Result(out, n, List.copyOf(indices));
  }

  private static Diagnostic error(CompiledModel cm, String message, String help) {
    return Diagnostics.make(cm.sources(), Severity.ERROR, Code.TOK302, null, message, help, null);
  }

  /**
   * Evaluates rows {@code [start, start + len)} into {@code values} (row j of the wave at index j),
   * in parallel blocks; the error of the earliest failing evaluation, or null.
   */
  private static EvalError evaluate(Sampler sampler, int slot, List<UncertainParam> params, long seed, long seedB,
                                    int start, int len, double[][] values, ThreadLocal<Frame> frames, int threads) {
    int k = params.size();
    EvalError[] firstError = new EvalError[1];
    long[] firstErrorAt = {Long.MAX_VALUE};
    int block = 64;
    SobolRows rows = new SobolRows(sampler.program(), slot, params);
    int size = sampler.program().size();
    Parallel.run((len + block - 1) / block, threads, b -> {
      Frame f = frames.get();
      double[] a = new double[k];
      double[] bRow = new double[k];
      double[][] saved = new double[size][];
      for (int j = b * block; j < Math.min(len, (b + 1) * block); j++) {
        long row = (long) start + j;
        for (UncertainParam p : params) {
          a[p.index()] = Draws.uniform(seed, row, p.stream());
          bRow[p.index()] = Draws.uniform(seedB, row, p.stream());
        }
        rows.evaluate(f, a, bRow, values, j, saved, (m, e) -> {
          synchronized (firstError) {
            long at = row * (k + 2) + m;
            if (at < firstErrorAt[0]) {
              firstErrorAt[0] = at;
              firstError[0] = e;
            }
          }
        });
      }
    }, () -> { });
    return firstError[0];
  }

  /** Type-7 percentile of sorted values. */
  static double percentile(double[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    double pos = (sorted.length - 1) * q;
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }
}

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
 * resample), which needs no stored rows. So memory is independent of N. Each block of
 * {@link #WAVE} rows gets sums of its own, and blocks are merged in a fixed binary tree over their
 * indices ({@link SobolTree}): a cluster that evaluates aligned ranges of blocks ({@link Plan#part})
 * and merges them ({@link #finish}) reproduces a local run bit for bit.
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
    Plan plan = plan(cm, overrides, name, n, seed, errors);
    if (plan == null) {
      return null;
    }
    return finish(plan, List.of(plan.part(0, plan.blocks(), 0, threads)), errors);
  }

  /**
   * What every part of one analysis shares: the sampled model, the output, the params, the seeds
   * and the shift of the sums (row 0's f(A)). Made by {@link #plan}; on a cluster each machine
   * makes its own from the same model and arguments (the same numbers: every draw is counter-based).
   */
  public static final class Plan {
    private final CompiledModel cm;
    private final Sampler sampler;
    private final Tornado.Output out;
    private final List<UncertainParam> params;
    private final int n;
    private final long seed;
    private final long seedB;
    private final long seedBoot;
    private final double shift;

    private Plan(CompiledModel cm, Sampler sampler, Tornado.Output out, int n, long seed, double shift) {
      this.cm = cm;
      this.sampler = sampler;
      this.out = out;
      this.params = sampler.params();
      this.n = n;
      this.seed = seed;
      this.seedB = Draws.mix(seed ^ 0x2545F4914F6CDD1DL);
      this.seedBoot = Draws.mix(seed ^ 0x61C8864680B583EBL);
      this.shift = shift;
    }

    /** How many blocks of {@link #WAVE} rows the N base samples make (the last may be shorter). */
    public int blocks() {
      return (int) ((n + (long) WAVE - 1) / WAVE);
    }

    /**
     * The level s of a split into at most {@code slices} aligned ranges of 2^s blocks: slice i
     * covers blocks {@code [i·2^s, (i+1)·2^s)}, and {@link #slices(int)} of them cover all.
     */
    public int level(int slices) {
      int s = 0;
      while (((blocks() + (1L << s) - 1) >> s) > Math.max(1, slices)) {
        s++;
      }
      return s;
    }

    /** How many aligned ranges of 2^{@link #level(int)} blocks cover every block (at most {@code slices}). */
    public int slices(int slices) {
      int s = level(slices);
      return (int) ((blocks() + (1L << s) - 1) >> s);
    }

    /**
     * Evaluates blocks {@code [first, first + count)} and sums them (in the tree's grouping) into
     * one node at {@code level}: the block itself (level 0, count 1), an aligned range of 2^level
     * blocks, or the whole run. Stops at the first block with an evaluation error.
     */
    public Part part(int first, int count, int level, int threads) {
      int k = params.size();
      int last = Math.min(blocks(), first + count);
      double[][] values = new double[k + 2][Math.min(n, WAVE)]; // values[m][j]: m = 0 for A, 1 for B, 2 + i for A_B^i
      ThreadLocal<Frame> frames = ThreadLocal.withInitial(sampler::newFrame);
      int stride = SobolSums.stride(k);
      double[] rows = new double[Math.min(n, WAVE) * stride];
      long[] bootKeys = new long[RESAMPLES + 1];
      for (int r = 1; r <= RESAMPLES; r++) {
        bootKeys[r] = Draws.key(seedBoot, r);
      }
      SobolTree tree = new SobolTree();
      for (int b = first; b < last; b++) {
        int start = b * WAVE;
        int len = Math.min(WAVE, n - start);
        long[] errorAt = {Long.MAX_VALUE};
        EvalError error = evaluate(sampler, out.slot(), params, seed, seedB, start, len, values, frames, threads, errorAt);
        if (error != null) {
          return new Part(level, null, errorAt[0]);
        }
        SobolSums[] sums = new SobolSums[RESAMPLES + 1]; // [0]: every row once (the estimate); [1 + r]: resample r
        for (int r = 0; r <= RESAMPLES; r++) {
          sums[r] = new SobolSums(k, shift);
        }
        // the block's rows as every estimate adds them, computed once (SobolSums.rows)
        SobolSums.rows(values, len, shift, rows);
        // each estimate takes the block's rows in order, whichever thread runs it
        Parallel.run(RESAMPLES + 1, threads, r -> {
          SobolSums into = sums[r];
          long key = bootKeys[r]; // resample r's weights: the stream r of seedBoot, its key hoisted
          for (int j = 0; j < len; j++) {
            into.addRow(rows, j * stride, r == 0 ? 1 : SobolSums.poisson(Draws.uniformAt(key, start + j)));
          }
        }, () -> { });
        tree.push(0, sums);
      }
      return new Part(level, tree.root(), Long.MAX_VALUE);
    }
  }

  /**
   * The sums of an aligned range of blocks (or the first evaluation error met there, as
   * {@code row · (k + 2) + matrix}), to be merged by {@link #finish}. Serializable: on a cluster it
   * travels from the machine that evaluated the range to the one that merges.
   */
  public static final class Part implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final int level;
    private final SobolSums[] sums;
    private final long errorAt;

    Part(int level, SobolSums[] sums, long errorAt) {
      this.level = level;
      this.sums = sums;
      this.errorAt = errorAt;
    }
  }

  /**
   * The plan of an analysis: the output and params checked, row 0 evaluated (its f(A) shifts every
   * sum); null after adding diagnostics (an unknown or non-scalar output, no uncertain param, an
   * evaluation error in row 0).
   */
  public static Plan plan(CompiledModel cm, List<CompiledModel.Override> overrides, String name, int n, long seed,
                          List<Diagnostic> errors) {
    if (n < 2) {
      throw new IllegalArgumentException("Sobol needs at least 2 samples");
    }
    Sampler sampler = Sampler.of(cm, overrides);
    Tornado.Output out = Tornado.output(cm, sampler, name, errors);
    if (out == null) {
      return null;
    }
    List<UncertainParam> params = sampler.params();
    if (params.isEmpty()) {
      errors.add(error(cm, "Sobol indices need at least one param with a distribution",
          "give a param a distribution, e.g. param growth = uniform(1 %, 5 %)"));
      return null;
    }
    Frame f = sampler.newFrame();
    for (UncertainParam p : params) {
      f.draws[p.index()] = Draws.uniform(seed, 0, p.stream());
    }
    f.reset();
    double shift;
    try {
      shift = f.values(out.slot())[0];
    } catch (EvalError e) {
      errors.add(Runner.diagnostic(cm, e));
      return null;
    }
    return new Plan(cm, sampler, out, n, seed, shift);
  }

  /**
   * The indices from the parts of a plan, in block order (each the node of an aligned range of
   * blocks; together every block once); null after adding diagnostics (the earliest evaluation
   * error, an output that does not vary).
   */
  public static Result finish(Plan plan, List<Part> parts, List<Diagnostic> errors) {
    CompiledModel cm = plan.cm;
    List<UncertainParam> params = plan.params;
    long errorAt = parts.stream().mapToLong(p -> p.errorAt).min().orElse(Long.MAX_VALUE);
    if (errorAt != Long.MAX_VALUE) { // evaluate that row again here for the error itself
      long row = errorAt / (params.size() + 2);
      EvalError e = evaluate(plan.sampler, plan.out.slot(), params, plan.seed, plan.seedB, row, 1,
          new double[params.size() + 2][1], ThreadLocal.withInitial(plan.sampler::newFrame), 1, new long[1]);
      errors.add(Runner.diagnostic(cm, e));
      return null;
    }
    SobolTree tree = new SobolTree();
    for (Part p : parts) {
      if (p.sums != null) { // the tree merges into what it is given: copies, so that a part can be merged again
        SobolSums[] copy = new SobolSums[p.sums.length];
        for (int r = 0; r < copy.length; r++) {
          copy[r] = p.sums[r].copy();
        }
        tree.push(p.level, copy);
      }
    }
    SobolSums[] sums = tree.root();
    double[][] point = sums == null ? null : sums[0].estimate();
    if (point == null) {
      errors.add(error(cm, plan.out.name() + " does not vary with the uncertain params: its Sobol indices are undefined",
          null));
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
    return new Result(plan.out, plan.n, List.copyOf(indices));
  }

  private static Diagnostic error(CompiledModel cm, String message, String help) {
    return Diagnostics.make(cm.sources(), Severity.ERROR, Code.TOK302, null, message, help, null);
  }

  /**
   * Evaluates rows {@code [start, start + len)} into {@code values} (row j of the wave at index j),
   * in parallel blocks; the error of the earliest failing evaluation (its position, row · (k + 2) +
   * matrix, in {@code firstErrorAt[0]}), or null.
   */
  private static EvalError evaluate(Sampler sampler, int slot, List<UncertainParam> params, long seed, long seedB,
                                    long start, int len, double[][] values, ThreadLocal<Frame> frames, int threads,
                                    long[] firstErrorAt) {
    int k = params.size();
    EvalError[] firstError = new EvalError[1];
    firstErrorAt[0] = Long.MAX_VALUE;
    int block = 64;
    SobolRows rows = new SobolRows(sampler.program(), slot, params);
    int size = sampler.program().size();
    Parallel.run((len + block - 1) / block, threads, b -> {
      Frame f = frames.get();
      double[] a = new double[k];
      double[] bRow = new double[k];
      double[][] saved = new double[size][];
      for (int j = b * block; j < Math.min(len, (b + 1) * block); j++) {
        long row = start + j;
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

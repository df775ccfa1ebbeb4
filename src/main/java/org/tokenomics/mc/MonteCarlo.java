package org.tokenomics.mc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.check.Type;
import org.tokenomics.eval.EvalError;
import org.tokenomics.eval.Frame;
import org.tokenomics.eval.Program;

/**
 * The Monte Carlo engine (LANGUAGE.md §7). Each sample draws every distribution param once
 * (constant over periods) from a counter-based stream ({@link Draws}), evaluates every report and
 * assertion, and hands the values to per-period accumulators. Samples are evaluated in blocks on
 * several threads; values reach the accumulators in sample order, so the statistics are the same
 * for any thread count.
 *
 * <p>Memory is bounded: when samples × report values fit {@link Options#exactBudget} every value
 * is kept and quantiles are exact; otherwise samples are evaluated in waves and each report period
 * keeps a {@link LogHistogram} (quantiles within 0.2 % of the value; see there).
 */
public final class MonteCarlo {
  private MonteCarlo() {}

  /** Samples per block: the unit of work a thread takes. */
  static final int BLOCK = 64;
  /**
   * Values buffered per wave when sketching (128 MB): each report value's histogram is read into
   * the cache once per wave, so longer waves make feeding them cheaper.
   */
  static final long WAVE_BUDGET = 16_000_000;
  /** Bytes of histograms per run at most (each report value's histogram grows only as needed). */
  static final long SKETCH_BYTES = 256L << 20;
  /** Buckets per sign of one histogram at most: 32 powers of two at full resolution. */
  static final int MAX_BUCKETS = 1 << 14;

  /**
   * @param threads     worker threads (the results do not depend on it)
   * @param exactBudget the most values kept for exact quantiles (samples × report values)
   * @param progress    told how many samples are done
   */
  public record Options(int threads, long exactBudget, Progress progress) {
    public static Options defaults() {
      return new Options(Runtime.getRuntime().availableProcessors(), 50_000_000L, Progress.NONE);
    }

    public Options withThreads(int n) {
      return new Options(Math.max(1, n), exactBudget, progress);
    }

    public Options withExactBudget(long values) {
      return new Options(threads, values, progress);
    }

    public Options withProgress(Progress p) {
      return new Options(threads, exactBudget, p == null ? Progress.NONE : p);
    }
  }

  /** The TOK600 message when samples × periods × reports exceeds {@code maxSampleValues}; null when fine. */
  public static String limitProblem(CompiledModel model, long samples, long maxSampleValues) {
    long periods = model.program().timeline().size();
    long reports = Math.max(1, model.reports().size());
    double values = (double) samples * periods * reports;
    if (values > maxSampleValues) {
      return String.format(java.util.Locale.ROOT, "%,d samples × %,d periods × %,d reports = %,.0f values is above the limit"
          + " of %,d (max sample values)", samples, periods, reports, values, maxSampleValues);
    }
    return null;
  }

  /** Runs {@code samples} samples of the model under {@code overrides} (a scenario and/or {@code --set}). */
  public static McResult run(CompiledModel model, List<CompiledModel.Override> overrides, int samples, long seed,
                             Options options) {
    if (samples <= 0) {
      throw new IllegalArgumentException("samples must be at least 1");
    }
    Sampler sampler = Sampler.of(model, overrides);
    return new Engine(model, sampler, samples, seed, options, 0, false).run();
  }

  /**
   * Samples {@code [first, first + count)} of a run (EMBEDDING.md §10): every value kept, so that
   * {@link #merge} can put partial runs together into exactly the result of one run over all of
   * them (the same draws, the same order of summation, the same quantiles).
   */
  public static Partial runPartial(CompiledModel model, List<CompiledModel.Override> overrides, long first, int count,
                                   long seed, Options options) {
    if (count <= 0 || first < 0) {
      throw new IllegalArgumentException("a partial run needs first >= 0 and count >= 1");
    }
    Engine e = new Engine(model, Sampler.of(model, overrides), count, seed, options, first, true);
    e.wave(0, count);
    return new Partial(first, count, seed, e.buffer, e.reportFailed, e.assertFailed, e.assertEvaluated, e.errors);
  }

  /**
   * The result of one run over samples {@code [0, n)} from partial runs that cover that range
   * without gaps or overlaps (in any order). Bit for bit what {@link #run} gives for n samples with
   * the same seed, overrides and exact budget: values are fed to the statistics in sample order.
   */
  public static McResult merge(CompiledModel model, List<CompiledModel.Override> overrides, List<Partial> parts,
                               Options options) {
    List<Partial> sorted = new ArrayList<>(parts);
    sorted.sort(java.util.Comparator.comparingLong(Partial::first));
    long next = 0;
    for (Partial p : sorted) {
      if (p.first() != next || p.seed() != sorted.get(0).seed()) {
        throw new IllegalArgumentException("partial runs must share a seed and cover samples 0.." + "n-1 without gaps"
            + " or overlaps; found one starting at " + p.first() + " where " + next + " was expected");
      }
      next += p.count();
    }
    if (sorted.isEmpty() || next > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("between 1 and " + Integer.MAX_VALUE + " samples can be merged");
    }
    Engine e = new Engine(model, Sampler.of(model, overrides), (int) next, sorted.get(0).seed(), options, 0, false);
    for (Partial p : sorted) {
      e.absorb(p);
    }
    return e.finish();
  }

  /** One run's working state. */
  private static final class Engine {
    final CompiledModel model;
    final Sampler sampler;
    final int samples;
    final long seed;
    final Options options;
    final List<CompiledModel.ReportSpec> reports;
    final int[] offset;   // first value column of each report; -1 when not numeric
    final int[] width;    // 1, the periods, or 0
    final int cells;
    final boolean exact;
    final int waveLen;
    final double[][] buffer; // [cell][sample in wave]
    final LogHistogram[] sketches;
    final Program.Plan plan;
    final CompensatedSum[] sums;
    final long[] counts;
    final AtomicLong done = new AtomicLong();
    final long[] reportFailed;
    final long[] assertFailed;
    final long[] assertEvaluated;
    final Map<String, McResult.SampleError> errors = new LinkedHashMap<>();

    /** The first sample's index (a partial run's offset); 0 for a whole run. */
    final long first;

    Engine(CompiledModel model, Sampler sampler, int samples, long seed, Options options, long first, boolean keepAll) {
      this.model = model;
      this.first = first;
      this.sampler = sampler;
      this.samples = samples;
      this.seed = seed;
      this.options = options;
      this.reports = model.reports();
      Program program = sampler.program();
      plan = program.plan(org.tokenomics.run.Runner.roots(model));
      offset = new int[reports.size()];
      width = new int[reports.size()];
      int c = 0;
      for (int r = 0; r < reports.size(); r++) {
        CompiledModel.ReportSpec spec = reports.get(r);
        boolean numeric = spec.type().tag() == Type.Tag.NUMBER;
        width[r] = !numeric ? 0 : program.cell(spec.slot()).series() ? program.timeline().size() : 1;
        offset[r] = numeric ? c : -1;
        c += width[r];
      }
      cells = c;
      exact = keepAll || (long) samples * cells <= options.exactBudget();
      if (exact) {
        waveLen = samples;
      } else {
        long perWave = Math.max(BLOCK, WAVE_BUDGET / Math.max(1, cells) / BLOCK * BLOCK);
        waveLen = (int) Math.min(samples, perWave);
      }
      buffer = new double[cells][waveLen];
      if (exact) {
        sketches = null;
        sums = null;
        counts = null;
      } else {
        int buckets = (int) Math.max(64, Math.min(MAX_BUCKETS, SKETCH_BYTES / (2L * Integer.BYTES * Math.max(1, cells))));
        sketches = new LogHistogram[cells];
        for (int i = 0; i < cells; i++) {
          sketches[i] = new LogHistogram(buckets);
        }
        sums = new CompensatedSum[cells];
        for (int i = 0; i < cells; i++) {
          sums[i] = new CompensatedSum();
        }
        counts = new long[cells];
      }
      reportFailed = new long[reports.size()];
      assertFailed = new long[model.asserts().size()];
      assertEvaluated = new long[model.asserts().size()];
    }

    McResult run() {
      for (int start = 0; start < samples; start += waveLen) {
        int len = Math.min(waveLen, samples - start);
        wave(start, len);
      }
      return finish();
    }

    /** Evaluates samples [start, start + len) in parallel blocks, then feeds sketches in order. */
    void wave(int start, int len) {
      int blocks = (len + BLOCK - 1) / BLOCK;
      BlockOut[] outs = new BlockOut[blocks];
      ThreadLocal<Worker> workers = ThreadLocal.withInitial(Worker::new);
      Parallel.run(blocks, options.threads(), b -> {
        int from = b * BLOCK;
        int to = Math.min(len, from + BLOCK);
        outs[b] = block(workers.get(), start, from, to);
        done.addAndGet(to - from);
      }, () -> options.progress().update(done.get(), samples));
      for (BlockOut o : outs) {
        merge(o);
      }
      if (!exact) {
        int chunk = 64;
        int tasks = (cells + chunk - 1) / chunk;
        Parallel.run(tasks, options.threads(), t -> {
          for (int cell = t * chunk; cell < Math.min(cells, (t + 1) * chunk); cell++) {
            feed(cell, len);
          }
        }, () -> { });
      }
      options.progress().update(done.get(), samples);
    }

    /** What one block found besides report values (those go into the buffer). */
    private record BlockOut(long[] reportFailed, long[] assertFailed, long[] assertEvaluated,
                            Map<String, McResult.SampleError> errors) {}

    /**
     * A worker thread's frame, and its rows: a block's report values sample by sample, written as
     * they are computed and then copied into the buffer's columns in one go (writing each sample's
     * hundreds of values straight into as many columns would touch a cache line per value).
     */
    private final class Worker {
      final Frame frame = sampler.newFrame();
      final double[] rows = new double[BLOCK * cells];

      Worker() {
        frame.recycleArrays(); // values are copied out before the next sample
      }
    }

    private BlockOut block(Worker w, int waveStart, int from, int to) {
      Frame f = w.frame;
      double[] rows = w.rows;
      long[] rFailed = new long[reports.size()];
      long[] aFailed = new long[assertFailed.length];
      long[] aEvaluated = new long[assertFailed.length];
      Map<String, McResult.SampleError> errs = new LinkedHashMap<>();
      List<String> seen = new ArrayList<>(2);
      for (int k = from; k < to; k++) {
        long sample = first + waveStart + k;
        f.reset();
        sampler.draw(seed, sample, f.draws);
        f.seed = seed;
        f.sample = sample; // price paths draw per period from (seed, sample)
        f.run(plan); // computes every report and assertion, unless an error or a goal seek stops it
        seen.clear();
        for (int r = 0; r < reports.size(); r++) {
          try {
            double[] v = f.values(reports.get(r).slot());
            int row = (k - from) * cells + offset[r];
            if (width[r] == 0) {
              continue; // a date or bool report: evaluated for its errors only
            } else if (v.length == width[r]) {
              System.arraycopy(v, 0, rows, row, width[r]);
            } else {
              java.util.Arrays.fill(rows, row, row + width[r], v[0]);
            }
          } catch (EvalError e) {
            rFailed[r]++;
            if (width[r] > 0) {
              int row = (k - from) * cells + offset[r];
              java.util.Arrays.fill(rows, row, row + width[r], Double.NaN);
            }
            note(errs, seen, e, sample);
          }
        }
        List<CompiledModel.AssertSpec> asserts = model.asserts();
        for (int a = 0; a < asserts.size(); a++) {
          try {
            double[] v = f.values(asserts.get(a).slot());
            boolean ok = true;
            for (double x : v) {
              ok &= x != 0;
            }
            aEvaluated[a]++;
            if (!ok) {
              aFailed[a]++;
            }
          } catch (EvalError e) {
            note(errs, seen, e, sample);
          }
        }
      }
      for (int c = 0; c < cells; c++) {
        double[] column = buffer[c];
        for (int k = from; k < to; k++) {
          column[k] = rows[(k - from) * cells + c];
        }
      }
      return new BlockOut(rFailed, aFailed, aEvaluated, errs);
    }

    /** Counts an error once per sample, keyed by its code and place. */
    private static void note(Map<String, McResult.SampleError> errs, List<String> seen, EvalError e, long sample) {
      String key = key(e);
      if (seen.contains(key)) {
        return;
      }
      seen.add(key);
      McResult.SampleError old = errs.get(key);
      errs.put(key, old == null ? new McResult.SampleError(e, 1, sample)
          : new McResult.SampleError(old.error(), old.samples() + 1, old.firstSample()));
    }

    static String key(EvalError e) {
      var s = e.span();
      return e.code() + "@" + (s == null ? "?" : s.file() + ":" + s.start() + "-" + s.end());
    }

    private void merge(BlockOut o) {
      for (int r = 0; r < reportFailed.length; r++) {
        reportFailed[r] += o.reportFailed[r];
      }
      for (int a = 0; a < assertFailed.length; a++) {
        assertFailed[a] += o.assertFailed[a];
        assertEvaluated[a] += o.assertEvaluated[a];
      }
      o.errors.forEach((key, e) -> {
        McResult.SampleError old = errors.get(key);
        errors.put(key, old == null ? e : new McResult.SampleError(
            old.firstSample() <= e.firstSample() ? old.error() : e.error(), old.samples() + e.samples(),
            Math.min(old.firstSample(), e.firstSample())));
      });
    }

    /** Takes a partial run's values and counts, the next in sample order (see {@link #merge}). */
    void absorb(Partial p) {
      merge(new BlockOut(p.reportFailed(), p.assertFailed(), p.assertEvaluated(), p.errors()));
      int at = (int) p.first();
      for (int done = 0; done < p.count(); ) {
        int len = exact ? p.count() : Math.min(waveLen, p.count() - done);
        for (int cell = 0; cell < cells; cell++) {
          System.arraycopy(p.values()[cell], done, buffer[cell], exact ? at : 0, len);
        }
        if (!exact) {
          for (int cell = 0; cell < cells; cell++) {
            feed(cell, len);
          }
        }
        done += len;
      }
    }

    /** Adds one cell's wave values to its sketch and running sum, in sample order. */
    private void feed(int cell, int len) {
      double[] v = buffer[cell];
      counts[cell] += sketches[cell].addAll(v, 0, len);
      sums[cell].addAll(v, len);
    }

    McResult finish() {
      double[] mean = new double[cells];
      Quantiles[] quantiles = new Quantiles[cells];
      Parallel.run(cells, options.threads(), cell -> {
        if (exact) {
          CompensatedSum sum = new CompensatedSum();
          long n = 0;
          for (double x : buffer[cell]) {
            if (!Double.isNaN(x)) {
              sum.add(x);
              n++;
            }
          }
          mean[cell] = sum.mean(n);
          quantiles[cell] = new Quantiles.Exact(buffer[cell], 0, samples);
          buffer[cell] = null;
        } else {
          mean[cell] = sums[cell].mean(counts[cell]);
          quantiles[cell] = sketches[cell];
        }
      }, () -> { });
      List<McResult.ReportStats> stats = new ArrayList<>();
      for (int r = 0; r < reports.size(); r++) {
        CompiledModel.ReportSpec spec = reports.get(r);
        boolean series = sampler.program().cell(spec.slot()).series();
        if (offset[r] < 0) {
          stats.add(new McResult.ReportStats(spec, series, reportFailed[r], null, null));
        } else {
          // a roll-up shows its years or quarters: the first values of its cell (eval.series.RollUp)
          int shown = spec.rolledUp() ? Math.min(width[r], spec.periods().size()) : width[r];
          double[] m = java.util.Arrays.copyOfRange(mean, offset[r], offset[r] + shown);
          Quantiles[] q = java.util.Arrays.copyOfRange(quantiles, offset[r], offset[r] + shown);
          stats.add(new McResult.ReportStats(spec, series, reportFailed[r], m, q));
        }
      }
      List<McResult.AssertStats> asserts = new ArrayList<>();
      for (int a = 0; a < assertFailed.length; a++) {
        asserts.add(new McResult.AssertStats(model.asserts().get(a), assertFailed[a], assertEvaluated[a]));
      }
      return new McResult(samples, seed, sampler.params(), List.copyOf(stats), List.copyOf(asserts),
          List.copyOf(errors.values()), exact);
    }
  }
}

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
 * One Monte Carlo run's working state (see {@link MonteCarlo}): evaluates samples in blocks on
 * several threads, keeps their values or feeds them to histograms in sample order, and finishes
 * into an {@link McResult}.
 */
final class Engine {
  final CompiledModel model;
  final Sampler sampler;
  final int samples;
  final long seed;
  final MonteCarlo.Options options;
  final List<CompiledModel.ReportSpec> reports;
  final int[] offset;   // first value column of each report; -1 when not numeric
  final int[] width;    // 1, the periods, or 0
  final int cells;
  final boolean[] scalar; // the cells of scalar reports (whose raw draws a run keeps)
  final boolean exact;
  final int waveLen;
  final double[][] buffer; // [cell][sample in wave]
  final LogHistogram[] sketches;
  final Program.Plan plan;
  final CompensatedSum[] sums;
  final long[] counts;
  final Moments[] moments; // the spread of each cell's values, for the standard error (sketch mode)
  final AtomicLong done = new AtomicLong();
  final long[] reportFailed;
  final long[] assertFailed;
  final long[] assertEvaluated;
  final Map<String, McResult.SampleError> errors = new LinkedHashMap<>();

  /** The first sample's index (a partial run's offset); 0 for a whole run. */
  final long first;

  Engine(CompiledModel model, Sampler sampler, int samples, long seed, MonteCarlo.Options options, long first, boolean keepAll) {
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
    scalar = new boolean[cells];
    for (int r = 0; r < reports.size(); r++) {
      if (offset[r] >= 0 && !program.cell(reports.get(r).slot()).series()) {
        scalar[offset[r]] = true;
      }
    }
    exact = keepAll || (long) samples * cells <= options.exactBudget();
    if (exact) {
      waveLen = samples;
    } else {
      long perWave = Math.max(MonteCarlo.BLOCK, MonteCarlo.WAVE_BUDGET / Math.max(1, cells) / MonteCarlo.BLOCK * MonteCarlo.BLOCK);
      waveLen = (int) Math.min(samples, perWave);
    }
    buffer = new double[cells][waveLen];
    if (exact) {
      sketches = null;
      sums = null;
      counts = null;
      moments = null;
    } else {
      int buckets = (int) Math.max(64, Math.min(MonteCarlo.MAX_BUCKETS, MonteCarlo.SKETCH_BYTES / (2L * Integer.BYTES * Math.max(1, cells))));
      sketches = new LogHistogram[cells];
      for (int i = 0; i < cells; i++) {
        sketches[i] = new LogHistogram(buckets);
      }
      sums = new CompensatedSum[cells];
      for (int i = 0; i < cells; i++) {
        sums[i] = new CompensatedSum();
      }
      counts = new long[cells];
      moments = new Moments[cells];
      for (int i = 0; i < cells; i++) {
        moments[i] = new Moments();
      }
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
    int blocks = (len + MonteCarlo.BLOCK - 1) / MonteCarlo.BLOCK;
    BlockOut[] outs = new BlockOut[blocks];
    ThreadLocal<Worker> workers = ThreadLocal.withInitial(Worker::new);
    Parallel.run(blocks, options.threads(), b -> {
      int from = b * MonteCarlo.BLOCK;
      int to = Math.min(len, from + MonteCarlo.BLOCK);
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
    final double[] rows = new double[MonteCarlo.BLOCK * cells];

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
    moments[cell].addAll(v, 0, len);
  }

  McResult finish() {
    double[] mean = new double[cells];
    double[] se = new double[cells];
    double[][] draws = new double[cells][];
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
        Moments m = new Moments();
        m.addAll(buffer[cell], 0, samples);
        se[cell] = m.standardError();
        quantiles[cell] = new Quantiles.Exact(buffer[cell], 0, samples);
        draws[cell] = scalar[cell] ? buffer[cell] : null; // a scalar report's raw draws, in sample order
        buffer[cell] = null;
      } else {
        mean[cell] = sums[cell].mean(counts[cell]);
        se[cell] = moments[cell].standardError();
        quantiles[cell] = sketches[cell];
      }
    }, () -> { });
    List<McResult.ReportStats> stats = new ArrayList<>();
    for (int r = 0; r < reports.size(); r++) {
      CompiledModel.ReportSpec spec = reports.get(r);
      boolean series = sampler.program().cell(spec.slot()).series();
      if (offset[r] < 0) {
        stats.add(new McResult.ReportStats(spec, series, reportFailed[r], null, null, null, null));
      } else {
        // a roll-up shows its years or quarters: the first values of its cell (eval.series.RollUp)
        int shown = spec.rolledUp() ? Math.min(width[r], spec.periods().size()) : width[r];
        double[] m = java.util.Arrays.copyOfRange(mean, offset[r], offset[r] + shown);
        Quantiles[] q = java.util.Arrays.copyOfRange(quantiles, offset[r], offset[r] + shown);
        double[] e = java.util.Arrays.copyOfRange(se, offset[r], offset[r] + shown);
        stats.add(new McResult.ReportStats(spec, series, reportFailed[r], m, q, e, series ? null : draws[offset[r]]));
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

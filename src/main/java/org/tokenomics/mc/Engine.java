package org.tokenomics.mc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.check.Type;
import org.tokenomics.eval.Program;

/**
 * One Monte Carlo run's working state (see {@link MonteCarlo}): evaluates samples in blocks on
 * several threads ({@link BlockEvaluator}), keeps their values or feeds them to histograms in
 * sample order (waves overlapping: {@link WavePipeline}), and finishes into an {@link McResult}.
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
  /**
   * The wave's values, {@code [cell][sample of the wave]}: in an exact run every value, with
   * histograms the current wave's, fed to the statistics column by column. A worker evaluates
   * sample by sample into a small {@link Tile} (a row per sample) and transposes it into the
   * wave's columns in runs of {@link BlockEvaluator#tileLen} samples, so writing the wave and reading it back
   * for the statistics are both sequential. (A block layout of groups of eight samples, read back 8 values per page,
   * spent more time moving values than evaluating them.)
   */
  final double[][] buffer;
  final LogHistogram[] sketches;
  final Program.Plan plan;
  final long[] counts;
  final Moments[] moments; // the spread of each cell's values, for the standard error (sketch mode)
  final AtomicLong done = new AtomicLong();
  /** Evaluates the blocks of samples (made last in the constructor: it reads the layout above). */
  private final BlockEvaluator evaluator;
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
      counts = null;
      moments = null;
    } else {
      int buckets = (int) Math.max(64, Math.min(MonteCarlo.MAX_BUCKETS, MonteCarlo.SKETCH_BYTES / (2L * Integer.BYTES * Math.max(1, cells))));
      sketches = new LogHistogram[cells];
      for (int i = 0; i < cells; i++) {
        sketches[i] = new LogHistogram(buckets);
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
    evaluator = new BlockEvaluator(this);
  }

  /**
   * A whole run that keeps every value feeds its statistics while it evaluates (see
   * {@link OrderedFeed}); null for histograms, a partial run and a merge of parts.
   */
  private OrderedFeed ordered;

  McResult run() {
    if (exact) {
      ordered = new OrderedFeed(buffer, samples, MonteCarlo.BLOCK); // exact: one wave of every sample
      wave(0, samples);
    } else {
      sketched();
    }
    return finish();
  }

  /** Evaluates samples [start, start + len) into the buffer in parallel blocks (an exact or partial run: one wave). */
  void wave(int start, int len) {
    int blocks = (len + MonteCarlo.BLOCK - 1) / MonteCarlo.BLOCK;
    BlockEvaluator.Out[] outs = new BlockEvaluator.Out[blocks];
    Parallel.run(blocks, options.threads(), b -> {
      outs[b] = evaluator.evaluate(buffer, start, len, b);
      if (ordered != null) {
        ordered.done(b);
      }
    }, () -> options.progress().update(done.get(), samples));
    for (BlockEvaluator.Out o : outs) {
      merge(o);
    }
    options.progress().update(done.get(), samples);
  }

  /** Cells fed per task: a cell's whole wave at a time, so its histogram stays in the cache and its values are read in a row. */
  private static final int FEED_CHUNK = 32;

  /**
   * A run with histograms: waves of {@link #waveLen} samples, each evaluated into one of a few
   * buffers and then fed to the histograms, the next waves' evaluation overlapping the last one's
   * feeding ({@link WavePipeline}).
   */
  private void sketched() {
    int waves = (samples + waveLen - 1) / waveLen;
    int[] blocks = new int[waves];
    BlockEvaluator.Out[][] outs = new BlockEvaluator.Out[waves][];
    for (int k = 0; k < waves; k++) {
      blocks[k] = (waveSize(k) + MonteCarlo.BLOCK - 1) / MonteCarlo.BLOCK;
      outs[k] = new BlockEvaluator.Out[blocks[k]];
    }
    double[][][] slots = new double[buffers(waves, Runtime.getRuntime().maxMemory())][][];
    slots[0] = buffer;
    for (int i = 1; i < slots.length; i++) {
      slots[i] = new double[cells][waveLen];
    }
    WavePipeline.run(blocks, (cells + FEED_CHUNK - 1) / FEED_CHUNK, slots.length, options.threads(), new WavePipeline.Stage() {
      @Override
      public void evaluate(int wave, int slot, int block) {
        outs[wave][block] = evaluator.evaluate(slots[slot], wave * waveLen, waveSize(wave), block);
      }

      @Override
      public void feed(int wave, int slot, int chunk) {
        PairFeed.range(slots[slot], chunk * FEED_CHUNK, Math.min(cells, (chunk + 1) * FEED_CHUNK), 0, waveSize(wave),
            sketches, moments, counts);
      }
    }, () -> options.progress().update(done.get(), samples));
    for (BlockEvaluator.Out[] wave : outs) {
      for (BlockEvaluator.Out o : wave) {
        merge(o); // in sample order: the first samples' errors are the ones kept
      }
    }
    options.progress().update(done.get(), samples);
  }

  /**
   * Wave buffers for a sketching run of {@code waves} waves: up to {@link WavePipeline#SLOTS}, as
   * long as the ones beyond the first take at most an eighth of the heap (a host that runs Tok in a
   * small heap gets the wave-by-wave order rather than an out-of-memory error).
   */
  int buffers(int waves, long maxHeap) {
    long bytes = 8L * cells * waveLen + 16L * cells; // a buffer's columns and their headers
    int n = 1;
    while (n < Math.min(waves, WavePipeline.SLOTS) && n * bytes <= maxHeap / 8) {
      n++;
    }
    return n;
  }

  /** The samples in wave {@code k} of a sketching run. */
  private int waveSize(int k) {
    return Math.min(waveLen, samples - k * waveLen);
  }

  private void merge(BlockEvaluator.Out o) {
    for (int r = 0; r < reportFailed.length; r++) {
      reportFailed[r] += o.reportFailed()[r];
    }
    for (int a = 0; a < assertFailed.length; a++) {
      assertFailed[a] += o.assertFailed()[a];
      assertEvaluated[a] += o.assertEvaluated()[a];
    }
    SampleErrors.merge(errors, o.errors());
  }

  /** Takes a partial run's values and counts, the next in sample order (see {@link #merge}). */
  void absorb(Partial p) {
    merge(new BlockEvaluator.Out(p.reportFailed(), p.assertFailed(), p.assertEvaluated(), p.errors()));
    if (exact) {
      for (int cell = 0; cell < cells; cell++) {
        System.arraycopy(p.values()[cell], 0, buffer[cell], (int) p.first(), p.count());
      }
    } else {
      PairFeed.range(p.values(), 0, cells, 0, p.count(), sketches, moments, counts);
    }
  }

  McResult finish() {
    double[] mean = new double[cells];
    double[] se = new double[cells];
    double[][] draws = new double[cells][];
    Quantiles[] quantiles = new Quantiles[cells];
    Parallel.run(cells, options.threads(), cell -> {
      if (exact) {
        Moments m;
        OrderStatistics.Summary summary;
        if (ordered != null && ordered.complete()) { // fed as the blocks were done
          m = ordered.moments[cell];
          summary = ordered.summaries[cell];
        } else {
          m = new Moments();
          summary = ExactFeed.column(buffer[cell], samples, m); // one pass for both
        }
        mean[cell] = m.mean(); // from the moments' shifted sums (NaN skipped: failed samples)
        se[cell] = m.standardError();
        quantiles[cell] = new Quantiles.Exact(buffer[cell], samples, summary); // reads the column, never reorders it
        draws[cell] = scalar[cell] ? buffer[cell] : null; // a scalar report's raw draws, in sample order
        buffer[cell] = null;
      } else {
        mean[cell] = moments[cell].mean();
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

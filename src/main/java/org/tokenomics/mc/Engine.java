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
  /**
   * The wave's values, {@code [cell][sample of the wave]}: in an exact run every value, with
   * histograms the current wave's, fed to the statistics column by column. A worker evaluates
   * sample by sample into a small {@link Tile} (a row per sample) and transposes it into the
   * wave's columns in runs of {@link #tileLen} samples, so writing the wave and reading it back
   * for the statistics are both sequential. (A block layout of groups of eight samples, read back 8 values per page,
   * spent more time moving values than evaluating them.)
   */
  final double[][] buffer;
  /** Idle workers: a worker's frame keeps its invariant cells from one wave to the next. */
  private final java.util.concurrent.ConcurrentLinkedQueue<Worker> idle = new java.util.concurrent.ConcurrentLinkedQueue<>();
  final LogHistogram[] sketches;
  final Program.Plan plan;
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
    tileLen = (int) Math.max(1, Math.min(TILE, TILE_BYTES / (8L * Math.max(1, cells))));
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
    invariant = Sampler.invariantSlots(program, plan);
    reportFailed = new long[reports.size()];
    assertFailed = new long[model.asserts().size()];
    assertEvaluated = new long[model.asserts().size()];
  }

  /**
   * The plan's cells that depend on no drawn param (nor on the sample, as a price path does): the
   * same in every sample, so each worker computes them once ({@link Frame#pin}) and keeps them.
   */
  final int[] invariant;

  /**
   * Samples per tile (see {@link #buffer}): a tile of the 60-month model's 601 values is 600 KB,
   * in the second-level cache while a worker fills it, and its transpose writes 1 KB in a row to
   * each column (a transpose alone: 0.95 ns a value against 1.65 at 64 samples, whose runs of
   * 512 bytes cost more per byte). (Tiles column by column, each sample's values stored a run
   * apart and each column copied out, cost an eighth more of the whole run: {@link Tile}.)
   */
  static final int TILE = 128;
  /** A tile's bytes at most: a model with thousands of report values gets shorter tiles, not a large one per thread. */
  static final int TILE_BYTES = 1 << 20;
  /** Samples per tile in this run: {@link #TILE}, fewer when the report values would exceed {@link #TILE_BYTES}. */
  final int tileLen;

  /**
   * Evaluates samples {@code [from, to)} of the wave by columns, and writes their report values
   * into the wave's columns; false when the block must be evaluated sample by sample instead (a
   * division by zero or a value that is not finite in one of its samples: see {@link org.tokenomics.eval.Columns}).
   */
  private boolean columnBlock(Worker w, double[][] into, int waveStart, int from, int to, long[] aFailed, long[] aEvaluated) {
    ColumnBlock c = w.columns;
    int n = to - from;
    if (!c.run(seed, first + waveStart + from, n)) {
      return false;
    }
    for (int r = 0; r < reports.size(); r++) {
      if (width[r] == 1) {
        System.arraycopy(c.column(reports.get(r).slot()), 0, into[offset[r]], from, n);
      }
    }
    List<CompiledModel.AssertSpec> asserts = model.asserts();
    for (int a = 0; a < asserts.size(); a++) {
      double[] v = c.column(asserts.get(a).slot());
      for (int k = 0; k < n; k++) {
        if (v[k] == 0) {
          aFailed[a]++;
        }
      }
      aEvaluated[a] += n;
    }
    return true;
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
    BlockOut[] outs = new BlockOut[blocks];
    Parallel.run(blocks, options.threads(), b -> {
      outs[b] = evaluate(buffer, start, len, b);
      if (ordered != null) {
        ordered.done(b);
      }
    }, () -> options.progress().update(done.get(), samples));
    for (BlockOut o : outs) {
      merge(o);
    }
    options.progress().update(done.get(), samples);
  }

  /** Evaluates block {@code b} of the wave of {@code len} samples from {@code start} into {@code into}. */
  private BlockOut evaluate(double[][] into, int start, int len, int b) {
    int from = b * MonteCarlo.BLOCK;
    int to = Math.min(len, from + MonteCarlo.BLOCK);
    Worker w = idle.poll();
    BlockOut out = block(w != null ? w : new Worker(), into, start, from, to);
    done.addAndGet(to - from);
    return out;
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
    BlockOut[][] outs = new BlockOut[waves][];
    for (int k = 0; k < waves; k++) {
      blocks[k] = (waveSize(k) + MonteCarlo.BLOCK - 1) / MonteCarlo.BLOCK;
      outs[k] = new BlockOut[blocks[k]];
    }
    double[][][] slots = new double[Math.min(waves, WavePipeline.SLOTS)][][];
    slots[0] = buffer;
    for (int i = 1; i < slots.length; i++) {
      slots[i] = new double[cells][waveLen];
    }
    WavePipeline.run(blocks, (cells + FEED_CHUNK - 1) / FEED_CHUNK, options.threads(), new WavePipeline.Stage() {
      @Override
      public void evaluate(int wave, int slot, int block) {
        outs[wave][block] = Engine.this.evaluate(slots[slot], wave * waveLen, waveSize(wave), block);
      }

      @Override
      public void feed(int wave, int slot, int chunk) {
        PairFeed.range(slots[slot], chunk * FEED_CHUNK, Math.min(cells, (chunk + 1) * FEED_CHUNK), 0, waveSize(wave),
            sketches, moments, counts);
      }
    }, () -> options.progress().update(done.get(), samples));
    for (BlockOut[] wave : outs) {
      for (BlockOut o : wave) {
        merge(o); // in sample order: the first samples' errors are the ones kept
      }
    }
    options.progress().update(done.get(), samples);
  }

  /** The samples in wave {@code k} of a sketching run. */
  private int waveSize(int k) {
    return Math.min(waveLen, samples - k * waveLen);
  }

  /** What one block found besides report values (those go into the buffer). */
  private record BlockOut(long[] reportFailed, long[] assertFailed, long[] assertEvaluated,
                          Map<String, McResult.SampleError> errors) {}

  /**
   * A worker's frame and its tile: {@link #tileLen} samples' report values, a row per sample,
   * transposed into the wave's columns when full (writing each sample's hundreds of values straight
   * into as many long columns would touch a page per value). Workers are reused across blocks and waves.
   */
  private final class Worker {
    final Frame frame = sampler.newFrame();
    final Tile tile = new Tile(tileLen, cells);
    boolean pinned; // the invariant cells are computed and kept
    /** The plan by columns when every cell allows it (scalars, arithmetic, drawn params), else null. */
    final ColumnBlock columns = ColumnBlock.of(sampler, plan, MonteCarlo.BLOCK, reportSlots(), offset,
        model.asserts().stream().mapToInt(CompiledModel.AssertSpec::slot).toArray());

    Worker() {
      frame.recycleArrays(); // values are copied out before the next sample
    }
  }

  /** Each report's cell, in the order of {@link #offset}. */
  private int[] reportSlots() {
    return reports.stream().mapToInt(CompiledModel.ReportSpec::slot).toArray();
  }

  private BlockOut block(Worker w, double[][] into, int waveStart, int from, int to) {
    long[] rFailed = new long[reports.size()];
    long[] aFailed = new long[assertFailed.length];
    long[] aEvaluated = new long[assertFailed.length];
    Map<String, McResult.SampleError> errs = new LinkedHashMap<>();
    if (w.columns != null && w.columns.series()) {
      // a run of samples by columns writes its reports straight into the wave's columns; one that
      // gives up (an error or a value that is not finite in one of its samples) goes sample by sample
      for (int off = from; off < to; off += ColumnBlock.SERIES_RUN) {
        int end = Math.min(to, off + ColumnBlock.SERIES_RUN);
        if (w.columns.runSeries(seed, first + waveStart + off, end - off, into, off, aFailed)) {
          for (int a = 0; a < aEvaluated.length; a++) {
            aEvaluated[a] += end - off;
          }
        } else {
          samples(w, into, waveStart, off, end, rFailed, aFailed, aEvaluated, errs);
        }
      }
      idle.add(w);
      return new BlockOut(rFailed, aFailed, aEvaluated, errs);
    }
    if (w.columns != null && columnBlock(w, into, waveStart, from, to, aFailed, aEvaluated)) {
      idle.add(w);
      return new BlockOut(rFailed, aFailed, aEvaluated, errs);
    }
    java.util.Arrays.fill(aFailed, 0); // a block by columns that gave up counted nothing that stays
    java.util.Arrays.fill(aEvaluated, 0);
    samples(w, into, waveStart, from, to, rFailed, aFailed, aEvaluated, errs);
    idle.add(w);
    return new BlockOut(rFailed, aFailed, aEvaluated, errs);
  }

  /** Evaluates samples {@code [from, to)} of the wave one by one, through the worker's tile. */
  private void samples(Worker w, double[][] into, int waveStart, int from, int to, long[] rFailed, long[] aFailed, long[] aEvaluated,
                       Map<String, McResult.SampleError> errs) {
    Frame f = w.frame;
    Tile tile = w.tile;
    double[] rows = tile.values; // a row per sample
    List<String> seen = new ArrayList<>(2);
    int row = 0; // the sample's place in the tile
    for (int k = from; k < to; k++) {
      long sample = first + waveStart + k;
      f.reset();
      sampler.draw(seed, sample, f.draws);
      f.seed = seed;
      f.sample = sample; // price paths draw per period from (seed, sample)
      // computes every report and assertion, unless an error or a goal seek stops it
      if (f.run(plan) && !w.pinned) {
        f.pin(invariant); // after a whole plan ran untouched: every invariant cell has its value
        w.pinned = true;
      }
      seen.clear();
      for (int r = 0; r < reports.size(); r++) {
        int at = tile.at(row, Math.max(0, offset[r]));
        try {
          double[] v = f.values(reports.get(r).slot());
          if (width[r] == 0) {
            continue; // a date or bool report: evaluated for its errors only
          } else if (v.length == width[r]) {
            System.arraycopy(v, 0, rows, at, v.length);
          } else {
            java.util.Arrays.fill(rows, at, at + width[r], v[0]);
          }
        } catch (EvalError e) {
          rFailed[r]++;
          java.util.Arrays.fill(rows, at, at + width[r], Double.NaN);
          SampleErrors.note(errs, seen, e, sample);
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
          SampleErrors.note(errs, seen, e, sample);
        }
      }
      if (++row == tileLen || k == to - 1) {
        tile.flush(into, k + 1 - row, row);
        row = 0;
      }
    }
  }

  private void merge(BlockOut o) {
    for (int r = 0; r < reportFailed.length; r++) {
      reportFailed[r] += o.reportFailed[r];
    }
    for (int a = 0; a < assertFailed.length; a++) {
      assertFailed[a] += o.assertFailed[a];
      assertEvaluated[a] += o.assertEvaluated[a];
    }
    SampleErrors.merge(errors, o.errors);
  }

  /** Takes a partial run's values and counts, the next in sample order (see {@link #merge}). */
  void absorb(Partial p) {
    merge(new BlockOut(p.reportFailed(), p.assertFailed(), p.assertEvaluated(), p.errors()));
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

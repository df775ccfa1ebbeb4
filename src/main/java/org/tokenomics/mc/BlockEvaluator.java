package org.tokenomics.mc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.eval.EvalError;
import org.tokenomics.eval.Frame;
import org.tokenomics.eval.Program;

/**
 * A Monte Carlo run's evaluation of blocks of samples into a wave's columns ({@link Engine}): by
 * columns when the plan allows it ({@link ColumnBlock}), else sample by sample through a worker's
 * tile, a run of samples at a time falling back to the per-sample evaluation for its diagnostics.
 * Workers (a frame, a tile, the plan by columns) are kept from one block to the next, on any thread.
 */
final class BlockEvaluator {
  private final CompiledModel model;
  private final Sampler sampler;
  private final Program.Plan plan;
  private final List<CompiledModel.ReportSpec> reports;
  private final int[] offset;
  private final int[] width;
  private final int cells;
  private final long seed;
  private final long first;
  private final AtomicLong done;
  /** Idle workers: a worker's frame keeps its invariant cells from one block and wave to the next. */
  private final ConcurrentLinkedQueue<Worker> idle = new ConcurrentLinkedQueue<>();

  BlockEvaluator(Engine e) {
    model = e.model;
    sampler = e.sampler;
    plan = e.plan;
    reports = e.reports;
    offset = e.offset;
    width = e.width;
    cells = e.cells;
    seed = e.seed;
    first = e.first;
    done = e.done;
    asserts = model.asserts().size();
    tileLen = (int) Math.max(1, Math.min(TILE, TILE_BYTES / (8L * Math.max(1, cells))));
    invariant = Sampler.invariantSlots(sampler.program(), plan);
  }

  /**
   * Samples per tile (see {@link Engine#buffer}): a tile of the 60-month model's 601 values is 600 KB,
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
  private final int asserts;

  /**
   * The plan's cells that depend on no drawn param (nor on the sample, as a price path does): the
   * same in every sample, so each worker computes them once ({@link Frame#pin}) and keeps them.
   */
  private final int[] invariant;

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

  /** Evaluates block {@code b} of the wave of {@code len} samples from {@code start} into {@code into}. */
  Out evaluate(double[][] into, int start, int len, int b) {
    int from = b * MonteCarlo.BLOCK;
    int to = Math.min(len, from + MonteCarlo.BLOCK);
    Worker w = idle.poll();
    Out out = block(w != null ? w : new Worker(), into, start, from, to);
    done.addAndGet(to - from);
    return out;
  }

  /** What one block found besides report values (those go into the wave's columns). */
  record Out(long[] reportFailed, long[] assertFailed, long[] assertEvaluated,
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

  private Out block(Worker w, double[][] into, int waveStart, int from, int to) {
    long[] rFailed = new long[reports.size()];
    long[] aFailed = new long[asserts];
    long[] aEvaluated = new long[asserts];
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
      return new Out(rFailed, aFailed, aEvaluated, errs);
    }
    if (w.columns != null && columnBlock(w, into, waveStart, from, to, aFailed, aEvaluated)) {
      idle.add(w);
      return new Out(rFailed, aFailed, aEvaluated, errs);
    }
    java.util.Arrays.fill(aFailed, 0); // a block by columns that gave up counted nothing that stays
    java.util.Arrays.fill(aEvaluated, 0);
    samples(w, into, waveStart, from, to, rFailed, aFailed, aEvaluated, errs);
    idle.add(w);
    return new Out(rFailed, aFailed, aEvaluated, errs);
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
}

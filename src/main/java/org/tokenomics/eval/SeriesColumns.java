package org.tokenomics.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A plan with series cells evaluated for a block of samples at once (issue 23): for each period a
 * column of samples, each operation one loop over the samples ({@link BlockOps}), so the per-sample
 * walk of the plan and the cells' calls are paid once per block and the JIT can unroll and
 * vectorise the loops. {@link Columns} is the same for plans of scalars only.
 *
 * <p>The plan is cut into stages in its order: a <em>group</em> of pointwise series cells (node
 * cells, running sums and aliases) computed period by period, every member's column of a period
 * after the cells it reads, as {@link Fusion} groups them; a scalar cell computed once; or a cell
 * with no block form (npv, {@code x[D]} …) computed sample by sample from its inputs' columns by
 * its own computer. A cell that is not read outside its group keeps only the current period's
 * column; one read later keeps every period's. Cells that depend on no varying cell (the caller's
 * {@code filled} slots: drawn params) are computed once, on a frame of their own, and each
 * subtree that reads only such cells becomes one value per period.
 *
 * <p>Every sample's values are those of the per-sample evaluation, bit for bit, and what this does
 * not reproduce it reports instead: {@link #run} returns false when a sample meets an error (a
 * division by zero, even in a branch an {@code if} does not take) or a value that is not finite in
 * a cell that must be finite; the caller then evaluates the block sample by sample, errors and
 * all. {@link #of} returns null for a plan with a cell it cannot take (a recurrence, a goal seek,
 * a computer other than a node's that varies by sample, an invariant cell that fails). One
 * instance per thread: it owns its columns.
 */
public final class SeriesColumns {
  private final double[][][] cols; // by slot, the varying cells': [period, or 0 for a scalar][sample]
  private final BlockStage[] stages;
  private final Frame invariant;
  private final int periods;
  private final int size;
  private final int[] reportSlots;
  private final int[] reportCols;
  private final int[] assertSlots;
  private final boolean[] varying;

  private SeriesColumns(double[][][] cols, BlockStage[] stages, Frame invariant, int periods, int size,
                        int[] reportSlots, int[] reportCols, int[] assertSlots, boolean[] varying) {
    this.cols = cols;
    this.stages = stages;
    this.invariant = invariant;
    this.periods = periods;
    this.size = size;
    this.reportSlots = reportSlots;
    this.reportCols = reportCols;
    this.assertSlots = assertSlots;
    this.varying = varying;
  }

  /**
   * The block form of {@code plan}, or null when a cell cannot be evaluated this way.
   *
   * @param program     the program
   * @param plan        the cells to compute, in order (a complete plan of {@code program})
   * @param filled      the scalar slots the caller fills before each {@link #run} (drawn params)
   * @param size        the most samples in a block
   * @param reportSlots the cells whose values {@link #run} writes out
   * @param reportCols  for each of them, the first column of its values in {@link #run}'s {@code
   *                    out} (a series has one per period), or -1 for none
   * @param assertSlots the cells whose failures {@link #failures} counts
   * @return the block form, or null
   */
  public static SeriesColumns of(Program program, Program.Plan plan, Set<Integer> filled, int size,
                                 int[] reportSlots, int[] reportCols, int[] assertSlots) {
    if (!plan.complete()) {
      return null;
    }
    int periods = program.timeline().size();
    int[] order = plan.order();
    boolean[] varying = new boolean[program.size()];
    Frame invariant = program.newFrame();
    double[][][] cols = new double[program.size()][][];
    for (int s : order) {
      Cell cell = program.cell(s);
      if (cell.computer().changesFrame()) {
        return null; // a goal seek sets other cells: only the per-sample walk keeps that right
      }
      boolean v = filled.contains(s);
      for (int d : cell.deps()) {
        v |= varying[d];
      }
      varying[s] = v;
      if (!v) {
        continue;
      }
      if (filled.contains(s) && cell.series()) {
        return null;
      }
      Computer c = cell.computer();
      // an alias shares its cell's columns (frames share the array too)
      cols[s] = c instanceof Alias a && cols[a.slot()] != null ? cols[a.slot()] : new double[cell.series() ? periods : 1][];
    }
    try {
      for (int s : order) {
        if (!varying[s]) {
          invariant.values(s); // the same in every sample: computed once, its errors leave the run per sample
        }
      }
      BlockOps ops = new BlockOps(cols, varying, invariant, periods, size);
      List<BlockStage> stages = BlockPlan.stages(program, order, varying, filled, cols, ops, invariant, size,
          reportSlots, reportCols, assertSlots);
      if (stages == null) {
        return null;
      }
      return new SeriesColumns(cols, stages.toArray(BlockStage[]::new), invariant, periods, size,
          reportSlots.clone(), reportCols.clone(), assertSlots.clone(), varying);
    } catch (EvalError e) {
      return null;
    }
  }

  /**
   * The column of a filled slot, which the caller writes before {@link #run}.
   *
   * @param slot a filled slot
   * @return its column (at least the block size long)
   */
  public double[] column(int slot) {
    return cols[slot][0];
  }

  /**
   * The most samples of a block.
   *
   * @return the block size
   */
  public int size() {
    return size;
  }

  /**
   * Computes every cell of the plan for samples {@code [0, n)} and writes each report's values of
   * sample k into {@code out[its column + period][at + k]}.
   *
   * @param n   the samples of this block (at most {@link #size})
   * @param out the columns of report values
   * @param at  where this block's first sample goes in them
   * @return false when a sample met an error or a value that must be finite is not: the block must
   *         then be evaluated sample by sample
   */
  public boolean run(int n, double[][] out, int at) {
    for (BlockStage stage : stages) {
      if (!stage.run(n, out, at)) { // each stage writes its reports' values as it makes them
        return false;
      }
    }
    for (int r = 0; r < reportSlots.length; r++) {
      int col = reportCols[r];
      int slot = reportSlots[r];
      if (col >= 0 && !varying[slot]) { // the same in every sample
        double[] v = invariant.values(slot);
        int width = invariant.program.cell(slot).series() ? periods : 1;
        for (int p = 0; p < width; p++) {
          Arrays.fill(out[col + p], at, at + n, v[v.length == width ? p : 0]); // as Engine writes a sample's row
        }
      }
    }
    return true;
  }

  /**
   * How many samples of the last {@link #run} failed an assertion: a value 0 in some period.
   *
   * @param index the assertion's place in {@code assertSlots}
   * @param n     the samples of the run
   * @return the samples that failed it
   */
  public int failures(int index, int n) {
    int slot = assertSlots[index];
    if (!varying[slot]) {
      for (double x : invariant.values(slot)) {
        if (x == 0) {
          return n;
        }
      }
      return 0;
    }
    double[][] c = cols[slot];
    int failed = 0;
    for (int k = 0; k < n; k++) {
      for (double[] col : c) {
        if (col[k] == 0) {
          failed++;
          break;
        }
      }
    }
    return failed;
  }

  /**
   * The stages in the order they run, for tests and diagnosis ({@code group[3, 5]}, {@code cell[7]}).
   *
   * @return one description per stage
   */
  public List<String> stages() {
    List<String> out = new ArrayList<>();
    for (BlockStage s : stages) {
      out.add(s.toString());
    }
    return out;
  }
}

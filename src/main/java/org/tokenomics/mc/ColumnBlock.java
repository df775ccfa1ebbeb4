package org.tokenomics.mc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.tokenomics.eval.Columns;
import org.tokenomics.eval.Program;
import org.tokenomics.eval.SeriesColumns;

/**
 * A worker's evaluation of a block of samples by columns: the drawn params' columns (the same
 * draws as {@link Sampler#draw}, through their prepared quantile functions), then every cell of
 * the plan, by {@link Columns} for a plan of scalars, else by {@link SeriesColumns} (a column of
 * samples per period) in runs of {@link #SERIES_RUN} samples, which write the report values
 * straight into the wave's columns. Only for plans whose drawn params all have constant arguments.
 */
final class ColumnBlock {
  /**
   * Samples a series plan evaluates at once: a column is 2 KB, so the columns of a period's cells
   * stay in the first-level cache (the 60-month model's 601 report values of 1,024 samples would
   * not fit the second).
   */
  static final int SERIES_RUN = 256;

  private final Sampler sampler;
  private final Columns columns;       // a plan of scalars; else null
  private final SeriesColumns series;  // a plan with series; else null
  private final int[] slots;          // the drawn params' slots
  private final SampledDist[] drawn;  // their computers
  private final double[] u;           // one sample's draws (correlated params)
  private final double[][] uCols;     // the block's draws, per drawn param

  private ColumnBlock(Sampler sampler, Columns columns, SeriesColumns series, int[] slots) {
    this.sampler = sampler;
    this.columns = columns;
    this.series = series;
    this.slots = slots;
    this.drawn = new SampledDist[slots.length];
    for (int j = 0; j < slots.length; j++) {
      drawn[j] = (SampledDist) sampler.program().cell(slots[j]).computer();
    }
    this.u = new double[sampler.params().size()];
    this.uCols = new double[slots.length][columns != null ? columns.size() : series.size()];
  }

  /**
   * The column form of {@code plan} for blocks of up to {@code size} samples, or null when it has none.
   *
   * @param reportSlots the cells whose values a series plan writes out ({@link SeriesColumns#of})
   * @param reportCols  the first column of each in the wave's columns, -1 for none
   * @param assertSlots the assertions' cells
   */
  static ColumnBlock of(Sampler sampler, Program.Plan plan, int size, int[] reportSlots, int[] reportCols, int[] assertSlots) {
    Program program = sampler.program();
    List<Integer> slots = new ArrayList<>();
    for (int s : plan.order()) {
      org.tokenomics.eval.Computer c = program.cell(s).computer();
      if (c instanceof SampledPath || c instanceof SampledDist d && d.fixed() == null) {
        return null; // a path, or a distribution whose arguments are computed: per sample
      }
      if (c instanceof SampledDist) {
        slots.add(s);
      }
    }
    Set<Integer> filled = Set.copyOf(slots);
    int[] drawn = slots.stream().mapToInt(Integer::intValue).toArray();
    Columns columns = Columns.of(program, plan, filled, size);
    if (columns != null) {
      return new ColumnBlock(sampler, columns, null, drawn);
    }
    SeriesColumns series = seriesPlans ? SeriesColumns.of(program, plan, filled, Math.min(size, SERIES_RUN), reportSlots, reportCols, assertSlots) : null;
    return series == null ? null : new ColumnBlock(sampler, null, series, drawn);
  }

  /** {@code -Dtok.mc.seriesColumns=false} leaves series plans per sample (for comparisons). */
  static volatile boolean seriesPlans = Boolean.parseBoolean(System.getProperty("tok.mc.seriesColumns", "true"));

  /** Whether this is a series plan's form, which writes its reports itself ({@link #runSeries}). */
  boolean series() {
    return series != null;
  }

  /**
   * Evaluates samples {@code [first, first + n)} of a series plan in runs of {@link #SERIES_RUN},
   * writing each report's values into {@code out} from index {@code at}, and counts the
   * assertions' failures into {@code aFailed}; false when they must be evaluated sample by sample
   * instead (an error or a value that is not finite in one of them), in which case the runs before
   * the one that gave up have written and counted theirs (Engine calls it one run at a time).
   */
  boolean runSeries(long seed, long first, int n, double[][] out, int at, long[] aFailed) {
    int run = series.size();
    for (int off = 0; off < n; off += run) {
      int m = Math.min(run, n - off);
      draw(seed, first + off, m);
      if (!series.run(m, out, at + off)) {
        return false;
      }
      for (int a = 0; a < aFailed.length; a++) {
        aFailed[a] += series.failures(a, m);
      }
    }
    return true;
  }

  /**
   * Evaluates samples {@code [first, first + n)}; false when they must be evaluated sample by
   * sample instead (a division by zero or a value that is not finite in one of them).
   */
  boolean run(long seed, long first, int n) {
    draw(seed, first, n);
    return columns.run(n);
  }

  /** The drawn params' columns of samples {@code [first, first + n)}. */
  private void draw(long seed, long first, int n) {
    if (sampler.correlated()) {
      for (int k = 0; k < n; k++) {
        sampler.draw(seed, first + k, u); // the same draws as a frame's, copula and all
        for (int j = 0; j < slots.length; j++) {
          uCols[j][k] = u[drawn[j].index()];
        }
      }
    } else {
      for (int j = 0; j < slots.length; j++) { // independent draws: Sampler.draw's, a column at a time
        long key = Draws.key(seed, sampler.params().get(drawn[j].index()).stream());
        double[] uj = uCols[j];
        for (int k = 0; k < n; k++) {
          uj[k] = Draws.uniformAt(key, first + k);
        }
      }
    }
    for (int j = 0; j < slots.length; j++) {
      double[] out = columns != null ? columns.column(slots[j]) : series.column(slots[j]);
      double[] uj = uCols[j];
      drawn[j].fixed().fill(uj, out, n); // each family's own loop (see dist.ColumnQuantiles)
    }
  }

  /** A cell's values after {@link #run}, one per sample of the block. */
  double[] column(int slot) {
    return columns.column(slot);
  }
}

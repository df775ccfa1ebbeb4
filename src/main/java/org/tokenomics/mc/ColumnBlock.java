package org.tokenomics.mc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.tokenomics.eval.Columns;
import org.tokenomics.eval.Program;

/**
 * A worker's evaluation of a block of samples by columns ({@link Columns}): the drawn params'
 * columns (the same draws as {@link Sampler#draw}, through their prepared quantile functions),
 * then every cell of the plan. Only for plans whose drawn params all have constant arguments.
 */
final class ColumnBlock {
  private final Sampler sampler;
  private final Columns columns;
  private final int[] slots;          // the drawn params' slots
  private final SampledDist[] drawn;  // their computers
  private final double[] u;           // one sample's draws (correlated params)
  private final double[][] uCols;     // the block's draws, per drawn param

  private ColumnBlock(Sampler sampler, Columns columns, int[] slots) {
    this.sampler = sampler;
    this.columns = columns;
    this.slots = slots;
    this.drawn = new SampledDist[slots.length];
    for (int j = 0; j < slots.length; j++) {
      drawn[j] = (SampledDist) sampler.program().cell(slots[j]).computer();
    }
    this.u = new double[sampler.params().size()];
    this.uCols = new double[slots.length][columns.size()];
  }

  /** The column form of {@code plan} for blocks of up to {@code size} samples, or null when it has none. */
  static ColumnBlock of(Sampler sampler, Program.Plan plan, int size) {
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
    Columns columns = Columns.of(program, plan, filled, size);
    return columns == null ? null
        : new ColumnBlock(sampler, columns, slots.stream().mapToInt(Integer::intValue).toArray());
  }

  /**
   * Evaluates samples {@code [first, first + n)}; false when they must be evaluated sample by
   * sample instead (a division by zero or a value that is not finite in one of them).
   */
  boolean run(long seed, long first, int n) {
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
      double[] out = columns.column(slots[j]);
      double[] uj = uCols[j];
      drawn[j].fixed().fill(uj, out, n); // each family's own loop (see dist.ColumnQuantiles)
    }
    return columns.run(n);
  }

  /** A cell's values after {@link #run}, one per sample of the block. */
  double[] column(int slot) {
    return columns.column(slot);
  }
}

package org.tokenomics.eval;

/**
 * A {@link BlockStage} for a cell with no block form (npv, irr, {@code x[D]}, a lookup …): for each
 * sample its varying inputs' values are gathered from their columns into arrays of a frame (the
 * frame of invariant cells, which holds the others), the cell's own computer computes it, and its
 * values go to its columns. The same computer on the same values: the same doubles and errors.
 */
final class BlockCell extends BlockStage {
  private final int slot;
  private final Computer computer;
  private final boolean checkFinite;
  private final Frame frame;
  private final int[] inputs;        // the varying slots it reads
  private final double[][][] inCols; // their columns
  private final double[][] gathered; // one sample's values of each
  private final double[][] cols;
  private final double[] values;     // one sample's values of this cell
  private final int[] sinks;

  BlockCell(int slot, Computer computer, boolean checkFinite, Frame frame, int[] inputs, double[][][] allCols,
            int[] sinks) {
    this.slot = slot;
    this.computer = computer;
    this.checkFinite = checkFinite;
    this.frame = frame;
    this.inputs = inputs;
    this.inCols = new double[inputs.length][][];
    this.gathered = new double[inputs.length][];
    for (int i = 0; i < inputs.length; i++) {
      inCols[i] = allCols[inputs[i]];
      gathered[i] = new double[inCols[i].length];
    }
    this.cols = allCols[slot];
    this.values = new double[cols.length];
    this.sinks = sinks;
  }

  @Override
  boolean run(int n, double[][] out, int at) {
    for (int i = 0; i < inputs.length; i++) {
      frame.slots[inputs[i]] = gathered[i]; // another such cell may have put its own arrays there
    }
    for (int k = 0; k < n; k++) {
      for (int i = 0; i < inputs.length; i++) {
        double[][] c = inCols[i];
        double[] g = gathered[i];
        for (int p = 0; p < g.length; p++) {
          g[p] = c[p][k];
        }
      }
      try {
        computer.compute(frame, values);
      } catch (EvalError e) {
        return false; // the per-sample evaluation reports it
      }
      for (int p = 0; p < values.length; p++) {
        double v = values[p];
        if (checkFinite && !Double.isFinite(v)) {
          return false;
        }
        cols[p][k] = v;
      }
    }
    for (int p = 0; p < cols.length; p++) {
      write(cols[p], p, sinks, out, at, n);
    }
    return true;
  }

  @Override
  public String toString() {
    return "cell[" + slot + "]";
  }
}

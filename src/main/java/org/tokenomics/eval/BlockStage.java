package org.tokenomics.eval;

/** One step of a {@link SeriesColumns} run: a group of cells period by period, or one cell sample by sample. */
abstract class BlockStage {
  /**
   * Computes the stage's cells for samples {@code [0, n)} and writes the reports among them.
   *
   * @param n   the samples
   * @param out the columns of report values ({@link SeriesColumns#run})
   * @param at  where the block's first sample goes in them
   * @return false when a sample met an error or a value that must be finite is not
   */
  abstract boolean run(int n, double[][] out, int at);

  private static final long EXPONENT = 0x7ff0_0000_0000_0000L;

  /**
   * True when the first n values of {@code v} are all finite: none has an exponent of all ones.
   * Counted without a branch per value (the JIT makes this loop vector code; a test of each value,
   * as {@link Double#isFinite} is, took longer than the arithmetic that made the column).
   */
  static boolean finite(double[] v, int n) {
    int bad = 0;
    for (int k = 0; k < n; k++) {
      bad += (Double.doubleToRawLongBits(v[k]) & EXPONENT) == EXPONENT ? 1 : 0;
    }
    return bad == 0;
  }

  /** Copies period p of a cell's column into each of its report columns. */
  static void write(double[] v, int p, int[] sinks, double[][] out, int at, int n) {
    for (int sink : sinks) {
      System.arraycopy(v, 0, out[sink + p], at, n);
    }
  }
}

package org.tokenomics.eval;

/**
 * A scalar node that is a weighted sum over a whole series, {@code v = start; v += x[p] / divisor[p]}
 * period by period (npv), which {@link SeriesColumns} can then compute a block of samples at a
 * time from the series' columns, each sample with the same operations in the same order.
 */
public interface ColumnSum {
  /**
   * The series summed.
   *
   * @return its node (a reference to a cell for the column form to apply)
   */
  Node summed();

  /**
   * The start value and each period's divisor, from the node's other inputs evaluated on a frame
   * of cells that do not vary by sample.
   *
   * @param f the frame
   * @return {@code [start, divisor of period 0, …]}, or null when this node is no such sum (irr,
   *         payback) or its inputs give no value (the per-sample evaluation then reports it)
   */
  double[] weights(Frame f);
}

package org.tokenomics.eval;

/** Fills a cell's values: one per period for a series cell, one for a scalar cell. */
@FunctionalInterface
public interface Computer {
  void compute(Frame f, double[] out);

  /**
   * Computes like {@link #compute} and tells whether every value is finite. The frame calls this
   * for cells whose values must be finite; generated code checks as it goes.
   */
  default boolean computeFinite(Frame f, double[] out) {
    compute(f, out);
    return allFinite(out);
  }

  static boolean allFinite(double[] values) {
    for (double v : values) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  /** The usual computer: evaluate a node in each period. */
  static Computer of(Node node) {
    return new NodeComputer(NodeComputer.Kind.EACH, node);
  }

  /** A running sum of a node over the periods ({@code cumsum}). */
  static Computer runningSum(Node node) {
    return new NodeComputer(NodeComputer.Kind.RUNNING_SUM, node);
  }
}

package org.tokenomics.eval;

/** Fills a cell's values: one per period for a series cell, one for a scalar cell. */
@FunctionalInterface
public interface Computer {
  void compute(Frame f, double[] out);

  /**
   * Whether computing this changes other cells of the frame (a goal seek forgets and sets cells),
   * so that what is computed after it depends on being after it: such a cell keeps its place in a
   * plan that is otherwise rescheduled ({@link Fusion}).
   *
   * @return true for a computer that changes other cells
   */
  default boolean changesFrame() {
    return false;
  }

  /** True when no value is NaN or infinite. */
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

package org.tokenomics.eval;

/** Fills a cell's values: one per period for a series cell, one for a scalar cell. */
@FunctionalInterface
public interface Computer {
  void compute(Frame f, double[] out);

  /** The usual computer: evaluate a node in each period. */
  static Computer of(Node node) {
    return new Elementwise(node);
  }

  /** Evaluates {@code node} period by period. */
  record Elementwise(Node node) implements Computer {
    @Override
    public void compute(Frame f, double[] out) {
      for (int p = 0; p < out.length; p++) {
        out[p] = node.eval(f, p);
      }
    }
  }
}

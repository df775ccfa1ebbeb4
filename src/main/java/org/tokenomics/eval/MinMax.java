package org.tokenomics.eval;

/** Element-wise {@code min(a, b, …)} / {@code max(a, b, …)}: pointwise, so compiled inline. */
public final class MinMax extends Node {
  @Override
  public Node[] children() {
    return xs.clone();
  }

  private final boolean max;
  private final Node[] xs;

  public MinMax(boolean max, Node[] xs) {
    super(anySeries(xs));
    this.max = max;
    this.xs = xs.clone();
  }

  private static boolean anySeries(Node[] xs) {
    for (Node x : xs) {
      if (x.series()) {
        return true;
      }
    }
    return false;
  }

  public boolean isMax() {
    return max;
  }

  public Node[] xs() {
    return xs.clone();
  }

  @Override
  public double eval(Frame f, int p) {
    double acc = xs[0].eval(f, p);
    for (int i = 1; i < xs.length; i++) {
      double v = xs[i].eval(f, p);
      acc = max ? Math.max(acc, v) : Math.min(acc, v);
    }
    return acc;
  }
}

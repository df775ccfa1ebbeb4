package org.tokenomics.dist;

import org.tokenomics.eval.Frame;
import org.tokenomics.eval.Node;

/**
 * The value of a distribution param in a deterministic run: the median of its family with the
 * arguments evaluated in the frame (invalid arguments are TOK500 at the distribution).
 */
public final class Median extends Node {
  private final Node[] args;
  private final Prepared prepared;

  public Median(String family, Node[] args, org.tokenomics.syntax.Span span) {
    super(false);
    this.args = args.clone();
    this.prepared = new Prepared(family, span);
  }

  @Override
  public Node[] children() {
    return args.clone();
  }

  @Override
  public double eval(Frame f, int p) {
    double[] a = new double[args.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = args[i].eval(f, 0);
    }
    return prepared.of(a).at(0.5);
  }
}

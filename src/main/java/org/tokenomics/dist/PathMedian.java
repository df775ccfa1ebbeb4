package org.tokenomics.dist;

import org.tokenomics.diag.Code;
import org.tokenomics.eval.EvalError;
import org.tokenomics.eval.Frame;
import org.tokenomics.eval.Node;
import org.tokenomics.syntax.Span;

/**
 * A path param ({@code gbm}, {@code ou}) in a deterministic run: its median path (LANGUAGE.md §18),
 * S0·exp((μ − σ²/2)·t) or M + (X0 − M)·e^(−K·t), with the arguments evaluated in the frame.
 */
public final class PathMedian extends Node {
  private final String family;
  private final Node[] args;
  private final Span span;

  public PathMedian(String family, Node[] args, Span span) {
    super(true);
    this.family = family;
    this.args = args.clone();
    this.span = span;
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
    String problem = Paths.invalid(family, a);
    if (problem != null) {
      throw new EvalError(Code.TOK500, span, problem);
    }
    return Paths.quantileAt(family, a, 0, Paths.years(f.timeline, p));
  }
}

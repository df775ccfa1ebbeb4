package org.tokenomics.eval;

import org.tokenomics.diag.Code;
import org.tokenomics.spi.TokFunction;
import org.tokenomics.syntax.Span;

/**
 * A call of a Java-implemented {@link TokFunction}: arguments are converted from base units to the
 * declared units, the function is applied, and its result converted back. The function is pure,
 * so a call with constant arguments is folded at compile time.
 */
public final class PluginCall extends Node {
    @Override
    public Node[] children() {
      return args.clone();
    }

  private final TokFunction fn;
  private final Node[] args;
  private final double[] argFactors;
  private final double resultFactor;
  private final Span span;

  /**
   * @param argFactors   the base-unit size of each parameter's declared unit
   * @param resultFactor the base-unit size of the declared result unit
   */
  public PluginCall(TokFunction fn, Node[] args, double[] argFactors, double resultFactor, Span span, boolean series) {
    super(series);
    this.fn = fn;
    this.args = args.clone();
    this.argFactors = argFactors.clone();
    this.resultFactor = resultFactor;
    this.span = span;
  }

  @Override
  public double eval(Frame f, int p) {
    double[] a = new double[args.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = args[i].eval(f, p) / argFactors[i];
    }
    double r;
    try {
      r = fn.apply(a);
    } catch (RuntimeException | LinkageError | AssertionError e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new EvalError(Code.TOK500, span, fn.name() + " failed" + where(f, p) + ": " + why,
          "the function is implemented in Java by " + fn.getClass().getName());
    }
    if (!Double.isFinite(r)) {
      throw new EvalError(Code.TOK500, span, fn.name() + " returned " + (Double.isNaN(r) ? "NaN" : "an infinite value")
          + where(f, p) + " for " + java.util.Arrays.toString(a), null);
    }
    return r * resultFactor;
  }

  private String where(Frame f, int p) {
    return f != null && series() && f.timeline.size() > 1 ? " in period " + f.timeline.label(p) : "";
  }
}

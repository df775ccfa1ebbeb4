package org.tokenomics.eval;

import java.util.function.DoubleFunction;
import org.tokenomics.diag.Code;
import org.tokenomics.syntax.Span;

/**
 * A param's value checked against its domain when it is evaluated (LANGUAGE.md §16): values the
 * checker could not know (computed from other params) are TOK302 at the value when outside.
 */
public final class InDomain extends Node implements Strict {
  private final Node value;
  private final double low;
  private final double high;
  private final Span span;
  private final DoubleFunction<String> message;

  public InDomain(Node value, double low, double high, Span span, DoubleFunction<String> message) {
    super(value.series());
    this.value = value;
    this.low = low;
    this.high = high;
    this.span = span;
    this.message = message;
  }

  @Override
  public Node[] inputs() {
    return new Node[] {value};
  }

  @Override
  public double eval(Frame f, int p) {
    return apply(f, p, value.eval(f, p));
  }

  public double apply(Frame f, int p, double x) {
    if (x >= low && x <= high || Double.isNaN(x)) { // NaN is the frame's finiteness check's to report
      return x;
    }
    throw new EvalError(Code.TOK302, span, message.apply(x), "use a value inside the domain, or widen it");
  }
}

package org.tokenomics.eval;

import org.tokenomics.time.TimeVar;

/** The built-in series {@code t}, {@code dt}, {@code date}, {@code year}, {@code period} (§6). */
public final class BuiltinSeries extends Node implements Strict {
  private final TimeVar which;

  public BuiltinSeries(TimeVar which, boolean series) {
    super(series);
    this.which = which;
  }

  /** @return which built-in series (the code generator reads the timeline for it directly) */
  public TimeVar which() {
    return which;
  }

  @Override
  public Node[] inputs() {
    return new Node[0];
  }

  @Override
  public double eval(Frame f, int p) {
    return apply(f, p);
  }

  public double apply(Frame f, int p) {
    return which.in(f.timeline, p);
  }
}

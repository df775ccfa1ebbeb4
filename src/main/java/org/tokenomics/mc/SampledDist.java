package org.tokenomics.mc;

import java.util.Arrays;
import org.tokenomics.dist.Prepared;
import org.tokenomics.eval.Computer;
import org.tokenomics.eval.Frame;
import org.tokenomics.eval.Node;
import org.tokenomics.syntax.Span;

/**
 * The computer of a distribution param under sampling: its arguments evaluated in the frame (the
 * cell's dependencies are computed first), then the quantile of the frame's uniform draw. The
 * quantile function is prepared once for a set of arguments ({@link Prepared}), not per draw.
 */
final class SampledDist implements Computer {
  private final Node[] args;
  private final int index;
  private final Prepared prepared;

  SampledDist(String family, Node[] args, Span span, int index) {
    this.args = args.clone();
    this.index = index;
    this.prepared = new Prepared(family, span);
  }

  @Override
  public void compute(Frame f, double[] out) {
    double[] a = new double[args.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = args[i].eval(f, 0);
    }
    Arrays.fill(out, prepared.of(a).at(f.draws[index]));
  }
}

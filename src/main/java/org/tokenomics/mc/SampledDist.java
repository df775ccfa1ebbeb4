package org.tokenomics.mc;

import org.tokenomics.dist.Dist;

import java.util.Arrays;
import org.tokenomics.diag.Code;
import org.tokenomics.eval.Computer;
import org.tokenomics.eval.EvalError;
import org.tokenomics.eval.Frame;
import org.tokenomics.eval.Node;
import org.tokenomics.syntax.Span;

/**
 * The computer of a distribution param under sampling: its arguments evaluated in the frame (the
 * cell's dependencies are computed first), then the quantile of the frame's uniform draw.
 */
record SampledDist(String family, Node[] args, Span span, int index) implements Computer {
  @Override
  public void compute(Frame f, double[] out) {
    double[] a = new double[args.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = args[i].eval(f, 0);
    }
    String problem = Dist.invalid(family, a);
    if (problem != null) {
      throw new EvalError(Code.TOK500, span, problem);
    }
    Arrays.fill(out, Dist.quantile(family, a, f.draws[index]));
  }
}

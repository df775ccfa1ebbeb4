package org.tokenomics.mc;

import java.util.Arrays;
import org.tokenomics.dist.Prepared;
import org.tokenomics.dist.Quantile;
import org.tokenomics.eval.Computer;
import org.tokenomics.eval.EvalError;
import org.tokenomics.eval.Frame;
import org.tokenomics.eval.Node;
import org.tokenomics.syntax.Span;

/**
 * The computer of a distribution param under sampling: its arguments evaluated in the frame (the
 * cell's dependencies are computed first), then the quantile of the frame's uniform draw. The
 * quantile function is prepared once for a set of arguments ({@link Prepared}), not per draw;
 * when every argument is a constant (the usual {@code lognormal($30B, $60B)}) it is prepared here,
 * once, and a draw is just the quantile: no argument array, no comparison with the last ones.
 */
final class SampledDist implements Computer {
  private final Node[] args;
  private final int index;
  private final Prepared prepared;
  private final Quantile fixed; // the quantile when every argument is constant and valid, else null

  SampledDist(String family, Node[] args, Span span, int index) {
    this.args = args.clone();
    this.index = index;
    this.prepared = new Prepared(family, span);
    this.fixed = constantQuantile();
  }

  private Quantile constantQuantile() {
    double[] a = new double[args.length];
    for (int i = 0; i < a.length; i++) {
      if (!args[i].isConstant()) {
        return null;
      }
      a[i] = args[i].constant();
    }
    try {
      return prepared.of(a);
    } catch (EvalError invalid) {
      return null; // reported per sample, at the distribution, as before
    }
  }

  /** The quantile function when every argument is a constant (prepared once), else null. */
  Quantile fixed() {
    return fixed;
  }

  /** The param's index among the drawn params (its entry in a frame's draws). */
  int index() {
    return index;
  }

  @Override
  public void compute(Frame f, double[] out) {
    if (fixed != null) {
      double x = fixed.at(f.draws[index]);
      if (out.length == 1) {
        out[0] = x;
      } else {
        Arrays.fill(out, x);
      }
      return;
    }
    double[] a = new double[args.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = args[i].eval(f, 0);
    }
    Arrays.fill(out, prepared.of(a).at(f.draws[index]));
  }
}

package org.tokenomics.mc;

import org.tokenomics.diag.Code;
import org.tokenomics.dist.Paths;
import org.tokenomics.dist.Quantile;
import org.tokenomics.eval.Computer;
import org.tokenomics.eval.EvalError;
import org.tokenomics.eval.Frame;
import org.tokenomics.eval.Node;
import org.tokenomics.syntax.Span;

/**
 * The computer of a price path param ({@code gbm}, {@code ou}) under sampling (LANGUAGE.md §18).
 * In a Monte Carlo sample each period's normal increment is a counter-based draw of (seed, sample,
 * the param's stream for that period), so a path does not depend on the thread count and a param
 * keeps its path when others change. Outside a sample (a deterministic run, a tornado end) the
 * param follows the quantile path of its draw: the median path at 0.5.
 */
final class SampledPath implements Computer {
  private final String family;
  private final Node[] args;
  private final Span span;
  private final int index;
  private final long stream;

  SampledPath(String family, Node[] args, Span span, int index, long stream) {
    this.family = family;
    this.args = args.clone();
    this.span = span;
    this.index = index;
    this.stream = stream;
  }

  @Override
  public void compute(Frame f, double[] out) {
    double[] a = new double[args.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = args[i].eval(f, 0);
    }
    String problem = Paths.invalid(family, a);
    if (problem != null) {
      throw new EvalError(Code.TOK500, span, problem);
    }
    if (f.sample < 0) {
      Paths.quantilePath(family, a, f.draws[index], f.timeline, out);
      return;
    }
    long seed = f.seed;
    long sample = f.sample;
    Paths.drawnPath(family, a, f.timeline,
        p -> Quantile.standardNormal(Draws.uniform(seed, sample, Draws.periodStream(stream, p))), out);
  }
}

package org.tokenomics.check;

import java.util.List;
import org.tokenomics.eval.Node;
import org.tokenomics.syntax.Span;

/** A distribution standing as a param's value: its family and argument nodes (scalars, base units). */
public record DistSpec(String family, List<Node> args, Span span) {
  public DistSpec {
    args = List.copyOf(args);
  }

  /**
   * The value of a typed expression known before evaluation: a constant, or a distribution's median
   * with constant arguments (for domain checks, {@link Domains}); else null.
   */
  static Double known(TExpr e) {
    if (e instanceof TExpr.Op o && o.op().equals("median")) {
      double[] a = new double[o.args().size()];
      for (int i = 0; i < a.length; i++) {
        Double x = TExpr.constant(o.args().get(i));
        if (x == null) {
          return null;
        }
        a[i] = x;
      }
      String family = (String) o.data();
      return org.tokenomics.dist.Dist.invalid(family, a) == null ? org.tokenomics.dist.Dist.median(family, a) : null;
    }
    return TExpr.constant(e);
  }
}

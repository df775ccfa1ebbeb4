package org.tokenomics.dist;

import java.util.Arrays;
import org.tokenomics.diag.Code;
import org.tokenomics.eval.EvalError;
import org.tokenomics.syntax.Span;

/**
 * A distribution's quantile function for the arguments it last saw. A param's arguments are
 * nearly always the same from sample to sample (literals, or params that are not drawn), so the
 * quantile's constants are computed once and reused; when they differ (an argument that is itself
 * drawn) a new one is prepared for that sample. Shared by every thread: the cache is one immutable
 * pair behind a volatile field, so a race only prepares the same function twice.
 */
public final class Prepared {
  private final String family;
  private final Span span;
  private volatile Entry last;

  private record Entry(double[] args, Quantile quantile) {}

  public Prepared(String family, Span span) {
    this.family = family;
    this.span = span;
  }

  /** The quantile function for arguments {@code a}; invalid arguments are TOK500 at the distribution. */
  public Quantile of(double[] a) {
    Entry e = last;
    if (e != null && Arrays.equals(e.args, a)) {
      return e.quantile;
    }
    String problem = Dist.invalid(family, a);
    if (problem != null) {
      throw new EvalError(Code.TOK500, span, problem);
    }
    Quantile q = Dist.prepare(family, a);
    last = new Entry(a.clone(), q);
    return q;
  }
}

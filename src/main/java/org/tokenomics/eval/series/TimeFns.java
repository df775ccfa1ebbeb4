package org.tokenomics.eval.series;

import org.tokenomics.time.Timeline;
import org.tokenomics.time.Dates;

import org.tokenomics.diag.Code;
import org.tokenomics.eval.Const;
import org.tokenomics.eval.EvalError;
import org.tokenomics.eval.Frame;
import org.tokenomics.eval.Node;
import org.tokenomics.eval.Nodes;
import org.tokenomics.eval.Strict;
import org.tokenomics.syntax.Span;

/** ramp, active, once, grow/halving/decline, x[D] and lag (LANGUAGE.md §6). */
public final class TimeFns {
  private TimeFns() {}

  private static boolean any(Node... nodes) {
    for (Node n : nodes) {
      if (n != null && n.series()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The average over the period [s, e) of r(τ) = clamp((τ − from) / over, 0, 1) (LANGUAGE.md §6,
   * v2): a ramp that starts or ends inside a period counts for the part of the period it covers.
   * With over = 0 it is the share of the period from {@code from} on, like {@code active(from:)}.
   */
  public static final class Ramp extends Node implements Strict {
    private final Node from;
    private final Node over;

    public Ramp(Node from, Node over, boolean timeline) {
      super(timeline || any(from, over));
      this.from = from;
      this.over = over;
    }

    @Override
    public Node[] inputs() {
      return new Node[] {from, over};
    }

    @Override
    public double eval(Frame f, int p) {
      return apply(f, p, from.eval(f, p), over.eval(f, p));
    }

    /**
     * The ramp's average over period {@code p}.
     *
     * @param f the frame (its timeline)
     * @param p the period
     * @param d the ramp's start (model time)
     * @param o the ramp's length (seconds); 0 or less is a step at {@code d}
     * @return a share between 0 and 1
     */
    public double apply(Frame f, int p, double d, double o) {
      return ProRata.ramp(f.timeline.start(p), f.timeline.end(p), d, o);
    }
  }

  /**
   * The share of each period that lies inside [from, from + for) and before {@code until}
   * (LANGUAGE.md §6, v2: partial periods are pro-rated).
   */
  public static final class Active extends Node implements Strict {
    private final Node from;
    private final Node length;
    private final Node until;

    public Active(Node from, Node length, Node until, boolean timeline) {
      super(timeline || any(from, length, until));
      this.from = from;
      this.length = length;
      this.until = until;
    }

    /** The three inputs; one not given is a constant that {@link #apply} ignores. */
    @Override
    public Node[] inputs() {
      Node none = new Const(0);
      return new Node[] {from == null ? new Const(Double.NEGATIVE_INFINITY) : from, length == null ? none : length,
          until == null ? none : until};
    }

    @Override
    public double eval(Frame f, int p) {
      return apply(f, p, from == null ? Double.NEGATIVE_INFINITY : from.eval(f, p),
          length == null ? 0 : length.eval(f, p), until == null ? 0 : until.eval(f, p));
    }

    /**
     * The share of period {@code p} inside the range.
     *
     * @param f   the frame (its timeline)
     * @param p   the period
     * @param lo  the range's start (model time; −∞ without {@code from:})
     * @param len the range's length (ignored without {@code for:})
     * @param end the range's end (ignored without {@code until:})
     * @return a share between 0 and 1
     */
    public double apply(Frame f, int p, double lo, double len, double end) {
      double hi = Double.POSITIVE_INFINITY;
      if (length != null) {
        hi = lo + len;
      }
      if (until != null) {
        hi = Math.min(hi, end);
      }
      return ProRata.share(f.timeline.start(p), f.timeline.end(p), lo, hi);
    }
  }

  /** 1 in the period containing the date {@code at}, else 0 ({@code once} is a conditional on it). */
  public static final class InPeriod extends Node implements Strict {
    private final Node at;

    public InPeriod(Node at, boolean timeline) {
      super(timeline || at.series());
      this.at = at;
    }

    @Override
    public Node[] inputs() {
      return new Node[] {at};
    }

    @Override
    public double eval(Frame f, int p) {
      return apply(f, p, at.eval(f, p));
    }

    public double apply(Frame f, int p, double date) {
      return f.timeline.indexOf(date) == p ? 1 : 0;
    }
  }

  /** base ^ (t / every): grow (base 1 + by), decline (1 − by), halving (0.5). */
  public static final class Compound extends Node implements org.tokenomics.eval.ColumnStrict {
    private final Node base;
    private final Node every;
    private final Span span;

    public Compound(Node base, Node every, boolean timeline, Span span) {
      super(timeline || any(base, every));
      this.base = base;
      this.every = every;
      this.span = span;
    }

    /** The interval first (checked before the base is evaluated), then the base. */
    @Override
    public Node[] inputs() {
      return new Node[] {every, base};
    }

    @Override
    public double eval(Frame f, int p) {
      double e = every.eval(f, p);
      checkEvery(e);
      return apply(f, p, e, base.eval(f, p));
    }

    /** The interval, evaluated (and checked) before the base. */
    public Node every() {
      return every;
    }

    public Node base() {
      return base;
    }

    public void checkEvery(double e) {
      if (e <= 0) {
        throw new EvalError(Code.TOK500, span, "the compounding interval must be positive");
      }
    }

    public double apply(Frame f, int p, double e, double b) {
      checkEvery(e);
      double x = (f.timeline.start(p) - f.timeline.first()) / e;
      if (b > 0 && b < Double.POSITIVE_INFINITY) {
        org.tokenomics.eval.LogCache logs = f.logs;
        if (logs == null) {
          f.logs = logs = new org.tokenomics.eval.LogCache();
        }
        return Math.exp(x * logs.log(b)); // power(b, x), ln b kept by the frame for the next period
      }
      return Math.pow(b, x);
    }

    /**
     * {@code b ^ x}: for a positive finite base {@code exp(x · ln b)}, so that an evaluation (its
     * frame's {@link org.tokenomics.eval.LogCache}) or a block of samples takes each base's
     * {@code ln b} once rather than a {@code pow} in every period (on the
     * 60-month model, whose demand grows by a drawn rate, pow was a fifth of a Monte Carlo run's
     * time and exp is about a third of its cost). Relative to the exact power it is within
     * (3 |x ln b| + 2) · 2⁻⁵³ (ln within an ulp, the product's rounding, exp within an ulp): 2·10⁻¹⁴
     * for 10 % a month over 50 years, far below what any report shows.
     * Other bases (zero, negative, infinite, NaN) go to {@link Math#pow}, whose special cases
     * (an integer power of a negative base, {@code 0 ^ 0}) are the language's.
     *
     * @param b the base
     * @param x the exponent
     * @return b to the power x
     */
    public static double power(double b, double x) {
      return b > 0 && b < Double.POSITIVE_INFINITY ? Math.exp(x * Math.log(b)) : Math.pow(b, x);
    }

    /** The samples' last positive finite bases and their logarithms: a drawn base is the same in every period. */
    @Override
    public double[][] scratch(int n) {
      return new double[2][n]; // zeros: no positive base matches before its logarithm is taken
    }

    @Override
    public boolean applyColumns(Timeline tl, int p, double[][] in, double[] out, int n, double[][] scratch) {
      // apply for each sample: the interval first, then the base (in = {every, base})
      double[] e = in[0];
      double[] b = in[1];
      double[] seen = scratch[0];
      double[] logs = scratch[1];
      double since = tl.start(p) - tl.first();
      for (int k = 0; k < n; k++) {
        if (e[k] <= 0) {
          return false; // checkEvery's error, reported by the per-sample evaluation
        }
        double base = b[k];
        if (base > 0 && base < Double.POSITIVE_INFINITY) {
          if (base != seen[k]) { // ln is a function of the base alone: a kept one is the same double
            seen[k] = base;
            logs[k] = Math.log(base);
          }
          out[k] = Math.exp(since / e[k] * logs[k]); // power(base, since / e[k]), bit for bit
        } else {
          out[k] = Math.pow(base, since / e[k]);
        }
      }
      return true;
    }
  }

  /** {@code x[D]}: the value of x in the period containing D; TOK500 outside the timeline. */
  public static final class At extends Node {
    @Override
    public Node[] children() {
      return Nodes.of(x, date);
    }

    private final Node x;
    private final Node date;
    private final Span span;

    public At(Node x, Node date, Span span) {
      super(date.series());
      this.x = x;
      this.date = date;
      this.span = span;
    }

    @Override
    public double eval(Frame f, int p) {
      return x.eval(f, period(f, date.eval(f, p)));
    }

    public Node x() {
      return x;
    }

    public Node date() {
      return date;
    }

    /** The period containing {@code d}; TOK500 outside the timeline. */
    public int period(Frame f, double d) {
      int i = f.timeline.indexOf(d);
      if (i < 0) {
        throw new EvalError(Code.TOK500, span, "date " + Dates.format(d) + " is outside the timeline ("
            + f.timeline + ")");
      }
      return i;
    }
  }

  /** {@code lag(x, n)}: x shifted later by n periods, 0 before. */
  public static final class Lag extends Node {
    @Override
    public Node[] children() {
      return Nodes.of(x, n);
    }

    private final Node x;
    private final Node n;

    public Lag(Node x, Node n, boolean series) {
      super(series || x.series() || n.series());
      this.x = x;
      this.n = n;
    }

    @Override
    public double eval(Frame f, int p) {
      int q = shifted(p, n.eval(f, p));
      return q < 0 || q >= f.timeline.size() ? 0 : x.eval(f, q);
    }

    public Node x() {
      return x;
    }

    public Node n() {
      return n;
    }

    /** The period {@code n} periods before {@code p} (maybe outside the timeline). */
    public static int shifted(int p, double n) {
      return p - (int) Math.round(n);
    }
  }
}

package org.tokenomics.finance;

import java.util.OptionalDouble;
import org.tokenomics.diag.Code;
import org.tokenomics.eval.EvalError;
import org.tokenomics.eval.Frame;
import org.tokenomics.eval.Node;
import org.tokenomics.eval.Nodes;
import org.tokenomics.eval.Ref;
import org.tokenomics.syntax.Span;
import org.tokenomics.time.Timeline;
import org.tokenomics.units.Units;

/** npv, irr, payback and crf as evaluation nodes. */
public final class FinanceNodes {
  private FinanceNodes() {}

  public enum Fn { NPV, IRR, PAYBACK }

  /** Where each period's amount sits inside the period (LANGUAGE.md §14); {@code initial} stays at the start. */
  public enum Timing {
    /** At the period's end (the default, v1's rule). */
    END,
    /** At the period's middle. */
    MID,
    /** At the period's start. */
    START;

    /**
     * Years from the timeline's start to where each period's amount sits.
     *
     * @param tl the timeline
     * @return one time per period (shared for END: do not modify)
     */
    public double[] times(Timeline tl) {
      if (this == END) {
        return tl.endYears();
      }
      if (this == START) {
        return tl.startYears();
      }
      double[] s = tl.startYears();
      double[] e = tl.endYears();
      double[] mid = new double[s.length];
      for (int i = 0; i < s.length; i++) {
        mid[i] = (s[i] + e[i]) / 2;
      }
      return mid;
    }
  }

  /** One of npv / irr / payback over a series of amounts. Always a scalar. */
  public static final class CashFlow extends Node implements org.tokenomics.eval.ColumnSum {
    @Override
    public Node[] children() {
      return Nodes.of(amounts, rate, initial);
    }

    private final Fn fn;
    private final Node amounts;
    private final Node rate;
    private final Node initial;
    private final Span span;
    private final Timing timing;

    public CashFlow(Fn fn, Node amounts, Node rate, Node initial, Span span) {
      this(fn, amounts, rate, initial, span, Timing.END);
    }

    /**
     * A cash-flow function with its amounts located by {@code timing}.
     *
     * @param fn      npv, irr or payback
     * @param amounts the amounts, one per period
     * @param rate    the discount rate (npv only, else null)
     * @param initial the amount at the timeline's start, or null
     * @param span    where the call is written
     * @param timing  where each period's amount sits
     */
    public CashFlow(Fn fn, Node amounts, Node rate, Node initial, Span span, Timing timing) {
      super(false);
      this.fn = fn;
      this.amounts = amounts;
      this.rate = rate;
      this.initial = initial;
      this.span = span;
      this.timing = timing;
    }

    /**
     * Where the amounts sit.
     *
     * @return the timing
     */
    public Timing timing() {
      return timing;
    }

    public Node amounts() {
      return amounts;
    }

    @Override
    public double eval(Frame f, int ignored) {
      int n = f.timeline.size();
      if (amounts instanceof Ref r && r.series() && f.slots[r.slot()] != null && f.slots[r.slot()].length == n) {
        // the operand is a cell of its own (the checker makes it so): its array as it is, read and
        // never written, rather than a copy made by reading it period by period
        return apply(f, f.slots[r.slot()]);
      }
      double[] values = new double[n];
      for (int p = 0; p < n; p++) {
        values[p] = amounts.eval(f, p);
      }
      return apply(f, values);
    }

    /**
     * The discount factors {@code (1 + r) ^ at[i]} of the last rate this node met on a timeline,
     * shared by every thread: under Monte Carlo, a sweep or a goal seek a constant rate gives the
     * same factors each evaluation, and computing them (a {@code pow} per period) cost as much as
     * the rest of the npv. A factor is the same double whether cached or not, so the npv is too.
     */
    private volatile Discounts last;

    private record Discounts(Timeline timeline, double rate, double[] factors) {}

    private double[] discounts(Timeline tl, double[] at, double r) {
      Discounts d = last;
      if (d == null || d.timeline != tl || Double.doubleToRawLongBits(d.rate) != Double.doubleToRawLongBits(r)) {
        d = new Discounts(tl, r, Finance.discountFactors(at, r));
        last = d; // a race only computes the same factors twice
      }
      return d.factors;
    }

    @Override
    public Node summed() {
      return amounts;
    }

    @Override
    public double[] weights(Frame f) {
      if (fn != Fn.NPV) {
        return null;
      }
      // apply's npv: -initial, then each amount over its discount factor, in period order
      Timeline tl = f.timeline;
      double init = initial == null ? 0 : initial.eval(f, 0);
      double r = rate.eval(f, 0);
      if (r <= -1) {
        return null;
      }
      double[] factors = discounts(tl, timing.times(tl), r);
      double[] w = new double[factors.length + 1];
      w[0] = -init;
      System.arraycopy(factors, 0, w, 1, factors.length);
      return w;
    }

    /** The result from every period's amount (the code generator fills {@code values} the same way). */
    public double apply(Frame f, double[] values) {
      Timeline tl = f.timeline;
      double[] starts = tl.startYears();
      double[] ends = tl.endYears();
      double[] at = timing.times(tl);
      double init = initial == null ? 0 : initial.eval(f, 0);
      switch (fn) {
        case NPV -> {
          double r = rate.eval(f, 0);
          if (r <= -1) {
            throw new EvalError(Code.TOK500, span, "a discount rate of -100% or less has no present value");
          }
          return Finance.npv(values, discounts(tl, at, r), init);
        }
        case IRR -> {
          double[] r = Finance.irrs(values, at, init);
          if (r.length == 0) {
            throw new EvalError(Code.TOK502, span, "no internal rate of return: the cash flows never make npv zero",
                "an irr needs an outlay and later inflows (or the reverse)");
          }
          if (r.length > 1) { // flows that change sign more than once: picking one would be a silent guess
            throw new EvalError(Code.TOK502, span, String.format(java.util.Locale.ROOT,
                "no single internal rate of return: npv is zero at both %.4g %% and %.4g %%", 100 * r[0], 100 * r[1]),
                "the cash flows change sign more than once; use npv at a chosen rate instead");
          }
          return r[0];
        }
        default -> {
          // under end, each amount flows evenly through its period (v1); under mid and start it arrives at its point
          OptionalDouble y = timing == Timing.END ? Finance.payback(values, starts, ends, init)
              : Finance.paybackAt(values, at, init);
          if (y.isEmpty()) {
            throw new EvalError(Code.TOK502, span, "no payback: cumulative cash is still negative at the end of the timeline",
                "extend the timeline or check the cash flows");
          }
          return y.getAsDouble() * Units.YEAR;
        }
      }
    }
  }

  /** crf(rate, n) with n a duration: rate / (1 − (1 + rate) ^ (−n / 1 yr)). */
  public static final class Crf extends Node {
    @Override
    public Node[] children() {
      return Nodes.of(rate, term);
    }

    private final Node rate;
    private final Node term;
    private final Span span;

    public Crf(Node rate, Node term, Span span) {
      super(rate.series() || term.series());
      this.rate = rate;
      this.term = term;
      this.span = span;
    }

    @Override
    public double eval(Frame f, int p) {
      double years = term.eval(f, p) / Units.YEAR;
      if (years <= 0) {
        throw new EvalError(Code.TOK500, span, "crf needs a positive term");
      }
      return Finance.crf(rate.eval(f, p), years);
    }
  }
}

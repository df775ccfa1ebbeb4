package org.tokenomics.eval.series;

import org.tokenomics.time.Timeline;
import org.tokenomics.time.Dates;

import org.tokenomics.eval.Frame;
import org.tokenomics.eval.Node;
import org.tokenomics.eval.Nodes;

/** Reductions over the periods of a series: sum, mean, min, max, first, last; element-wise min/max. */
public final class Reductions {
  private Reductions() {}

  public enum Kind { SUM, MEAN, MIN, MAX, FIRST, LAST }

  /**
   * A scalar from all periods of {@code x} (or those whose start lies in [from, to]). Periods
   * outside the window are not evaluated. The code generator emits the same loop with
   * {@link #initial}, {@link #inWindow}, {@link #step} and {@link #finish}.
   */
  public static final class Reduce extends Node {
    @Override
    public Node[] children() {
      return Nodes.of(x, from, to);
    }

    private final Kind kind;
    private final Node x;
    private final Node from;
    private final Node to;

    public Reduce(Kind kind, Node x, Node from, Node to) {
      super(false);
      this.kind = kind;
      this.x = x;
      this.from = from;
      this.to = to;
    }

    public Node x() {
      return x;
    }

    /** The start of the window (evaluated in period 0), or null for the first period. */
    public Node from() {
      return from;
    }

    /** The end of the window (evaluated in period 0), or null for the last period. */
    public Node to() {
      return to;
    }

    @Override
    public double eval(Frame f, int ignored) {
      int n = f.timeline.size();
      double lo = from == null ? Double.NEGATIVE_INFINITY : from.eval(f, 0);
      double hi = to == null ? Double.POSITIVE_INFINITY : to.eval(f, 0);
      double acc = initial();
      int count = 0;
      double first = 0;
      double last = 0;
      for (int p = 0; p < n; p++) {
        if (!inWindow(f, p, lo, hi)) {
          continue;
        }
        double v = x.eval(f, p);
        if (count == 0) {
          first = v;
        }
        last = v;
        count++;
        acc = step(acc, v);
      }
      return finish(acc, count, first, last);
    }

    public double initial() {
      return switch (kind) {
        case MIN -> Double.POSITIVE_INFINITY;
        case MAX -> Double.NEGATIVE_INFINITY;
        default -> 0;
      };
    }

    public static boolean inWindow(Frame f, int p, double lo, double hi) {
      double s = f.timeline.start(p);
      return !(s < lo - 1e-6 || s > hi + 1e-6);
    }

    public double step(double acc, double v) {
      return switch (kind) {
        case MIN -> Math.min(acc, v);
        case MAX -> Math.max(acc, v);
        default -> acc + v;
      };
    }

    public double finish(double acc, int count, double first, double last) {
      if (count == 0) {
        return 0;
      }
      return switch (kind) {
        case MEAN -> acc / count;
        case FIRST -> first;
        case LAST -> last;
        default -> acc;
      };
    }
  }

  /** Element-wise min/max of two or more values. */
}

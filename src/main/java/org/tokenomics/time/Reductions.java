package org.tokenomics.time;

import org.tokenomics.eval.Computer;
import org.tokenomics.eval.Frame;
import org.tokenomics.eval.Node;

/** Reductions over the periods of a series: sum, mean, min, max, first, last; cumsum. */
public final class Reductions {
  private Reductions() {}

  public enum Kind { SUM, MEAN, MIN, MAX, FIRST, LAST }

  /** A scalar from all periods of {@code x} (or those whose start lies in [from, to]). */
  public static final class Reduce extends Node {
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

    @Override
    public double eval(Frame f, int ignored) {
      int n = f.timeline.size();
      double lo = from == null ? Double.NEGATIVE_INFINITY : from.eval(f, 0);
      double hi = to == null ? Double.POSITIVE_INFINITY : to.eval(f, 0);
      double acc = switch (kind) {
        case MIN -> Double.POSITIVE_INFINITY;
        case MAX -> Double.NEGATIVE_INFINITY;
        default -> 0;
      };
      int count = 0;
      double first = 0;
      double last = 0;
      for (int p = 0; p < n; p++) {
        double s = f.timeline.start(p);
        if (s < lo - 1e-6 || s > hi + 1e-6) {
          continue;
        }
        double v = x.eval(f, p);
        if (count == 0) {
          first = v;
        }
        last = v;
        count++;
        switch (kind) {
          case MIN -> acc = Math.min(acc, v);
          case MAX -> acc = Math.max(acc, v);
          default -> acc += v;
        }
      }
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

  /** Running sum, computed once per frame into its own hidden cell. */
  public record Cumsum(Node x) implements Computer {
    @Override
    public void compute(Frame f, double[] out) {
      double acc = 0;
      for (int p = 0; p < out.length; p++) {
        acc += x.eval(f, p);
        out[p] = acc;
      }
    }
  }

  /** Element-wise min/max of two or more values. */
  public static final class MinMax extends Node {
    private final boolean max;
    private final Node[] xs;

    public MinMax(boolean max, Node[] xs) {
      super(anySeries(xs));
      this.max = max;
      this.xs = xs.clone();
    }

    private static boolean anySeries(Node[] xs) {
      for (Node x : xs) {
        if (x.series()) {
          return true;
        }
      }
      return false;
    }

    @Override
    public double eval(Frame f, int p) {
      double acc = xs[0].eval(f, p);
      for (int i = 1; i < xs.length; i++) {
        double v = xs[i].eval(f, p);
        acc = max ? Math.max(acc, v) : Math.min(acc, v);
      }
      return acc;
    }
  }
}

package org.tokenomics.eval.series;

import java.util.Arrays;
import org.tokenomics.diag.Code;
import org.tokenomics.eval.EvalError;
import org.tokenomics.eval.Frame;
import org.tokenomics.eval.Node;
import org.tokenomics.eval.Nodes;
import org.tokenomics.syntax.Span;
import org.tokenomics.time.Dates;
import org.tokenomics.time.Timeline;

/**
 * Values given by points (LANGUAGE.md §11): {@code series}, {@code curve} and {@code lookup} over a
 * keyed list whose keys are constants (model time or base units, strictly increasing, checked) and
 * whose values are scalar nodes (literals or params). Each node reads only period {@code p}, so a
 * cell of them is compiled like any pointwise cell (the generator calls {@code eval}).
 */
public final class Points {
  private Points() {}

  /** How a curve or lookup fills the gaps between keys. */
  public enum Interp { LINEAR, STEP, LOG }

  /** Keys closer than this (model time in seconds, or base units relative) count as equal. */
  private static final double SAME = 1e-6;

  /** The index of the last key ≤ x (−1 when x is before the first key). */
  static int floor(double[] keys, double x) {
    int i = Arrays.binarySearch(keys, x);
    return i >= 0 ? i : -i - 2;
  }

  /**
   * The value at {@code x} between keys: flat beyond the ends, held ({@code STEP}), straight
   * ({@code LINEAR}) or straight in the logarithm ({@code LOG}) in between. {@code at(i)} evaluates
   * the i-th value; only the two neighbours are evaluated.
   */
  static double interpolate(double[] keys, double x, Interp how, java.util.function.IntToDoubleFunction at) {
    int n = keys.length;
    int i = floor(keys, x);
    if (i + 1 < n && Math.abs(keys[i + 1] - x) <= SAME * Math.max(1, Math.abs(x))) {
      i++; // on a key (up to rounding of dates): exactly its value
    }
    if (i < 0) {
      return at.applyAsDouble(0);
    }
    if (i >= n - 1 || how == Interp.STEP || Math.abs(x - keys[i]) <= SAME * Math.max(1, Math.abs(x))) {
      return at.applyAsDouble(i);
    }
    double a = at.applyAsDouble(i);
    double b = at.applyAsDouble(i + 1);
    double w = (x - keys[i]) / (keys[i + 1] - keys[i]);
    if (how == Interp.LOG) {
      return Math.exp(Math.log(a) + (Math.log(b) - Math.log(a)) * w);
    }
    return a + (b - a) * w;
  }

  /** Evaluates every value (all are checked positive under {@code log}, as LANGUAGE.md §11 asks). */
  private static double[] values(Node[] values, Frame f, int p, Interp how, Span span) {
    double[] v = new double[values.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = values[i].eval(f, p);
      if (how == Interp.LOG && !(v[i] > 0)) {
        throw new EvalError(Code.TOK500, span, "interpolate: log needs positive values; value " + (i + 1) + " is "
            + (v[i] == 0 ? "0" : "negative"), "use interpolate: linear, or give every point a positive value");
      }
    }
    return v;
  }

  /** {@code series([D1: A1, …])}: each period holds the sum of the values whose key falls inside it. */
  public static final class Sum extends Node {
    private final double[] keys;
    private final Span[] keySpans;
    private final Node[] values;
    /** The period of each key, found once per timeline (a model has one; a race only finds it twice). */
    private volatile PeriodsOf periods;

    private record PeriodsOf(Timeline timeline, int[] of) {}

    /**
     * @param keys     dates as model time, increasing
     * @param keySpans where each key is written (a key outside the timeline is TOK500 there)
     * @param values   one scalar node per key
     * @param series   whether the model has a timeline
     */
    public Sum(double[] keys, Span[] keySpans, Node[] values, boolean series) {
      super(series);
      this.keys = keys.clone();
      this.keySpans = keySpans.clone();
      this.values = values.clone();
    }

    @Override
    public Node[] children() {
      return Nodes.of(values);
    }

    private int[] periods(Timeline t) {
      PeriodsOf known = periods;
      if (known != null && known.timeline() == t) {
        return known.of();
      }
      int[] of = new int[keys.length];
      for (int i = 0; i < keys.length; i++) {
        of[i] = t.indexOf(keys[i]);
        if (of[i] < 0) {
          throw new EvalError(Code.TOK500, keySpans[i], "the date " + Dates.format(keys[i]) + " is outside the timeline ("
              + t.label(0) + " to " + t.label(t.size() - 1) + ")", "give series only dates inside the timeline");
        }
      }
      periods = new PeriodsOf(t, of);
      return of;
    }

    @Override
    public double eval(Frame f, int p) {
      int[] of = periods(f.timeline);
      double sum = 0;
      // Keys increase, so the keys of period p are one run: find its start by binary search.
      int lo = 0;
      int hi = of.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (of[mid] < p) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      for (int i = lo; i < of.length && of[i] == p; i++) {
        sum += values[i].eval(f, p);
      }
      return sum;
    }
  }

  /** {@code curve([D1: V1, …], interpolate: …)}: the curve's value at each period's start. */
  public static final class Curve extends Node {
    private final double[] keys;
    private final Node[] values;
    private final Interp how;
    private final Span span;

    /**
     * @param keys   dates as model time, increasing
     * @param values one scalar node per key
     * @param how    the interpolation
     * @param span   the call (TOK500 for a value log cannot take)
     * @param series whether the model has a timeline
     */
    public Curve(double[] keys, Node[] values, Interp how, Span span, boolean series) {
      super(series);
      this.keys = keys.clone();
      this.values = values.clone();
      this.how = how;
      this.span = span;
    }

    @Override
    public Node[] children() {
      return Nodes.of(values);
    }

    @Override
    public double eval(Frame f, int p) {
      double[] v = values(values, f, p, how, span);
      return interpolate(keys, f.timeline.start(p), how, i -> v[i]);
    }
  }

  /** {@code lookup(x, [K1: V1, …], interpolate: …)}: the value at x, flat beyond the ends, element-wise. */
  public static final class Lookup extends Node {
    private final Node x;
    private final double[] keys;
    private final Node[] values;
    private final Interp how;
    private final Span span;

    /**
     * @param x      where to look (a scalar or a series)
     * @param keys   in x's base unit, increasing
     * @param values one scalar node per key
     * @param how    the interpolation
     * @param span   the call
     */
    public Lookup(Node x, double[] keys, Node[] values, Interp how, Span span) {
      super(x.series() || any(values));
      this.x = x;
      this.keys = keys.clone();
      this.values = values.clone();
      this.how = how;
      this.span = span;
    }

    private static boolean any(Node[] nodes) {
      for (Node n : nodes) {
        if (n.series()) {
          return true;
        }
      }
      return false;
    }

    @Override
    public Node[] children() {
      Node[] all = new Node[values.length + 1];
      all[0] = x;
      System.arraycopy(values, 0, all, 1, values.length);
      return all;
    }

    @Override
    public double eval(Frame f, int p) {
      double at = x.eval(f, p);
      double[] v = values(values, f, p, how, span);
      return interpolate(keys, at, how, i -> v[i]);
    }
  }
}

package org.tokenomics.eval;

import java.util.Arrays;

/**
 * Builds the block form of a node for {@link SeriesColumns}: a {@link BlockOp} that computes a
 * period's column of samples, each operation one loop over the samples (the per-sample
 * interpreter's operation applied to the same operands, so each sample's value is the same double).
 * A subtree that reads no cell varying by sample is evaluated once per period by the interpreter
 * (on the frame of invariant cells) and only spread over the column.
 */
final class BlockOps {
  private final double[][][] cols;   // by slot: the varying cells' columns, [period or 0][sample]
  private final boolean[] varying;   // by slot
  private final Frame invariant;     // the cells that do not vary, computed
  private final int periods;
  private final int size;

  BlockOps(double[][][] cols, boolean[] varying, Frame invariant, int periods, int size) {
    this.cols = cols;
    this.varying = varying;
    this.invariant = invariant;
    this.periods = periods;
    this.size = size;
  }

  /** Whether a subtree reads no varying cell (through a reference or a {@code prev}). */
  boolean invariant(Node node) {
    if (node instanceof Ref r) {
      return !varying[r.slot()];
    }
    if (node instanceof Prev pv && varying[pv.slot()]) {
      return false;
    }
    for (Node c : node.children()) {
      if (!invariant(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code node}'s values are finite whenever the cells it reads are (the block then need
   * not look at them): comparisons and logic give 0 or 1, min/max and {@code if} one of their
   * operands' values, a cell that must be finite was checked before it is read, and an invariant
   * subtree's values are known. Arithmetic can overflow or divide its way out of the finite numbers.
   *
   * @param mustBeFinite by slot, whether a cell's values are checked
   */
  boolean finite(Node node, boolean[] mustBeFinite) {
    if (invariant(node)) {
      try {
        for (int p = 0; p < (node.series() ? periods : 1); p++) {
          if (!Double.isFinite(node.eval(invariant, p))) {
            return false;
          }
        }
        return true;
      } catch (EvalError e) {
        return false;
      }
    }
    if (node instanceof Ref r) {
      return mustBeFinite[r.slot()];
    }
    if (node instanceof Arith.Cmp || node instanceof Arith.Not || node instanceof Arith.And || node instanceof Arith.Or) {
      return true;
    }
    if (node instanceof Arith.If f) {
      return finite(f.a, mustBeFinite) && finite(f.b, mustBeFinite);
    }
    if (node instanceof MinMax m) {
      for (Node x : m.xs()) {
        if (!finite(x, mustBeFinite)) {
          return false;
        }
      }
      return true;
    }
    if (node instanceof Prev pv) {
      return mustBeFinite[pv.slot()] && (pv.initial() == null || finite(pv.initial(), mustBeFinite));
    }
    return false;
  }

  /**
   * The block form of {@code node}, writing into {@code dest[p]} (or an array of its own when
   * {@code dest} is null), or null when a node has none.
   *
   * @throws EvalError when an invariant subtree fails (the caller then leaves the run per sample)
   */
  BlockOp op(Node node, double[][] dest) {
    return op(node, dest, null);
  }

  /**
   * As {@link #op(Node, double[][])}, inside a branch of an {@code if} when {@code mask} is not
   * null: a division by zero then marks its samples in the mask instead of giving up the block,
   * and the {@code if} gives up only if such a sample takes that branch.
   */
  private BlockOp op(Node node, double[][] dest, BlockMask mask) {
    if (invariant(node)) {
      try {
        return perPeriod(node);
      } catch (EvalError e) {
        // fails in some period (1 / (halving(…) - 0.5)): computed as columns, where a branch may mask it
        if (node instanceof Ref || node instanceof Prev) {
          throw e;
        }
      }
    }
    if (!node.series() && mask == null && !(node instanceof Ref)) {
      // a scalar inside a series: the same column in every period, computed in the first (a run
      // always starts there). Not inside an if's branch, whose division by zero matters only in
      // the periods a sample takes it.
      BlockOp once = opOf(node, dest, null);
      if (once == null) {
        return null;
      }
      double[][] last = new double[1][];
      return (p, n) -> p == 0 ? (last[0] = once.eval(0, n)) : last[0];
    }
    return opOf(node, dest, mask);
  }

  private BlockOp opOf(Node node, double[][] dest, BlockMask mask) {
    if (node instanceof Ref r) {
      double[][] c = cols[r.slot()];
      return c.length == 1 ? (p, n) -> c[0] : (p, n) -> c[p];
    }
    double[][] out = dest != null ? dest : own();
    if (node instanceof Prev pv) {
      return prev(pv, out, mask);
    }
    if (node instanceof Arith.Bin b) {
      BlockOp x = op(b.a, null, mask);
      BlockOp y = x == null ? null : op(b.b, null, mask);
      return y == null ? null : BlockBinary.of(b, x, y, out, mask);
    }
    if (node instanceof Arith.Neg g) {
      BlockOp x = op(g.a, null, mask);
      return x == null ? null : (p, n) -> {
        double[] a = x.eval(p, n);
        if (a == null) {
          return null;
        }
        double[] o = out[p];
        for (int k = 0; k < n; k++) {
          o[k] = -a[k];
        }
        return o;
      };
    }
    if (node instanceof Arith.Not t) {
      BlockOp x = op(t.a, null, mask);
      return x == null ? null : (p, n) -> {
        double[] a = x.eval(p, n);
        if (a == null) {
          return null;
        }
        double[] o = out[p];
        for (int k = 0; k < n; k++) {
          o[k] = a[k] != 0 ? 0 : 1;
        }
        return o;
      };
    }
    if (node instanceof Arith.If f) {
      return cond(f, out, mask);
    }
    if (node instanceof MinMax m) {
      return minMax(m, out, mask);
    }
    if (node instanceof ColumnStrict s) {
      return strict(s, out, mask);
    }
    if (node instanceof ColumnSum s) {
      return sum(node, s, out);
    }
    return null;
  }

  /** npv over a cell's columns, when its rate and initial amount do not vary by sample. */
  private BlockOp sum(Node node, ColumnSum s, double[][] out) {
    if (!(s.summed() instanceof Ref r) || !r.series() || !varying[r.slot()]) {
      return null;
    }
    for (Node c : node.children()) {
      if (c != s.summed() && !invariant(c)) {
        return null;
      }
    }
    double[] w;
    try {
      w = s.weights(invariant);
    } catch (EvalError e) {
      return null; // each sample's own evaluation meets it
    }
    if (w == null) {
      return null;
    }
    double[][] c = cols[r.slot()];
    return (p, n) -> {
      double[] o = out[p];
      Arrays.fill(o, 0, n, w[0]);
      for (int q = 0; q < c.length; q++) {
        double[] a = c[q];
        double d = w[q + 1];
        for (int k = 0; k < n; k++) {
          o[k] += a[k] / d;
        }
      }
      return o;
    };
  }

  /**
   * {@code if c then a else b}: both branches are computed for every sample, each with a mask of
   * its own, so a division by zero in a branch a sample does not take is no error (the per-sample
   * evaluation never computes it there), and one in a branch it takes is the block's error (or the
   * enclosing branch's, when this {@code if} is inside one).
   */
  private BlockOp cond(Arith.If f, double[][] out, BlockMask mask) {
    BlockMask ma = new BlockMask(size);
    BlockMask mb = new BlockMask(size);
    BlockOp c = op(f.c, null, mask);
    BlockOp a = c == null ? null : op(f.a, null, ma);
    BlockOp b = a == null ? null : op(f.b, null, mb);
    return b == null ? null : (p, n) -> {
      double[] cv = c.eval(p, n);
      if (cv == null) {
        return null;
      }
      ma.clear(n);
      mb.clear(n);
      double[] av = a.eval(p, n);
      double[] bv = av == null ? null : b.eval(p, n);
      if (bv == null) {
        return null;
      }
      double[] o = out[p];
      for (int k = 0; k < n; k++) {
        o[k] = cv[k] != 0 ? av[k] : bv[k];
      }
      if (ma.any || mb.any) {
        for (int k = 0; k < n; k++) {
          if (cv[k] != 0 ? ma.bad[k] : mb.bad[k]) { // the branch this sample takes divided by zero
            if (mask == null) {
              return null;
            }
            mask.mark(k);
          }
        }
      }
      return o;
    };
  }

  /** An array per period, all the same one: a node's values of the current period only. */
  private double[][] own() {
    double[][] d = new double[periods][];
    Arrays.fill(d, new double[size]);
    return d;
  }

  /** A subtree that reads no varying cell: its value in each period, computed once, spread over a column. */
  private BlockOp perPeriod(Node node) {
    double[] v = new double[node.series() ? periods : 1];
    for (int p = 0; p < v.length; p++) {
      v[p] = node.eval(invariant, p);
    }
    return new PerPeriod(v, size);
  }

  /**
   * The values of a subtree that reads no varying cell, one per period: the arithmetic operators
   * read {@link #value} for the whole column ({@link BlockBinary}); anything else reads the column.
   */
  static final class PerPeriod implements BlockOp {
    private final double[] values;
    private final double[] out;
    private long bits;
    private int filled; // how many samples hold the value whose bits are `bits`

    PerPeriod(double[] values, int size) {
      this.values = values;
      this.out = new double[size];
    }

    /** The value in period {@code p}. */
    double value(int p) {
      return values[values.length == 1 ? 0 : p];
    }

    @Override
    public double[] eval(int p, int n) {
      double x = value(p);
      long b = Double.doubleToRawLongBits(x);
      if (b != bits || filled < n) { // most such values stay the same over many periods
        Arrays.fill(out, 0, n, x);
        bits = b;
        filled = n;
      }
      return out;
    }
  }

  private BlockOp prev(Prev pv, double[][] out, BlockMask mask) {
    double[][] c = cols[pv.slot()];
    int back = pv.periods();
    BlockOp init;
    if (pv.initial() == null) {
      double[] zeros = new double[size];
      init = (p, n) -> zeros;
    } else {
      init = op(pv.initial(), out, mask);
      if (init == null) {
        return null;
      }
    }
    // a scalar cell has one value in every period (Prev.eval)
    return (p, n) -> p < back ? init.eval(p, n) : c.length == 1 ? c[0] : c[p - back];
  }

  private BlockOp minMax(MinMax m, double[][] out, BlockMask mask) {
    Node[] xs = m.xs();
    BlockOp[] in = new BlockOp[xs.length];
    for (int i = 0; i < xs.length; i++) {
      in[i] = op(xs[i], null, mask);
      if (in[i] == null) {
        return null;
      }
    }
    boolean max = m.isMax();
    return (p, n) -> {
      double[] first = in[0].eval(p, n);
      if (first == null) {
        return null;
      }
      double[] o = out[p];
      System.arraycopy(first, 0, o, 0, n);
      for (int i = 1; i < in.length; i++) {
        double[] v = in[i].eval(p, n);
        if (v == null) {
          return null;
        }
        if (max) {
          for (int k = 0; k < n; k++) {
            o[k] = Math.max(o[k], v[k]);
          }
        } else {
          for (int k = 0; k < n; k++) {
            o[k] = Math.min(o[k], v[k]);
          }
        }
      }
      return o;
    };
  }

  private BlockOp strict(ColumnStrict s, double[][] out, BlockMask mask) {
    Node[] inputs = s.inputs();
    BlockOp[] in = new BlockOp[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      in[i] = op(inputs[i], null, mask);
      if (in[i] == null) {
        return null;
      }
    }
    double[][] args = new double[inputs.length][];
    double[][] scratch = s.scratch(size);
    org.tokenomics.time.Timeline tl = invariant.timeline;
    return (p, n) -> {
      for (int i = 0; i < in.length; i++) {
        args[i] = in[i].eval(p, n);
        if (args[i] == null) {
          return null;
        }
      }
      double[] o = out[p];
      return s.applyColumns(tl, p, args, o, n, scratch) ? o : null;
    };
  }
}

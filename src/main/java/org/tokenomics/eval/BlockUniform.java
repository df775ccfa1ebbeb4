package org.tokenomics.eval;

/**
 * {@link BlockBinary}'s arithmetic with one operand the same for every sample of a period (a
 * subtree that reads no drawn value: a ramp, a price index, a constant): that operand is read once
 * per period instead of as a column. The same operation on the same two doubles, in the same order.
 */
final class BlockUniform {
  private BlockUniform() {}

  /** {@code x op c}, or null for an operator without such a loop. */
  static BlockOp right(Arith.Bin b, BlockOp x, BlockOps.PerPeriod c, double[][] out, BlockMask mask) {
    if (b instanceof Arith.Add) {
      return (p, n) -> {
        double[] u = x.eval(p, n);
        if (u == null) {
          return null;
        }
        double s = c.value(p);
        double[] o = out[p];
        for (int k = 0; k < n; k++) {
          o[k] = u[k] + s;
        }
        return o;
      };
    }
    if (b instanceof Arith.Sub) {
      return (p, n) -> {
        double[] u = x.eval(p, n);
        if (u == null) {
          return null;
        }
        double s = c.value(p);
        double[] o = out[p];
        for (int k = 0; k < n; k++) {
          o[k] = u[k] - s;
        }
        return o;
      };
    }
    if (b instanceof Arith.Mul) {
      return (p, n) -> {
        double[] u = x.eval(p, n);
        if (u == null) {
          return null;
        }
        double s = c.value(p);
        double[] o = out[p];
        for (int k = 0; k < n; k++) {
          o[k] = u[k] * s;
        }
        return o;
      };
    }
    if (b instanceof Arith.Div) {
      return (p, n) -> {
        double[] u = x.eval(p, n);
        if (u == null) {
          return null;
        }
        double s = c.value(p);
        double[] o = out[p];
        if (s == 0) { // every sample divides by zero
          if (mask == null) {
            return null;
          }
          for (int k = 0; k < n; k++) {
            mask.mark(k);
            o[k] = Double.NaN;
          }
          return o;
        }
        for (int k = 0; k < n; k++) {
          o[k] = u[k] / s;
        }
        return o;
      };
    }
    return null;
  }

  /** {@code c op y} for + and * and -, or null. */
  static BlockOp left(Arith.Bin b, BlockOps.PerPeriod c, BlockOp y, double[][] out) {
    if (b instanceof Arith.Add) {
      return (p, n) -> {
        double[] v = y.eval(p, n);
        if (v == null) {
          return null;
        }
        double s = c.value(p);
        double[] o = out[p];
        for (int k = 0; k < n; k++) {
          o[k] = s + v[k];
        }
        return o;
      };
    }
    if (b instanceof Arith.Sub) {
      return (p, n) -> {
        double[] v = y.eval(p, n);
        if (v == null) {
          return null;
        }
        double s = c.value(p);
        double[] o = out[p];
        for (int k = 0; k < n; k++) {
          o[k] = s - v[k];
        }
        return o;
      };
    }
    if (b instanceof Arith.Mul) {
      return (p, n) -> {
        double[] v = y.eval(p, n);
        if (v == null) {
          return null;
        }
        double s = c.value(p);
        double[] o = out[p];
        for (int k = 0; k < n; k++) {
          o[k] = s * v[k];
        }
        return o;
      };
    }
    return null;
  }
}

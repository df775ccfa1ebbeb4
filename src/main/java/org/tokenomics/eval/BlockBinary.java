package org.tokenomics.eval;

/**
 * The binary operators over a block of samples ({@link BlockOps}). Each operator has a loop of its
 * own (one shared loop calling a function would be a megamorphic call per value: no inlining, no
 * unrolling); each value is the interpreter's operation on the same two operands.
 */
final class BlockBinary {
  private BlockBinary() {}

  /**
   * The block form of {@code b} from its operands' ops, writing into {@code out[p]}; a division by
   * zero marks its samples in {@code mask} (NaN in their place) when there is one, else gives up.
   */
  static BlockOp of(Arith.Bin b, BlockOp x, BlockOp y, double[][] out, BlockMask mask) {
    if (y instanceof BlockOps.PerPeriod c) {
      BlockOp op = BlockUniform.right(b, x, c, out, mask);
      if (op != null) {
        return op;
      }
    } else if (x instanceof BlockOps.PerPeriod c) {
      BlockOp op = BlockUniform.left(b, c, y, out);
      if (op != null) {
        return op;
      }
    }
    if (b instanceof Arith.Add) {
      return (p, n) -> {
        double[] u = x.eval(p, n);
        double[] v = u == null ? null : y.eval(p, n);
        if (v == null) {
          return null;
        }
        double[] o = out[p];
        for (int k = 0; k < n; k++) {
          o[k] = u[k] + v[k];
        }
        return o;
      };
    }
    if (b instanceof Arith.Sub) {
      return (p, n) -> {
        double[] u = x.eval(p, n);
        double[] v = u == null ? null : y.eval(p, n);
        if (v == null) {
          return null;
        }
        double[] o = out[p];
        for (int k = 0; k < n; k++) {
          o[k] = u[k] - v[k];
        }
        return o;
      };
    }
    if (b instanceof Arith.Mul) {
      return (p, n) -> {
        double[] u = x.eval(p, n);
        double[] v = u == null ? null : y.eval(p, n);
        if (v == null) {
          return null;
        }
        double[] o = out[p];
        for (int k = 0; k < n; k++) {
          o[k] = u[k] * v[k];
        }
        return o;
      };
    }
    if (b instanceof Arith.Div) {
      return (p, n) -> {
        double[] u = x.eval(p, n);
        double[] v = u == null ? null : y.eval(p, n);
        if (v == null) {
          return null;
        }
        double[] o = out[p];
        for (int k = 0; k < n; k++) {
          o[k] = u[k] / v[k];
        }
        // a zero divisor gives a value that is not finite: only then look for one
        return BlockStage.finite(o, n) || divisors(v, o, n, mask) ? o : null;
      };
    }
    if (b instanceof Arith.Pow) {
      return (p, n) -> {
        double[] u = x.eval(p, n);
        double[] v = u == null ? null : y.eval(p, n);
        if (v == null) {
          return null;
        }
        double[] o = out[p];
        for (int k = 0; k < n; k++) {
          o[k] = Math.pow(u[k], v[k]);
        }
        return o;
      };
    }
    if (b instanceof Arith.And) {
      return (p, n) -> {
        double[] u = x.eval(p, n);
        double[] v = u == null ? null : y.eval(p, n);
        if (v == null) {
          return null;
        }
        double[] o = out[p];
        for (int k = 0; k < n; k++) {
          o[k] = u[k] != 0 && v[k] != 0 ? 1 : 0;
        }
        return o;
      };
    }
    if (b instanceof Arith.Or) {
      return (p, n) -> {
        double[] u = x.eval(p, n);
        double[] v = u == null ? null : y.eval(p, n);
        if (v == null) {
          return null;
        }
        double[] o = out[p];
        for (int k = 0; k < n; k++) {
          o[k] = u[k] != 0 || v[k] != 0 ? 1 : 0;
        }
        return o;
      };
    }
    if (b instanceof Arith.Cmp c) {
      return compare(c.op(), x, y, out);
    }
    return null;
  }

  /**
   * After a division gave values that are not all finite: false when a divisor is zero and no
   * mask takes it, else each such sample marked in the mask with NaN in its place.
   */
  private static boolean divisors(double[] v, double[] o, int n, BlockMask mask) {
    for (int k = 0; k < n; k++) {
      if (v[k] == 0) {
        if (mask == null) {
          return false; // the per-sample evaluation says where and why
        }
        mask.mark(k);
        o[k] = Double.NaN; // no value: the sample must not take this branch
      }
    }
    return true;
  }

  private static BlockOp compare(Arith.Op op, BlockOp x, BlockOp y, double[][] out) {
    return (p, n) -> {
      double[] u = x.eval(p, n);
      double[] v = u == null ? null : y.eval(p, n);
      if (v == null) {
        return null;
      }
      double[] o = out[p];
      switch (op) { // Cmp.apply's comparisons, the choice made once per column
        case EQ -> {
          for (int k = 0; k < n; k++) {
            o[k] = u[k] == v[k] ? 1 : 0;
          }
        }
        case NE -> {
          for (int k = 0; k < n; k++) {
            o[k] = u[k] != v[k] ? 1 : 0;
          }
        }
        case LT -> {
          for (int k = 0; k < n; k++) {
            o[k] = u[k] < v[k] ? 1 : 0;
          }
        }
        case LE -> {
          for (int k = 0; k < n; k++) {
            o[k] = u[k] <= v[k] ? 1 : 0;
          }
        }
        case GT -> {
          for (int k = 0; k < n; k++) {
            o[k] = u[k] > v[k] ? 1 : 0;
          }
        }
        default -> {
          for (int k = 0; k < n; k++) {
            o[k] = u[k] >= v[k] ? 1 : 0;
          }
        }
      }
      return o;
    };
  }
}

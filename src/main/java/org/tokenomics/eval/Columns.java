package org.tokenomics.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A plan of scalar cells evaluated for a block of samples at once: each cell is a column (one
 * value per sample), and each operation one loop over the samples, so the cost of walking the
 * plan and the node trees is paid once per block instead of once per sample, and the loops are
 * the kind the JIT unrolls. For Monte Carlo runs of models whose cells are all scalars (issue 17's
 * four-param model), where that walk costs more than the arithmetic.
 *
 * <p>Every sample's values are those of the per-sample evaluation, bit for bit: each operation is
 * the interpreter's own, applied to the same operands (the order across samples changes, never
 * the order within one). What this does not reproduce it reports instead of guessing: {@link
 * #run} returns false when any sample of the block meets a division by zero (even in a branch an
 * {@code if} does not take: both branches are computed) or a value that is not finite in a cell
 * that must be finite, and the caller evaluates that block sample by sample, errors and all.
 *
 * <p>Supported: constants, references, arithmetic, comparisons, {@code and}/{@code or}/{@code
 * not}, {@code if}, {@link Constant} and {@link Alias} cells, and cells the caller fills itself
 * (drawn params). {@link #of} returns null for anything else (a series, a time function, a goal
 * seek …), and the run stays per sample. One instance per thread: it owns its columns.
 */
public final class Columns {
  private final Program program;
  private final int[] order;
  private final Op[] ops;        // by position in order; null for a filled or constant cell
  private final double[][] cols; // by slot
  private final int size;

  private Columns(Program program, int[] order, Op[] ops, double[][] cols, int size) {
    this.program = program;
    this.order = order;
    this.ops = ops;
    this.cols = cols;
    this.size = size;
  }

  /**
   * The column form of {@code plan}, or null when a cell cannot be evaluated this way.
   *
   * @param program the program
   * @param plan    the cells to compute, in order (a complete plan of {@code program})
   * @param filled  the slots the caller fills before each {@link #run} (e.g. drawn params)
   * @param size    the most samples in a block
   * @return the column form, or null
   */
  public static Columns of(Program program, Program.Plan plan, Set<Integer> filled, int size) {
    if (!plan.complete()) {
      return null;
    }
    int[] order = plan.order();
    Op[] ops = new Op[order.length];
    double[][] cols = new double[program.size()][];
    for (int i = 0; i < order.length; i++) {
      Cell cell = program.cell(order[i]);
      if (cell.series()) {
        return null;
      }
      Computer c = cell.computer();
      if (filled.contains(cell.slot())) {
        cols[cell.slot()] = new double[size];
        ops[i] = Op.NONE; // only checked
      } else if (c instanceof Constant k) {
        double[] v = new double[size];
        Arrays.fill(v, k.value());
        cols[cell.slot()] = v;
      } else if (c instanceof Alias a && cols[a.slot()] != null) {
        cols[cell.slot()] = cols[a.slot()]; // the same values (checked again if this cell must be finite)
        ops[i] = Op.NONE;
      } else if (c instanceof NodeComputer nc && nc.kind() == NodeComputer.Kind.EACH) {
        Op op = op(nc.node(), cols, size);
        if (op == null) {
          return null;
        }
        cols[cell.slot()] = new double[size];
        ops[i] = op;
      } else {
        return null;
      }
    }
    return new Columns(program, order, ops, cols, size);
  }

  /**
   * The column of a slot: the caller writes a filled slot's values here before {@link #run}, and
   * reads any cell's values after it.
   *
   * @param slot a slot of the plan
   * @return its column (at least the block size long)
   */
  public double[] column(int slot) {
    return cols[slot];
  }

  /** The most samples of a block. */
  public int size() {
    return size;
  }

  /**
   * Computes every cell of the plan for samples {@code [0, n)}.
   *
   * @param n the samples of this block (at most {@link #size})
   * @return false when a sample met a division by zero or a value that must be finite is not: the
   *         block must then be evaluated sample by sample
   */
  public boolean run(int n) {
    for (int i = 0; i < order.length; i++) {
      Op op = ops[i];
      if (op == null) {
        continue;
      }
      int slot = order[i];
      double[] out = cols[slot];
      if (op != Op.NONE) {
        double[] v = op.eval(n);
        if (v == null) {
          return false;
        }
        if (v != out) {
          System.arraycopy(v, 0, out, 0, n);
        }
      }
      if (program.cell(slot).checkFinite()) {
        for (int k = 0; k < n; k++) {
          if (!Double.isFinite(out[k])) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** One node over a block: its values in an array it owns (or a column it reads), or null after a division by zero. */
  private abstract static class Op {
    static final Op NONE = new Op() {
      @Override
      double[] eval(int n) {
        return null;
      }
    };

    abstract double[] eval(int n);
  }

  private static Op op(Node node, double[][] cols, int size) {
    if (node instanceof Const k) {
      double[] v = new double[size];
      Arrays.fill(v, k.value);
      return new Op() {
        @Override
        double[] eval(int n) {
          return v;
        }
      };
    }
    if (node instanceof Ref.ScalarRef r) {
      double[][] c = cols;
      int slot = r.slot();
      if (c[slot] == null) {
        return null; // not a cell of the plan: never so for a complete plan
      }
      return new Op() {
        @Override
        double[] eval(int n) {
          return c[slot];
        }
      };
    }
    List<Op> in = new ArrayList<>();
    Node[] children;
    if (node instanceof Arith.Bin b) {
      children = new Node[] {b.a, b.b};
    } else if (node instanceof Arith.Neg g) {
      children = new Node[] {g.a};
    } else if (node instanceof Arith.Not t) {
      children = new Node[] {t.a};
    } else if (node instanceof Arith.If f) {
      children = new Node[] {f.c, f.a, f.b};
    } else {
      return null;
    }
    for (Node child : children) {
      Op o = op(child, cols, size);
      if (o == null) {
        return null;
      }
      in.add(o);
    }
    double[] out = new double[size];
    Op a = in.get(0);
    Op b = in.size() > 1 ? in.get(1) : null;
    // the commonest operations have loops of their own (a shared loop calling a lambda would
    // make that call megamorphic: no inlining, no unrolling)
    if (node instanceof Arith.Add) {
      return new Op() {
        @Override
        double[] eval(int n) {
          double[] x = a.eval(n);
          double[] y = x == null ? null : b.eval(n);
          if (y == null) {
            return null;
          }
          for (int k = 0; k < n; k++) {
            out[k] = x[k] + y[k];
          }
          return out;
        }
      };
    } else if (node instanceof Arith.Sub) {
      return new Op() {
        @Override
        double[] eval(int n) {
          double[] x = a.eval(n);
          double[] y = x == null ? null : b.eval(n);
          if (y == null) {
            return null;
          }
          for (int k = 0; k < n; k++) {
            out[k] = x[k] - y[k];
          }
          return out;
        }
      };
    } else if (node instanceof Arith.Mul) {
      return new Op() {
        @Override
        double[] eval(int n) {
          double[] x = a.eval(n);
          double[] y = x == null ? null : b.eval(n);
          if (y == null) {
            return null;
          }
          for (int k = 0; k < n; k++) {
            out[k] = x[k] * y[k];
          }
          return out;
        }
      };
    } else if (node instanceof Arith.Pow) {
      return bin(a, b, out, Math::pow);
    } else if (node instanceof Arith.And) {
      return bin(a, b, out, (x, y) -> x != 0 && y != 0 ? 1 : 0);
    } else if (node instanceof Arith.Or) {
      return bin(a, b, out, (x, y) -> x != 0 || y != 0 ? 1 : 0);
    } else if (node instanceof Arith.Cmp c) {
      return bin(a, b, out, (x, y) -> c.apply(null, 0, x, y));
    } else if (node instanceof Arith.Div) {
      return new Op() {
        @Override
        double[] eval(int n) {
          double[] x = a.eval(n);
          double[] y = x == null ? null : b.eval(n);
          if (y == null) {
            return null;
          }
          for (int k = 0; k < n; k++) {
            if (y[k] == 0) {
              return null; // the per-sample evaluation says where and why
            }
            out[k] = x[k] / y[k];
          }
          return out;
        }
      };
    } else if (node instanceof Arith.Neg) {
      return new Op() {
        @Override
        double[] eval(int n) {
          double[] x = a.eval(n);
          if (x == null) {
            return null;
          }
          for (int k = 0; k < n; k++) {
            out[k] = -x[k];
          }
          return out;
        }
      };
    } else if (node instanceof Arith.Not) {
      return new Op() {
        @Override
        double[] eval(int n) {
          double[] x = a.eval(n);
          if (x == null) {
            return null;
          }
          for (int k = 0; k < n; k++) {
            out[k] = x[k] != 0 ? 0 : 1;
          }
          return out;
        }
      };
    }
    Op e = in.get(2); // if c then a else b: in = {c, a, b}
    return new Op() {
      @Override
      double[] eval(int n) {
        double[] c = a.eval(n);
        double[] x = c == null ? null : b.eval(n);
        double[] y = x == null ? null : e.eval(n);
        if (y == null) {
          return null;
        }
        for (int k = 0; k < n; k++) {
          out[k] = c[k] != 0 ? x[k] : y[k];
        }
        return out;
      }
    };
  }

  private interface F2 {
    double apply(double x, double y);
  }

  private static Op bin(Op a, Op b, double[] out, F2 f) {
    return new Op() {
      @Override
      double[] eval(int n) {
        double[] x = a.eval(n);
        double[] y = x == null ? null : b.eval(n);
        if (y == null) {
          return null;
        }
        for (int k = 0; k < n; k++) {
          out[k] = f.apply(x[k], y[k]);
        }
        return out;
      }
    };
  }
}

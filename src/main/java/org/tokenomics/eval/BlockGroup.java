package org.tokenomics.eval;

import java.util.Arrays;

/**
 * A {@link BlockStage} of pointwise cells computed period by period: in each period every member's
 * column in plan order, so each reads its inputs' columns of that period (or, for a scalar group of
 * one cell, its one column). A member is a node cell ({@code out[p] = node(p)}), a running sum
 * ({@code out[p] = out[p-1] + node(p)}, from 0 as {@link NodeComputer} sums), or a cell whose
 * column is already there (an alias sharing its cell's, a drawn param) and is only checked and
 * written out.
 */
final class BlockGroup extends BlockStage {
  enum Kind { EACH, RUNNING_SUM, READY }

  /** One member: its columns, how they are made, whether they must be finite, its report columns. */
  record Member(int slot, Kind kind, BlockOp op, double[][] cols, boolean checkFinite, int[] sinks) {}

  private final Member[] members;
  private final int periods;

  BlockGroup(Member[] members, int periods) {
    this.members = members;
    this.periods = periods;
  }

  @Override
  boolean run(int n, double[][] out, int at) {
    for (int p = 0; p < periods; p++) {
      for (Member m : members) {
        double[] o = m.cols[p];
        if (m.kind == Kind.EACH) {
          double[] v = m.op.eval(p, n);
          if (v == null) {
            return false;
          }
          if (v != o) {
            System.arraycopy(v, 0, o, 0, n);
          }
        } else if (m.kind == Kind.RUNNING_SUM) {
          double[] v = m.op.eval(p, n); // never the cell's own column (BlockPlan)
          if (v == null) {
            return false;
          }
          if (p == 0) {
            for (int k = 0; k < n; k++) {
              o[k] = 0.0 + v[k]; // the interpreter's acc = 0; acc += v (so -0.0 becomes 0.0 as there)
            }
          } else {
            double[] before = m.cols[p - 1]; // the same array as o when no earlier period is kept
            for (int k = 0; k < n; k++) {
              o[k] = before[k] + v[k];
            }
          }
        }
        if (m.checkFinite && !finite(o, n)) {
          return false;
        }
        write(o, p, m.sinks, out, at, n);
      }
    }
    return true;
  }

  /** The members' slots, for tests. */
  int[] slots() {
    return Arrays.stream(members).mapToInt(Member::slot).toArray();
  }

  @Override
  public String toString() {
    return "group" + Arrays.toString(slots());
  }
}

package org.tokenomics.mc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tokenomics.eval.Cell;
import org.tokenomics.eval.EvalError;
import org.tokenomics.eval.Frame;
import org.tokenomics.eval.Program;

/**
 * The k + 2 evaluations of one Saltelli row ({@link Sobol}): f(B), f(A), then f(A with column i
 * from B) for each param i. The last k differ from A in one draw each, so after A the frame keeps
 * its values and only the cells that depend on param i (found once, from the program's
 * dependencies) are forgotten, recomputed with B's draw, and put back to A's arrays: the same
 * computations on the same inputs as a fresh evaluation, so the same values bit for bit, for a
 * fraction of the work when a param feeds only part of the model. A program with a goal seek
 * (which forgets and sets cells of its own) is evaluated afresh each time, as is a row after any
 * evaluation error.
 */
final class SobolRows {
  private final int slot;
  private final int k;
  /** Per param: the cells that depend on it, itself included; null: evaluate afresh. */
  private final int[][] affected;

  SobolRows(Program program, int slot, List<UncertainParam> params) {
    this.slot = slot;
    this.k = params.size();
    this.affected = incremental(program) ? dependents(program, params) : null;
  }

  /** Whether a row's evaluations may reuse A's values (no goal seek in the program). */
  private static boolean incremental(Program program) {
    for (int s = 0; s < program.size(); s++) {
      if (program.cell(s).computer() instanceof org.tokenomics.finance.GoalSeek) {
        return false;
      }
    }
    return true;
  }

  private static int[][] dependents(Program program, List<UncertainParam> params) {
    int n = program.size();
    List<List<Integer>> readers = new ArrayList<>(n);
    for (int s = 0; s < n; s++) {
      readers.add(new ArrayList<>());
    }
    for (int s = 0; s < n; s++) {
      Cell c = program.cell(s);
      for (int d : c.deps()) {
        readers.get(d).add(s);
      }
    }
    int[][] out = new int[params.size()][];
    for (UncertainParam p : params) {
      boolean[] seen = new boolean[n];
      ArrayDeque<Integer> todo = new ArrayDeque<>();
      todo.add(p.slot());
      seen[p.slot()] = true;
      int[] found = new int[16];
      int count = 0;
      while (!todo.isEmpty()) {
        int s = todo.poll();
        if (count == found.length) {
          found = Arrays.copyOf(found, count * 2);
        }
        found[count++] = s;
        for (int r : readers.get(s)) {
          if (!seen[r]) {
            seen[r] = true;
            todo.add(r);
          }
        }
      }
      out[p.index()] = Arrays.copyOf(found, count);
    }
    return out;
  }

  /**
   * Evaluates row {@code j}'s k + 2 values into {@code values[m][j]} (m = 0 A, 1 B, 2 + i A_B^i),
   * NaN where an evaluation failed; calls {@code failed} with m and the error for each failure.
   *
   * @param saved scratch of the program's size, for A's arrays
   */
  void evaluate(Frame f, double[] a, double[] b, double[][] values, int j, double[][] saved, Failure failed) {
    System.arraycopy(b, 0, f.draws, 0, k);
    values[1][j] = fresh(f, 1, failed);
    System.arraycopy(a, 0, f.draws, 0, k);
    double fa = fresh(f, 0, failed);
    values[0][j] = fa;
    boolean reuse = affected != null && !Double.isNaN(fa);
    for (int i = 0; i < k; i++) {
      int m = i + 2;
      if (!reuse) {
        System.arraycopy(a, 0, f.draws, 0, k);
        f.draws[i] = b[i];
        values[m][j] = fresh(f, m, failed);
        continue;
      }
      int[] cells = affected[i];
      for (int s : cells) {
        saved[s] = f.isComputed(s) ? f.values(s) : null; // A's arrays: a computation never writes into them
      }
      f.draws[i] = b[i];
      f.forget(cells);
      boolean ok = true;
      try {
        values[m][j] = f.values(slot)[0];
      } catch (EvalError e) {
        failed.at(m, e);
        values[m][j] = Double.NaN;
        ok = false;
      }
      f.draws[i] = a[i];
      if (ok) {
        f.forget(cells);
        for (int s : cells) {
          if (saved[s] != null) {
            f.set(s, saved[s]);
          }
        }
      } else {
        fresh(f, 0, failed); // a failure leaves cells half-done: start A again (it evaluated before)
      }
    }
  }

  /** An evaluation error of evaluation m of the row. */
  @FunctionalInterface
  interface Failure {
    void at(int m, EvalError e);
  }

  private double fresh(Frame f, int m, Failure failed) {
    f.reset();
    try {
      return f.values(slot)[0];
    } catch (EvalError e) {
      failed.at(m, e);
      return Double.NaN;
    }
  }
}

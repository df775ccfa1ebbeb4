package org.tokenomics.eval;

import java.util.ArrayDeque;
import java.util.Deque;
import org.tokenomics.diag.Code;
import org.tokenomics.time.Timeline;

/**
 * The values of one evaluation. Cells are computed on demand, dependencies first, with an
 * explicit stack (no recursion that grows with the model). A frame belongs to one thread.
 */
public final class Frame {
  final Program program;
  public final Timeline timeline;
  public final double[][] slots;
  private final byte[] state; // 0 not computed, 1 in progress, 2 done, 3 failed
  /** The error of each failed slot (state 3), so that every reader sees the same error. */
  private final EvalError[] failed;
  /** Draws for distribution params under Monte Carlo; null in a deterministic run. */
  public double[] draws;

  Frame(Program program) {
    this.program = program;
    this.timeline = program.timeline();
    this.slots = new double[program.size()][];
    this.state = new byte[program.size()];
    this.failed = new EvalError[program.size()];
  }

  /** Forgets every computed value, so the frame can evaluate again (e.g. the next sample). */
  public void reset() {
    java.util.Arrays.fill(state, (byte) 0);
    java.util.Arrays.fill(failed, null);
  }

  public Program program() {
    return program;
  }

  /** Sets a slot's value directly (used by goal seek and Monte Carlo) and marks it computed. */
  public void set(int slot, double[] values) {
    slots[slot] = values;
    state[slot] = 2;
  }

  /** Forgets computed values of the given slots so they are computed again. */
  public void forget(int[] slotsToForget) {
    for (int s : slotsToForget) {
      state[s] = 0;
    }
  }

  public boolean isComputed(int slot) {
    return state[slot] == 2;
  }

  /** The values of a slot, computing it (and what it needs) first. */
  public double[] values(int slot) {
    if (state[slot] != 2) {
      ensure(slot);
    }
    return slots[slot];
  }

  private void ensure(int root) {
    Deque<Integer> stack = new ArrayDeque<>();
    try {
      walk(root, stack);
    } catch (EvalError e) {
      // Cells left half-done are not a cycle: forget them so the next read meets the error again.
      for (int s : stack) {
        if (state[s] == 1) {
          state[s] = 0;
        }
      }
      throw e;
    }
  }

  private void walk(int root, Deque<Integer> stack) {
    stack.push(root);
    while (!stack.isEmpty()) {
      int s = stack.peek();
      if (state[s] == 2) {
        stack.pop();
        continue;
      }
      Cell cell = program.cell(s);
      boolean ready = true;
      if (state[s] == 3) {
        throw failed[s];
      }
      for (int d : cell.deps()) {
        if (state[d] != 2) {
          if (state[d] == 3) {
            throw failed[d];
          }
          if (state[d] == 1) {
            throw new EvalError(Code.TOK400, cell.span(), "cycle through " + program.cell(d).name()
                + " (introduced by an override)");
          }
          ready = false;
          stack.push(d);
        }
      }
      state[s] = 1;
      if (ready) {
        stack.pop();
        try {
          compute(cell);
        } catch (EvalError e) {
          failed[s] = e;
          state[s] = 3;
          throw e;
        }
      }
    }
  }

  private void compute(Cell cell) {
    double[] out = new double[cell.series() ? timeline.size() : 1];
    try {
      cell.computer().compute(this, out);
    } catch (EvalError e) {
      // An error inside a library default (the prelude) is shown at the user's instance.
      if (e.span() != null && cell.span() != null && !e.span().file().equals(cell.span().file())
          && e.span().file().contains(":")) {
        throw new EvalError(e.code(), cell.span(), cell.name() + ": " + e.getMessage(), e.help());
      }
      throw e;
    }
    if (cell.checkFinite()) {
      for (int p = 0; p < out.length; p++) {
        if (!Double.isFinite(out[p])) {
          String where = cell.series() ? " in period " + timeline.label(p) : "";
          throw new EvalError(Code.TOK500, cell.span(), cell.name() + " is "
              + (Double.isNaN(out[p]) ? "not a number (NaN)" : "infinite") + where,
              "check for a division by zero, a logarithm of a non-positive number, or an overflow");
        }
      }
    }
    slots[cell.slot()] = out;
    state[cell.slot()] = 2;
  }
}

package org.tokenomics.eval;

import org.tokenomics.diag.Code;
import org.tokenomics.time.Timeline;

/**
 * The values of one evaluation. Cells are computed on demand, dependencies first, with an
 * explicit stack (no recursion that grows with the model). A frame belongs to one thread.
 *
 * <p>A run that reads several roots (every report and assertion) can first {@link #run} the
 * program's precomputed {@link Program.Plan plan}: the same cells in the same order as the walks
 * would compute them, without walking.
 */
public final class Frame {
  final Program program;
  public final Timeline timeline;
  public final double[][] slots;
  private final byte[] state; // 0 not computed, 1 in progress, 2 done, 3 failed
  /**
   * The error of each failed slot (state 3), so that every reader sees the same error; made at the
   * first error (most evaluations meet none, and a family's frame has thousands of slots).
   */
  private EvalError[] failed;
  /**
   * The walk's stack of slots (shared by nested walks, each above the one it interrupts); made on
   * the first walk, as a run of a plan walks nothing.
   */
  private int[] stack = NO_SLOTS;
  private static final int[] NO_SLOTS = {};
  private int top;
  /** Set once anything but {@link #run} changed the state since the last reset. */
  private boolean touched;
  /** With {@link #recycleArrays}: the previous evaluation's arrays, by slot, to compute into. */
  private double[][] spare;
  /** Draws for distribution params under Monte Carlo; null in a deterministic run. */
  public double[] draws;
  /**
   * The Monte Carlo sample this frame evaluates and its seed, from which price paths draw one
   * value per period (LANGUAGE.md §18); −1 outside a Monte Carlo run (paths then follow the
   * quantile path of their entry in {@link #draws}: the median, or a tornado's end).
   */
  public long sample = -1;
  public long seed;
  /** The logarithms of the bases this frame's {@code grow}s raised to a power; made by the first one. */
  public LogCache logs;
  /**
   * Set by generated code ({@link Codegen}) at the end of a cell's loop when it found every value
   * finite, so {@link #compute} need not look at them again; read and cleared right after the
   * computer returns (a cell computed inside another one's computation clears it first).
   */
  boolean finite;

  Frame(Program program) {
    this.program = program;
    this.timeline = program.timeline();
    this.slots = new double[program.size()][];
    this.state = new byte[program.size()];
  }

  /** Forgets every computed value, so the frame can evaluate again (e.g. the next sample). */
  public void reset() {
    if (spare != null) {
      for (int s = 0; s < state.length; s++) {
        if (state[s] == 2 && (pinned == null || slots[s] != pinned[s])) {
          spare[s] = slots[s];
        }
      }
    }
    java.util.Arrays.fill(state, (byte) 0);
    shownBounds = null;
    if (failed != null) {
      java.util.Arrays.fill(failed, null);
    }
    touched = false;
    if (pinned != null) {
      for (int s : pinnedSlots) {
        slots[s] = pinned[s];
        state[s] = 2;
      }
    }
  }

  /** With {@link #pin}: the kept value of each pinned slot, by slot (null elsewhere). */
  private double[][] pinned;
  private int[] pinnedSlots;

  /**
   * Keeps the current values of {@code keep} (slots computed now) across every later {@link
   * #reset}: for cells whose value is the same in every evaluation of this frame, e.g. the cells of
   * a Monte Carlo run that depend on no drawn param, computed once instead of once per sample.
   * Their arrays are never recycled or written. Slots not computed now are left out.
   *
   * @param keep the slots to keep
   */
  public void pin(int[] keep) {
    pinned = new double[slots.length][];
    pinnedSlots = java.util.Arrays.stream(keep).filter(s -> state[s] == 2).toArray();
    for (int s : pinnedSlots) {
      pinned[s] = slots[s];
    }
  }

  /**
   * From now on {@link #reset} keeps the computed arrays and the next evaluation computes into
   * them, instead of allocating: for callers that copy values out before resetting (Monte Carlo).
   */
  public void recycleArrays() {
    spare = new double[slots.length][];
  }

  /**
   * Computes the cells of {@code plan} in order, on a frame fresh from creation or {@link #reset}.
   * Stops at the first error, or after a cell changed the frame behind the plan (a goal seek
   * forgets and sets cells); returns whether every cell was computed. Either way the caller then
   * reads each root with {@link #values}, which computes what is left and meets any error exactly
   * as if the plan had not run: the plan is the order in which those calls would compute.
   */
  public boolean run(Program.Plan plan) {
    if (touched || plan.program() != program) {
      return false;
    }
    // A frame with pinned cells (Monte Carlo's draw-independent cells, computed once) runs the
    // plan cell by cell: a fused group would compute its pinned members again every time, and
    // measured on the 60-month model that costs more than fusion saves (3.91–3.98 s unfused against
    // 4.35–4.53 s fused, 10^6 samples, same checksum).
    Fusion.Step[] steps = plan.fusion() == null || pinned != null ? null : plan.fusion().steps(plan);
    if (steps == null) {
      for (int s : plan.order()) {
        if (!runCell(s)) {
          return false;
        }
      }
    } else {
      for (Fusion.Step step : steps) {
        if (step.shares() >= 0 && share(step.slot(), step.shares())) {
          continue;
        }
        if (!(step.group() == null ? runCell(step.slot()) : runGroup(step.group()))) {
          return false;
        }
      }
      shownBounds = plan.fusion().bounds(); // every group ran to its end: its bounds hold
    }
    return plan.complete();
  }

  /**
   * Gives {@code slot} (another name for {@code shared}, {@link Fusion.Step#shares}: of the same
   * shape) the array of {@code shared}, as computing it would; false when {@code shared} has none yet.
   */
  private boolean share(int slot, int shared) {
    double[] v = slots[shared];
    if (state[shared] != 2 || v == null) {
      return false;
    }
    slots[slot] = v;
    state[slot] = 2;
    return true;
  }

  /** With a fused plan run to its end: the bounds of the values its groups computed, by slot. */
  private double[] shownBounds;

  /**
   * The largest magnitude of a computed cell's values as far as the code that computed it proved it
   * ({@link ShownBounds}), so that showing them needs no look at each: NaN when not known.
   *
   * @param slot a computed cell
   * @return a bound on the magnitude of every value of the cell, or NaN
   */
  public double bound(int slot) {
    return shownBounds == null || touched ? Double.NaN : shownBounds[slot];
  }

  /** One cell of a plan; false when the run must stop. */
  private boolean runCell(int s) {
    if (state[s] == 2) {
      return true;
    }
    state[s] = 1;
    try {
      compute(program.cell(s));
    } catch (EvalError e) {
      fail(s, e);
      return false;
    }
    return !touched;
  }

  /**
   * A fused group of a plan ({@link Fusion}): its kept members' arrays, computed in one loop. On an
   * error or a value that is not finite nothing of it is kept and the run stops: the reads that
   * follow compute its members one by one and meet the error as the interpreter does.
   */
  private boolean runGroup(FusedStep.Compiled g) {
    int n = timeline.size();
    int[] kept = g.kept();
    for (int s : g.uninstalled()) {
      slots[s] = null; // a read computes its recurrence again (compute)
    }
    double[][] arrays = new double[kept.length][];
    for (int i = 0; i < kept.length; i++) {
      double[] a = spare == null ? null : spare[kept[i]];
      if (a == null || a.length != n) {
        a = new double[n];
      } else {
        spare[kept[i]] = null;
      }
      arrays[i] = a;
    }
    try {
      if (!g.code().run(this, arrays)) {
        return false;
      }
    } catch (EvalError e) {
      return false;
    }
    for (int i = 0; i < kept.length; i++) {
      slots[kept[i]] = arrays[i];
      state[kept[i]] = 2;
    }
    return !touched;
  }

  public Program program() {
    return program;
  }

  /** Sets a slot's value directly (used by goal seek and Monte Carlo) and marks it computed. */
  public void set(int slot, double[] values) {
    slots[slot] = values;
    state[slot] = 2;
    touched = true;
  }

  /** Forgets computed values of the given slots so they are computed again. */
  public void forget(int[] slotsToForget) {
    touched = true;
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
    touched = true;
    int base = top;
    try {
      walk(root, base);
    } catch (EvalError e) {
      // Cells left half-done are not a cycle: forget them so the next read meets the error again.
      for (int i = base; i < top; i++) {
        int s = stack[i];
        if (state[s] == 1) {
          state[s] = 0;
        }
      }
      throw e;
    } finally {
      top = base;
    }
  }

  /**
   * Computes {@code root} and what it needs, depth first, with the frame's own stack above
   * {@code base} (a goal seek walks again from inside a cell's computation, above the outer walk).
   */
  private void walk(int root, int base) {
    push(root);
    while (top > base) {
      int s = stack[top - 1];
      if (state[s] == 2) {
        top--;
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
          push(d);
        }
      }
      state[s] = 1;
      if (ready) {
        top--;
        try {
          compute(cell);
        } catch (EvalError e) {
          fail(s, e);
          throw e;
        }
      }
    }
  }

  /** Records the error of a slot. */
  private void fail(int slot, EvalError e) {
    if (failed == null) {
      failed = new EvalError[state.length];
    }
    failed[slot] = e;
    state[slot] = 3;
  }

  private void push(int slot) {
    if (top == stack.length) {
      stack = java.util.Arrays.copyOf(stack, Math.max(16, stack.length * 2));
    }
    stack[top++] = slot;
  }

  private void compute(Cell cell) {
    int n = cell.series() ? timeline.size() : 1;
    if (cell.computer() instanceof Constant k && n == 1) {
      slots[cell.slot()] = k.scalar();
      state[cell.slot()] = 2;
      return;
    }
    if (cell.computer() instanceof Adopt a) {
      // A recurrence member: its group's leader (a dependency, so computed just before) installed
      // it, unless a fused group computed the recurrence and kept no array for it (runGroup): then
      // the leader's computer computes the recurrence again and installs every member.
      if (slots[cell.slot()] == null) {
        program.cell(a.leader()).computer().compute(this, new double[timeline.size()]);
        finite = false;
      }
      state[cell.slot()] = 2;
      return;
    }
    if (cell.computer() instanceof Alias a && slots[a.slot()].length == n) {
      double[] shared = slots[a.slot()];
      if (cell.checkFinite() && !program.cell(a.slot()).checkFinite() && !Computer.allFinite(shared)) {
        throw notFinite(cell, shared);
      }
      slots[cell.slot()] = shared;
      state[cell.slot()] = 2;
      return;
    }
    double[] out = null;
    if (spare != null && cell.computer() instanceof NodeComputer) {
      out = spare[cell.slot()];
      spare[cell.slot()] = null;
    }
    if (out == null || out.length != n) {
      out = new double[n];
    }
    finite = false;
    try {
      cell.computer().compute(this, out);
    } catch (EvalError e) {
      finite = false;
      // An error inside a library default (the prelude) is shown at the user's instance.
      if (e.span() != null && cell.span() != null && !e.span().file().equals(cell.span().file())
          && e.span().file().contains(":")) {
        throw new EvalError(e.code(), cell.span(), cell.name() + ": " + e.getMessage(), e.help());
      }
      throw e;
    }
    boolean checked = finite;
    finite = false;
    if (cell.checkFinite() && !checked && !Computer.allFinite(out)) {
      throw notFinite(cell, out);
    }
    slots[cell.slot()] = out;
    state[cell.slot()] = 2;
  }

  /** TOK500 at the cell for its first value that is NaN or infinite. */
  private EvalError notFinite(Cell cell, double[] out) {
    int p = 0;
    while (Double.isFinite(out[p])) {
      p++;
    }
    String where = cell.series() ? " in period " + timeline.label(p) : "";
    return new EvalError(Code.TOK500, cell.span(), cell.name() + " is "
        + (Double.isNaN(out[p]) ? "not a number (NaN)" : "infinite") + where,
        "check for a division by zero, a logarithm of a non-positive number, or an overflow");
  }
}

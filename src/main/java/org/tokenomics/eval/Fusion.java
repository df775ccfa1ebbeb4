package org.tokenomics.eval;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fused form of a {@link Program.Plan}: runs of pointwise series cells computed together in one
 * generated loop over the periods ({@link FusedStep}), so that a value flows from one cell to the
 * next in a local instead of through an array, and a cell's array is written only when something
 * outside its group reads it. Made once the plan has run {@link NodeComputer#COMPILE_AFTER} times
 * (never when that is negative), like a cell's generated code.
 *
 * <p>{@link FusionSchedule} plans which cells fuse into which groups (and the {@code total(…)}s of
 * {@link FusedTotals}); this class compiles that schedule into steps, splits a group whose loop would be
 * too large for the JIT, and drops the constants no step reads. A plan with a cell that changes the frame
 * (a goal seek) is not fused: what is computed after such a cell depends on being after it.
 */
final class Fusion {
  /**
   * One step of the fused plan: a cell, or a group ({@code group} non-null). A cell that is another
   * name for a cell computed before it ({@link Alias}: {@code report revenue as $M}, with nothing to
   * check that the other has not) has {@code shares} that cell's slot: the frame gives it the same
   * array without computing anything (else −1).
   */
  record Step(int slot, FusedStep.Compiled group, int shares) {
    Step(int slot, FusedStep.Compiled group) {
      this(slot, group, -1);
    }
  }

  private int runs; // racy on purpose, as NodeComputer's: a lost increment only delays fusion
  private volatile Step[] steps;

  /** The fused steps of {@code plan}, or null while it is not hot yet. */
  Step[] steps(Program.Plan plan) {
    Step[] s = steps;
    if (s != null) {
      return s;
    }
    if (NodeComputer.COMPILE_AFTER < 0 || runs++ < NodeComputer.COMPILE_AFTER) {
      return null;
    }
    return fuse(plan);
  }

  /** True once the fused steps are made: every later run of the plan uses them. */
  boolean isFused() {
    return steps != null;
  }

  /** Makes the fused steps now, whatever the count (for tests). */
  synchronized Step[] fuse(Program.Plan plan) {
    if (steps == null) {
      Step[] made = build(plan);
      bounds = ShownBounds.ofPlan(plan, made); // before steps: a frame that sees steps sees bounds
      steps = made;
    }
    return steps;
  }

  /**
   * The largest magnitude of each cell's values when a frame computed it with the fused steps
   * ({@link ShownBounds}), by slot: NaN when unknown. Read once {@link #steps} returned steps.
   */
  double[] bounds() {
    return bounds;
  }

  private volatile double[] bounds;


  private static Step[] build(Program.Plan plan) {
    Program program = plan.program();
    for (int s : plan.order()) {
      if (program.cell(s).computer().changesFrame()) {
        // a goal seek: what is computed after it sees the cells it changed, so nothing moves
        return java.util.Arrays.stream(plan.order()).mapToObj(slot -> new Step(slot, null)).toArray(Step[]::new);
      }
    }
    FusedTotals totals = FusedTotals.of(plan);
    return steps(program, plan, FusionSchedule.of(plan, totals), totals);
  }

  /**
   * The steps, each group compiled with the members read from outside it kept; a group whose loop
   * would be too large for the JIT is split in two (which may keep more arrays) and all are made again.
   */
  @SuppressWarnings("unchecked")
  private static Step[] steps(Program program, Program.Plan plan, List<Object> schedule, FusedTotals totals) {
    for (;;) {
      Set<Integer> keep = keep(program, plan, schedule);
      List<Step> out = new ArrayList<>();
      boolean split = false;
      for (int i = 0; i < schedule.size() && !split; i++) {
        if (schedule.get(i) instanceof Integer s) {
          FusedStep.Compiled total = totals.steps().get(s);
          out.add(total == null ? new Step(s, null) : new Step(-1, total));
          continue;
        }
        List<Integer> group = (List<Integer>) schedule.get(i);
        FusedStep.Compiled compiled = null;
        boolean tooLarge = false;
        if (group.size() > 1 || program.cell(group.get(0)).computer() instanceof Recurrence) {
          try {
            compiled = FusedStep.define(program, group.stream().mapToInt(Integer::intValue).toArray(), keep,
                ShownBounds.shown(plan));
            tooLarge = compiled == null;
          } catch (RuntimeException | LinkageError | ReflectiveOperationException e) {
            Codegen.refused(group, e);
          }
        }
        if (tooLarge && group.size() > 1) {
          schedule.set(i, group.subList(0, group.size() / 2));
          schedule.add(i + 1, group.subList(group.size() / 2, group.size()));
          split = true;
        } else if (compiled == null) {
          for (int s : group) { // a recurrence's leader, then the members it installs
            out.add(new Step(s, null));
            if (program.cell(s).computer() instanceof Recurrence r) {
              for (Recurrence.Member m : r.members()) {
                if (m.slot() != s) {
                  out.add(new Step(m.slot(), null));
                }
              }
            }
          }
        } else {
          out.add(new Step(-1, compiled));
        }
      }
      if (!split) {
        return withoutConstants(program, plan, out);
      }
    }
  }

  /**
   * The steps less the {@link Constant} scalar cells no step reads from the frame (the groups' code
   * has their values as constants): a family's thousands of params cost nothing per evaluation. A
   * read on demand later computes such a cell as usual.
   */
  private static Step[] withoutConstants(Program program, Program.Plan plan, List<Step> steps) {
    Set<Integer> read = new HashSet<>();
    for (int r : plan.roots()) {
      read.add(r);
    }
    for (Step s : steps) {
      if (s.group() == null) {
        for (int d : program.cell(s.slot()).deps()) {
          read.add(d);
        }
      } else {
        for (Node n : s.group().nodes()) { // cells read by nodes the code calls as a whole, or by prev
          readByWhole(n, read);
        }
      }
    }
    List<Step> out = new ArrayList<>();
    Set<Integer> computed = new HashSet<>();
    for (Step s : steps) {
      Cell c = s.group() == null ? program.cell(s.slot()) : null;
      if (c == null || !(c.computer() instanceof Constant) || c.series() || read.contains(s.slot())) {
        out.add(c != null && c.computer() instanceof Alias a && computed.contains(a.slot())
            && program.cell(a.slot()).series() == c.series()
            && (!c.checkFinite() || program.cell(a.slot()).checkFinite()) ? new Step(s.slot(), null, a.slot()) : s);
        if (c != null) {
          computed.add(s.slot());
        } else {
          for (int k : s.group().kept()) {
            computed.add(k);
          }
        }
      }
    }
    return out.toArray(Step[]::new);
  }

  /** Adds the cells a node reads other than as a scalar inlined by the code generator. */
  private static void readByWhole(Node n, Set<Integer> read) {
    Node[] inputs = Inlined.inputs(n);
    if (n instanceof Prev x) {
      read.add(x.slot());
    } else if (n instanceof Ref.SeriesRef r) {
      read.add(r.slot());
    }
    if (inputs == null) {
      ArrayDeque<Node> todo = new ArrayDeque<>();
      todo.push(n);
      while (!todo.isEmpty()) {
        Node w = todo.pop();
        if (w instanceof Ref r) {
          read.add(r.slot());
        } else if (w instanceof Prev x) {
          read.add(x.slot());
        }
        for (Node in : w.children()) {
          todo.push(in);
        }
      }
      return;
    }
    for (Node in : inputs) {
      readByWhole(in, read);
    }
  }

  /** The members of the schedule's groups that are roots or read from outside their group. */
  private static Set<Integer> keep(Program program, Program.Plan plan, List<Object> schedule) {
    Map<Integer, Integer> groupOf = new HashMap<>();
    for (int g = 0; g < schedule.size(); g++) {
      if (schedule.get(g) instanceof List<?> l) {
        for (Object s : l) {
          groupOf.put((Integer) s, g);
          if (program.cell((Integer) s).computer() instanceof Recurrence r) {
            for (Recurrence.Member m : r.members()) {
              groupOf.put(m.slot(), g);
            }
          }
        }
      }
    }
    Set<Integer> keep = new HashSet<>();
    for (int r : plan.roots()) {
      keep.add(r);
    }
    for (int s : plan.order()) {
      Integer own = groupOf.get(s);
      for (int d : program.cell(s).deps()) {
        Integer g = groupOf.get(d);
        if (g != null && !g.equals(own)) {
          keep.add(d);
        }
      }
    }
    return keep;
  }
}

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
 * <p>A group is built walking the plan in order: a pointwise cell (a {@link NodeComputer} of kind
 * {@code EACH} with a series) joins the open group; any other cell that reads no member is computed
 * before the group, one that reads a member (or such a cell) after it, and a pointwise cell that reads
 * one of those closes the group. A plan with a cell that changes the frame (a goal seek) is not fused:
 * what is computed after such a cell depends on being after it. A cell whose node calls a node as a whole
 * ({@code node.eval(f, p)}) that reads a member also closes it, since such a node reads the
 * member's array from the frame. A recurrence's leader ({@link Recurrence}) joins a group as a
 * pointwise cell would, bringing its members (computed at its place, in its order; their
 * {@link Adopt} cells are then no steps of their own), unless one of its nodes calls a node as a
 * whole that reads a member. Groups have at most {@link #MAX_NODES} nodes. The cells of a
 * group are computed in plan order within each period, so every member sees its inputs' values of
 * that period, as it would computing cell by cell; the order of the plan is only a schedule, and a
 * frame that meets an error or a value that is not finite in a group stops its run there and
 * computes what it reads cell by cell ({@link Frame#run}), with the interpreter's errors.
 *
 * <p>A pointwise cell that reads {@code total(…)}s over members of one shape is a step of its own
 * ({@link FusedTotals}): one loop over the periods and the members ({@link TotalStep}) that computes
 * the members' own cells too, which then leave the plan; a cell that reads one of those is scheduled
 * as reading the step's cell.
 */
final class Fusion {
  /** The most nodes of one group: its loop must stay small enough for the JIT. */
  static final int MAX_NODES = Integer.getInteger("tok.fusion.nodes", 1000);

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
    List<Object> schedule = new ArrayList<>(); // Integer (a cell) or List<Integer> (a group)
    List<Integer> group = new ArrayList<>();
    Set<Integer> members = new HashSet<>();
    List<Integer> after = new ArrayList<>(); // cells that read the open group: computed after it
    Set<Integer> afterSet = new HashSet<>();
    Set<Integer> absorbed = new HashSet<>(); // members of recurrences in groups, but their leaders
    int nodes = 0;
    FusedTotals totals = FusedTotals.of(plan);
    for (int s : plan.order()) {
      if (totals.absorbed().containsKey(s)) {
        continue; // a member's own cell, computed by the step of the cell that totals it
      }
      Cell c = program.cell(s);
      if (absorbed.contains(s)) {
        continue; // computed by its recurrence's group
      }
      int[] deps = totals.deps().getOrDefault(s, c.deps()).clone();
      for (int i = 0; i < deps.length; i++) {
        deps[i] = totals.absorbed().getOrDefault(deps[i], deps[i]); // an own cell is its step's
      }
      int size = totals.steps().containsKey(s) ? -1 : fusible(c) ? size(c) : recurrenceSize(program, c);
      if (size >= 0 && size <= MAX_NODES) {
        if (!group.isEmpty() && (nodes + size > MAX_NODES || readsWhole(c, members) || reads(deps, afterSet))) {
          close(schedule, group, after);
          members.clear();
          afterSet.clear();
          nodes = 0;
        }
        group.add(s);
        members.add(s);
        if (c.computer() instanceof Recurrence r) {
          for (Recurrence.Member m : r.members()) {
            members.add(m.slot());
            absorbed.add(m.slot());
          }
        }
        nodes += size;
      } else if (reads(deps, members) || reads(deps, afterSet)) {
        after.add(s); // e.g. a report that is another name for a member
        afterSet.add(s);
      } else {
        schedule.add(s); // before the open group: it reads none of its members
      }
    }
    close(schedule, group, after);
    return steps(program, plan, schedule, totals);
  }

  /** Appends the open group, then the cells that read it, and empties both. */
  private static void close(List<Object> schedule, List<Integer> group, List<Integer> after) {
    if (!group.isEmpty()) {
      schedule.add(List.copyOf(group));
    }
    schedule.addAll(after);
    group.clear();
    after.clear();
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

  /** A pointwise series cell: its node in each period, nothing carried across periods. */
  static boolean fusible(Cell c) {
    return c.series() && c.computer() instanceof NodeComputer nc && nc.kind() == NodeComputer.Kind.EACH;
  }

  /**
   * The nodes of a recurrence's members when its leader {@code c} can be computed inside a group:
   * its members are its {@link Adopt}ers in this program, and no node the code calls as a whole
   * reads one of them (such a node reads the frame's arrays, which a group installs only at its
   * end); else -1.
   */
  private static int recurrenceSize(Program program, Cell c) {
    if (!c.series() || !(c.computer() instanceof Recurrence r)) {
      return -1;
    }
    Set<Integer> own = new HashSet<>();
    for (Recurrence.Member m : r.members()) {
      own.add(m.slot());
      Computer mc = program.cell(m.slot()).computer();
      if (m.slot() != c.slot() && !(mc instanceof Adopt a && a.leader() == c.slot())) {
        return -1;
      }
    }
    NodeEmitter counter = new NodeEmitter(null, 0);
    for (Recurrence.Member m : r.members()) {
      if (readsWhole(m.node(), own)) {
        return -1;
      }
      counter.collect(m.node());
    }
    return counter.nodes();
  }

  /** The nodes the generated code emits for the cell. */
  private static int size(Cell c) {
    NodeEmitter counter = new NodeEmitter(null, 0);
    counter.collect(((NodeComputer) c.computer()).node());
    return counter.nodes();
  }

  private static boolean reads(int[] deps, Set<Integer> members) {
    for (int d : deps) {
      if (members.contains(d)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a node the generated code calls as a whole reads a member (from its array in the frame),
   * in the cell's node or in any of its recurrence's members'.
   */
  private static boolean readsWhole(Cell c, Set<Integer> members) {
    if (c.computer() instanceof Recurrence r) {
      for (Recurrence.Member m : r.members()) {
        if (readsWhole(m.node(), members)) {
          return true;
        }
      }
      return false;
    }
    return readsWhole(((NodeComputer) c.computer()).node(), members);
  }

  private static boolean readsWhole(Node root, Set<Integer> members) {
    ArrayDeque<Node> todo = new ArrayDeque<>();
    ArrayDeque<Node> whole = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      Node n = todo.pop();
      Node[] inputs = Inlined.inputs(n);
      if (inputs == null) {
        whole.push(n);
      } else {
        for (Node in : inputs) {
          todo.push(in);
        }
      }
    }
    while (!whole.isEmpty()) {
      Node n = whole.pop();
      if (n instanceof Ref r && members.contains(r.slot()) || n instanceof Prev x && members.contains(x.slot())) {
        return true;
      }
      for (Node in : n.children()) {
        whole.push(in);
      }
    }
    return false;
  }
}

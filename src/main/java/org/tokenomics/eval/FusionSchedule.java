package org.tokenomics.eval;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The planning half of {@link Fusion}: which cells of a {@link Program.Plan} fuse into which groups,
 * as a schedule of cells (an {@code Integer}) and groups (a {@code List<Integer>}, in plan order)
 * that {@link Fusion} then compiles into steps. Made once per plan.
 *
 * <p>A group is built walking the plan in order: a pointwise cell (a {@link NodeComputer} of kind
 * {@code EACH} with a series) joins the open group; any other cell that reads no member is computed
 * before the group, one that reads a member (or such a cell) after it, and a pointwise cell that reads
 * one of those closes the group. A cell whose node calls a node as a whole ({@code node.eval(f, p)})
 * that reads a member also closes it, since such a node reads the member's array from the frame. A recurrence's leader ({@link Recurrence}) joins a group as a
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
final class FusionSchedule {
  /** The most nodes of one group: its loop must stay small enough for the JIT. */
  static final int MAX_NODES = Integer.getInteger("tok.fusion.nodes", 1000);

  private FusionSchedule() {}

  /**
   * The schedule of {@code plan}, whose cells that read totals are {@code totals}' steps: cells, and
   * groups of at least one cell. {@link Fusion} may split a group later (its loop too large for the JIT).
   */
  static List<Object> of(Program.Plan plan, FusedTotals totals) {
    Program program = plan.program();
    List<Object> schedule = new ArrayList<>(); // Integer (a cell) or List<Integer> (a group)
    List<Integer> group = new ArrayList<>();
    Set<Integer> members = new HashSet<>();
    List<Integer> after = new ArrayList<>(); // cells that read the open group: computed after it
    Set<Integer> afterSet = new HashSet<>();
    Set<Integer> absorbed = new HashSet<>(); // members of recurrences in groups, but their leaders
    int nodes = 0;
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
    return schedule;
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

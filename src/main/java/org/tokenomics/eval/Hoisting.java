package org.tokenomics.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which calls a fused loop ({@link FusedStep}) makes first in each period: the {@link Strict} nodes
 * ({@code grow}, {@code halving}, {@code ramp}, math functions …) whose inputs are known when the
 * period starts (constants, scalars, built-in series, arrays of cells computed before the loop),
 * taken from where every period evaluates them (not a branch of an {@code if}, {@code and},
 * {@code or}). A call clobbers every floating-point register, so a value live across it is stored
 * and loaded again; made first, the calls leave the rest of the period free of them, its values in
 * registers. The call and its inputs are the same, so the value is the same bit for bit; a node
 * that fails (a non-positive interval) fails the loop, which the frame then computes cell by cell,
 * meeting the interpreter's error where the interpreter meets it.
 */
final class Hoisting {
  private Hoisting() {}

  /**
   * The nodes to compute at the start of each period, in the order the members first reach them.
   *
   * @param nodes   the members' nodes, in the loop's order
   * @param members the slots computed in the loop (their values are not known at the period's start)
   * @return the nodes, each once
   */
  static List<Node> of(Node[] nodes, Set<Integer> members) {
    Map<Node, Boolean> found = new IdentityHashMap<>();
    List<Node> out = new ArrayList<>();
    for (Node n : nodes) {
      visit(n, members, found, out);
    }
    return Collections.unmodifiableList(out);
  }

  /** Walks the positions every period evaluates (not an if's branches, nor the second operand of and/or). */
  private static void visit(Node n, Set<Integer> members, Map<Node, Boolean> found, List<Node> out) {
    if (found.containsKey(n)) {
      return;
    }
    if (call(n) && early(n, members)) {
      found.put(n, true);
      out.add(n);
      return;
    }
    if (n instanceof Arith.If x) {
      visit(x.c, members, found, out);
    } else if (n instanceof Arith.And || n instanceof Arith.Or) {
      visit(((Arith.Bin) n).a, members, found, out);
    } else if (!(n instanceof Prev)) { // a prev's initial is read in the first periods only
      Node[] inputs = Inlined.inputs(n);
      for (Node in : inputs == null ? new Node[0] : inputs) {
        visit(in, members, found, out);
      }
    }
  }

  /**
   * A call the generated code makes: a {@link Strict} node's {@code apply}, but not a comparison's
   * or a built-in series' (the code inlines those, {@link NodeEmitter#emit}).
   */
  private static boolean call(Node n) {
    return n instanceof Strict && !(n instanceof Arith.Cmp) && !(n instanceof BuiltinSeries) && Inlined.apply(n) != null;
  }

  /** Whether every value the node reads is known when a period starts. */
  private static boolean early(Node n, Set<Integer> members) {
    if (n instanceof Ref.SeriesRef r) {
      return !members.contains(r.slot());
    } else if (n instanceof Prev) {
      return false;
    }
    Node[] inputs = Inlined.inputs(n);
    if (inputs == null) {
      return false; // called as a whole: it may read a member's array
    }
    for (Node in : inputs) {
      if (!early(in, members)) {
        return false;
      }
    }
    return true;
  }
}

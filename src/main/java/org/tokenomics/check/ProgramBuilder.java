package org.tokenomics.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tokenomics.eval.Alias;
import org.tokenomics.eval.Cell;
import org.tokenomics.eval.Computer;
import org.tokenomics.eval.Const;
import org.tokenomics.eval.Constant;
import org.tokenomics.eval.NodeComputer;
import org.tokenomics.eval.Program;
import org.tokenomics.eval.Ref;
import org.tokenomics.syntax.Span;

/** Turns checked cells into the evaluable {@link Program}. */
final class ProgramBuilder {
  private ProgramBuilder() {}

  static final Computer ZERO = (f, out) -> { };

  static Program build(Checker ck) {
    List<CellSym> cells = ck.cells;
    Cell[] out = new Cell[cells.size()];
    for (CellSym c : cells) {
      out[c.slot] = cell(c, ck);
    }
    // Goal seeks need to know which cells to recompute: those between the target and the equation.
    Program draft = new Program(ck.timeline, out);
    Map<Integer, Cell> seeks = new HashMap<>();
    for (CellSym c : cells) {
      if (c.solvePlan != null) {
        int[] affected = affected(draft, c.solvePlan.probeDeps(), c.solvePlan.target().slot);
        Cell base = out[c.slot];
        seeks.put(c.slot, base.withComputer(new Solves.Seek(c.solvePlan, affected), base.deps(), false));
      }
    }
    return seeks.isEmpty() ? draft : draft.with(seeks);
  }

  static Cell cell(CellSym c, Checker ck) {
    boolean series = c.type.series() && ck.timeline.declared();
    Computer computer = c.computer != null ? c.computer : c.node != null ? Computer.of(c.node) : ZERO;
    if (computer instanceof NodeComputer nc && nc.kind() == NodeComputer.Kind.EACH && nc.node() instanceof Ref r
        && r.series() == series && r.slot() != c.slot && ck.cells.get(r.slot()).type.sameShape(c.type)) {
      computer = new Alias(r.slot()); // e.g. report revenue as $B/yr: share revenue's values
    } else if (computer instanceof NodeComputer nc && nc.kind() == NodeComputer.Kind.EACH
        && nc.node() instanceof Const k && Double.isFinite(k.constant())) {
      computer = new Constant(k.constant()); // e.g. param capacity = 2 GW
    }
    int[] deps = c.deps(); // read off the node tree
    boolean finite = c.type.tag() == Type.Tag.NUMBER;
    return new Cell(c.slot, c.name, spanOf(c), computer, series, deps, finite);
  }

  /** Where evaluation errors of a cell are shown: a library default's errors at the user's instance. */
  static Span spanOf(CellSym c) {
    if (c.ctx != null && c.ctx.anchor() != null && c.ctx.file() != null && c.ctx.file().isLibrary()) {
      return c.ctx.anchor();
    }
    return c.span();
  }

  /** Slots reachable from {@code roots} that depend on {@code target}, plus the target. */
  static int[] affected(Program p, int[] roots, int target) {
    Map<Integer, Boolean> memo = new HashMap<>();
    Set<Integer> result = new HashSet<>();
    result.add(target);
    List<Integer> todo = new ArrayList<>();
    for (int r : roots) {
      todo.add(r);
    }
    Set<Integer> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      int s = todo.remove(todo.size() - 1);
      if (!seen.add(s)) {
        continue;
      }
      if (reaches(p, s, target, memo)) {
        result.add(s);
      }
      for (int d : p.cell(s).deps()) {
        todo.add(d);
      }
    }
    return result.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Does slot {@code s} depend on {@code target}? Iterative, memoised. */
  private static boolean reaches(Program p, int s, int target, Map<Integer, Boolean> memo) {
    if (memo.containsKey(s)) {
      return memo.get(s);
    }
    Set<Integer> visited = new HashSet<>();
    List<Integer> stack = new ArrayList<>();
    stack.add(s);
    boolean found = false;
    while (!stack.isEmpty() && !found) {
      int x = stack.remove(stack.size() - 1);
      if (!visited.add(x)) {
        continue;
      }
      for (int d : p.cell(x).deps()) {
        if (d == target || Boolean.TRUE.equals(memo.get(d))) {
          found = true;
          break;
        }
        stack.add(d);
      }
    }
    memo.put(s, found);
    return found;
  }
}

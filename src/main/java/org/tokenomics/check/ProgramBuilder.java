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
import org.tokenomics.eval.Node;
import org.tokenomics.eval.Nodes;
import org.tokenomics.finance.GoalSeek;
import org.tokenomics.eval.Program;
import org.tokenomics.eval.Ref;
import org.tokenomics.syntax.Span;

/**
 * The build pass: turns checked cells (their typed forms) into the evaluable {@link Program}, one
 * {@link NodeBuilder} per program. A cell's dependencies are the cells its node tree refers to.
 */
final class ProgramBuilder {
  private ProgramBuilder() {}

  static final Computer ZERO = (f, out) -> { };

  static Program build(Checker ck) {
    NodeBuilder nb = new NodeBuilder(ck.timeline.declared());
    List<CellSym> cells = ck.cells;
    Cell[] out = new Cell[cells.size()];
    for (CellSym c : cells) {
      out[c.slot] = cell(c, ck, nb);
    }
    Recurrences.build(ck, nb, out); // cells that read their own earlier periods: computed period by period
    // Goal seeks need to know which cells to recompute: those between the target and the equation.
    Program draft = new Program(ck.timeline, out);
    Map<Integer, Cell> seeks = new HashMap<>();
    for (CellSym c : cells) {
      if (c.solvePlan != null) {
        Solves.Plan p = c.solvePlan;
        int[] affected = affected(draft, p.probeDeps(), p.target().slot);
        GoalSeek.Plan plan = new GoalSeek.Plan(p.target().slot, p.target().name, nb.build(p.lhs()), nb.build(p.rhs()),
            nb.build(p.low()), nb.build(p.high()), p.probeDeps(), p.span(), p.unit());
        Cell base = out[c.slot];
        seeks.put(c.slot, base.withComputer(new GoalSeek(plan, affected), c.deps(), false));
      }
    }
    return seeks.isEmpty() ? draft : draft.with(seeks);
  }

  /** The evaluable cell of a checked one. */
  static Cell cell(CellSym c, Checker ck, NodeBuilder nb) {
    boolean series = c.type.series() && ck.timeline.declared();
    Node node = c.typed == null || c.type.tag() == Type.Tag.INSTANCE ? null : nb.build(c.typed);
    if (node != null && c.domain != null && !node.isConstant()) {
      // A value known only at evaluation is checked then (constants were checked by Domains).
      ParamDomain d = c.domain;
      node = new org.tokenomics.eval.InDomain(node, d.low(), d.high(), c.span(),
          x -> Messages.outsideDomain(c.name, d.show(x), d.text()));
    }
    Computer computer = node == null ? ZERO : c.runningSum ? Computer.runningSum(node) : Computer.of(node);
    if (!c.runningSum && node instanceof Ref r && r.series() == series && r.slot() != c.slot
        && ck.cells.get(r.slot()).type.sameShape(c.type)) {
      computer = new Alias(r.slot()); // e.g. report revenue as $B/yr: share revenue's values
    } else if (!c.runningSum && node instanceof Const k && Double.isFinite(k.constant())) {
      computer = new Constant(k.constant()); // e.g. param capacity = 2 GW
    }
    int[] deps = node == null ? new int[0] : withDelayed(Nodes.refs(node), Nodes.delayed(node)); // read off the node tree
    boolean finite = c.type.tag() == Type.Tag.NUMBER;
    return new Cell(c.slot, c.name, spanOf(c), computer, series, deps, finite);
  }

  /** Same-period references, then the cells read in earlier periods ({@code prev}): both must be computed first. */
  private static int[] withDelayed(int[] refs, int[] delayed) {
    if (delayed.length == 0) {
      return refs;
    }
    java.util.LinkedHashSet<Integer> all = new java.util.LinkedHashSet<>();
    for (int r : refs) {
      all.add(r);
    }
    for (int d : delayed) {
      all.add(d);
    }
    return all.stream().mapToInt(Integer::intValue).toArray();
  }

  /** A param's distribution with its arguments as nodes, or null. */
  static DistSpec dist(CellSym c, NodeBuilder nb) {
    if (c.distFamily == null) {
      return null;
    }
    return new DistSpec(c.distFamily, c.distArgs.stream().map(nb::build).toList(), c.span());
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

package org.tokenomics.eval;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cells of a plan that {@link TotalStep} computes together with the members of the
 * {@code total(…)}s they read ({@link Fusion}): for each pointwise cell whose node reads a series
 * total whose members share a shape ({@link TotalShape}), its compiled step and the members' own
 * cells, which then leave the plan (nothing else reads them: the frame computes one on demand if
 * asked). A cell qualifies only if every total its node inlines qualifies and the rest of its node
 * reads no member's own cell.
 *
 * @param steps    by the slot of the cell that reads the totals, its step
 * @param absorbed the members' own cells, each to the slot of the cell whose step computes it
 * @param deps     by the slot of such a cell, what its step reads from the frame (the cells the
 *                 step's cells read, less those it computes; an own cell of an earlier step is
 *                 that step's cell)
 */
record FusedTotals(Map<Integer, FusedStep.Compiled> steps, Map<Integer, Integer> absorbed, Map<Integer, int[]> deps) {

  /** The steps of {@code plan}'s cells that read totals (none when no total qualifies). */
  static FusedTotals of(Program.Plan plan) {
    Program program = plan.program();
    Map<Integer, FusedStep.Compiled> steps = new HashMap<>();
    Map<Integer, Integer> absorbed = new HashMap<>();
    Map<Integer, int[]> deps = new HashMap<>();
    List<Integer> candidates = new ArrayList<>();
    for (int s : plan.order()) {
      Cell c = program.cell(s);
      if (Fusion.fusible(c) && !sums(((NodeComputer) c.computer()).node()).isEmpty()) {
        candidates.add(s);
      }
    }
    if (candidates.isEmpty()) {
      return new FusedTotals(steps, absorbed, deps);
    }
    Map<Integer, Integer> position = new HashMap<>();
    Map<Integer, List<Integer>> readers = new HashMap<>();
    for (int s : plan.order()) {
      position.put(s, position.size());
      for (int d : program.cell(s).deps()) {
        readers.computeIfAbsent(d, k -> new ArrayList<>()).add(s);
      }
    }
    Set<Integer> roots = new HashSet<>();
    for (int r : plan.roots()) {
      roots.add(r);
    }
    java.util.function.IntPredicate owned = s -> position.containsKey(s) && !absorbed.containsKey(s)
        && Fusion.fusible(program.cell(s));
    for (int s : candidates) {
      Cell c = program.cell(s);
      Node root = ((NodeComputer) c.computer()).node();
      List<TotalShape> shapes = new ArrayList<>();
      Set<Integer> own = new LinkedHashSet<>();
      boolean ok = true;
      for (Sum sum : sums(root)) {
        TotalShape shape = TotalShape.of(new TotalShape.Context(program, s, owned, readers, position, roots), sum);
        if (shape == null) {
          ok = false;
          break;
        }
        shapes.add(shape);
        for (int[] cells : shape.own) {
          for (int x : cells) {
            ok &= own.add(x) && !absorbed.containsKey(x); // each own cell is computed by one total only
          }
        }
      }
      if (!ok || readsOutsideSums(root, own, shapes)) {
        continue;
      }
      int[] members = new int[own.size() + 1];
      members[0] = s;
      int i = 1;
      for (int x : own) {
        members[i++] = x;
      }
      FusedStep.Compiled compiled = compile(program, c, shapes, members);
      if (compiled == null) {
        continue;
      }
      steps.put(s, compiled);
      own.forEach(x -> absorbed.put(x, s));
      Set<Integer> read = new LinkedHashSet<>();
      for (int m : members) {
        for (int d : program.cell(m).deps()) {
          if (!own.contains(d)) {
            read.add(absorbed.getOrDefault(d, d));
          }
        }
      }
      deps.put(s, read.stream().mapToInt(Integer::intValue).toArray());
    }
    return new FusedTotals(steps, absorbed, deps);
  }

  private static FusedStep.Compiled compile(Program program, Cell c, List<TotalShape> shapes, int[] members) {
    try {
      return TotalStep.define(program, c, shapes, members);
    } catch (RuntimeException | LinkageError | ReflectiveOperationException e) {
      Codegen.refused(c.name(), e);
      return null;
    }
  }

  /** The series totals a node inlines (the code computes them as locals). */
  private static List<Sum> sums(Node root) {
    List<Sum> out = new ArrayList<>();
    ArrayDeque<Node> todo = new ArrayDeque<>();
    Set<Node> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    todo.push(root);
    while (!todo.isEmpty()) {
      Node n = todo.pop();
      if (!seen.add(n)) {
        continue;
      }
      if (n instanceof Sum sum && sum.series()) {
        out.add(sum);
        continue;
      }
      Node[] inputs = Inlined.inputs(n);
      if (inputs != null) {
        for (Node in : inputs) {
          todo.push(in);
        }
      }
    }
    return out;
  }

  /** Whether the node reads one of {@code own} other than through the terms of the shapes' totals. */
  private static boolean readsOutsideSums(Node root, Set<Integer> own, List<TotalShape> shapes) {
    Set<Node> sums = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    shapes.forEach(s -> sums.add(s.sum));
    ArrayDeque<Node> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      Node n = todo.pop();
      if (sums.contains(n)) {
        continue;
      }
      if (n instanceof Ref r && own.contains(r.slot()) || n instanceof Prev x && own.contains(x.slot())) {
        return true;
      }
      for (Node in : n.children()) {
        todo.push(in);
      }
    }
    return false;
  }
}

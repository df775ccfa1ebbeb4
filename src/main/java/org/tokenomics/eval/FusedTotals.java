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
    Set<Integer> stored = new HashSet<>(); // the arrays the steps so far write
    Map<Integer, int[]> deps = new HashMap<>();
    List<Integer> candidates = new ArrayList<>();
    for (int s : plan.order()) {
      Cell c = program.cell(s);
      if (FusionSchedule.fusible(c) && !sums(((NodeComputer) c.computer()).node()).isEmpty()) {
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
        && FusionSchedule.fusible(program.cell(s));
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
      if (!ok || readsOutsideSums(root, own, shapes) || !readable(program, shapes, own, absorbed, stored)
          || sharesPushedNodes(program, root, shapes)) {
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
      for (int k : compiled.kept()) {
        stored.add(k);
      }
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

  /**
   * Whether every cell the code reads from the frame is there when it runs: none of this step's own
   * cells, and an earlier step's own cell only if that step stores it.
   */
  private static boolean readable(Program program, List<TotalShape> shapes, Set<Integer> own,
      Map<Integer, Integer> absorbed, Set<Integer> stored) {
    java.util.function.IntPredicate ok = r -> !own.contains(r) && (!absorbed.containsKey(r) || stored.contains(r));
    for (TotalShape shape : shapes) {
      for (int[] row : shape.slots) {
        for (int r : row) {
          if (!ok.test(r)) {
            return false;
          }
        }
      }
      Set<Integer> firstOwn = new HashSet<>();
      for (int x : shape.own[0]) {
        firstOwn.add(x);
      }
      List<Node> trees = new ArrayList<>(List.of(shape.terms[0]));
      for (int x : shape.own[0]) {
        trees.add(((NodeComputer) program.cell(x).computer()).node());
      }
      for (Node tree : trees) {
        for (Node n : nodes(tree)) {
          if (n instanceof Ref r && !firstOwn.contains(r.slot()) && !ok.test(r.slot())) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /**
   * Whether a node one total's code pushes from its member rows (or the total itself) also stands
   * elsewhere in the step's code (another total's trees, or the cell's node outside its totals):
   * the code emits each node object one way.
   */
  private static boolean sharesPushedNodes(Program program, Node root, List<TotalShape> shapes) {
    List<Set<Node>> places = new ArrayList<>();
    Set<Node> sums = identitySet();
    shapes.forEach(t -> sums.add(t.sum));
    Set<Node> outside = identitySet();
    ArrayDeque<Node> todo = new ArrayDeque<>(List.of(root));
    while (!todo.isEmpty()) {
      Node n = todo.pop();
      if (!sums.contains(n) && outside.add(n)) {
        Node[] inputs = Inlined.inputs(n);
        for (Node in : inputs == null ? new Node[0] : inputs) {
          todo.push(in);
        }
      }
    }
    places.add(outside);
    for (TotalShape shape : shapes) {
      Set<Node> here = identitySet();
      here.addAll(nodes(shape.terms[0]));
      for (int x : shape.own[0]) {
        here.addAll(nodes(((NodeComputer) program.cell(x).computer()).node()));
      }
      places.add(here);
    }
    for (int i = 0; i < shapes.size(); i++) {
      TotalShape shape = shapes.get(i);
      List<Node> pushed = new ArrayList<>(shape.valueNodes);
      pushed.addAll(shape.receiverNodes);
      pushed.addAll(shape.slotNodes);
      pushed.add(shape.sum);
      for (int j = 0; j < places.size(); j++) {
        if (j != i + 1) {
          for (Node n : pushed) {
            if (places.get(j).contains(n)) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  private static Set<Node> identitySet() {
    return java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
  }

  /** The nodes of a tree the code inlines (not inside a node it calls as a whole). */
  private static Set<Node> nodes(Node tree) {
    Set<Node> out = identitySet();
    ArrayDeque<Node> todo = new ArrayDeque<>(List.of(tree));
    while (!todo.isEmpty()) {
      Node n = todo.pop();
      if (out.add(n)) {
        Node[] inputs = Inlined.inputs(n);
        for (Node in : inputs == null ? new Node[0] : inputs) {
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

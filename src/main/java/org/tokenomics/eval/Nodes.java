package org.tokenomics.eval;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Set;

/** Helpers over node trees: children lists and the cells a tree refers to. */
public final class Nodes {
  /** No children. */
  public static final Node[] NONE = new Node[0];

  private Nodes() {}

  /** The non-null nodes given, as a children array. */
  public static Node[] of(Node... nodes) {
    int n = 0;
    for (Node x : nodes) {
      if (x != null) {
        n++;
      }
    }
    Node[] out = new Node[n];
    int i = 0;
    for (Node x : nodes) {
      if (x != null) {
        out[i++] = x;
      }
    }
    return out;
  }

  /**
   * The slots of the cells {@code roots} refer to, in first-seen order: the dependencies of a cell
   * are read off its node tree, never recorded on the side. Iterative, and visits a subtree shared
   * by several parents once (function arguments are shared, not copied).
   */
  public static int[] refs(Node... roots) {
    Set<Integer> slots = new LinkedHashSet<>();
    Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Node> todo = new ArrayDeque<>();
    for (int i = roots.length - 1; i >= 0; i--) {
      if (roots[i] != null) {
        todo.push(roots[i]);
      }
    }
    while (!todo.isEmpty()) {
      Node n = todo.pop();
      if (!seen.add(n)) {
        continue;
      }
      if (n instanceof Ref r) {
        slots.add(r.slot());
        continue;
      }
      Node[] kids = n.children();
      for (int i = kids.length - 1; i >= 0; i--) {
        todo.push(kids[i]);
      }
    }
    return slots.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * The slots of the cells {@code roots} read in earlier periods ({@link Prev}), in first-seen
   * order: not same-period dependencies, so a cell may read itself this way.
   *
   * @param roots the node trees
   * @return the slots read through {@link Prev}
   */
  public static int[] delayed(Node... roots) {
    Set<Integer> slots = new LinkedHashSet<>();
    Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Node> todo = new ArrayDeque<>();
    for (Node r : roots) {
      if (r != null) {
        todo.push(r);
      }
    }
    while (!todo.isEmpty()) {
      Node n = todo.pop();
      if (!seen.add(n) || n instanceof Ref) {
        continue;
      }
      if (n instanceof Prev d) {
        slots.add(d.slot());
      }
      for (Node k : n.children()) {
        todo.push(k);
      }
    }
    return slots.stream().mapToInt(Integer::intValue).toArray();
  }
}

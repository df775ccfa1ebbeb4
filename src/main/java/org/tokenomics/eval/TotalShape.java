package org.tokenomics.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The members of one {@code total(…)} ({@link Sum}) when they all compute the same thing with other
 * numbers: a family's 1,000 {@code cash} cells, each a copy of the kind's formula over its own
 * params. For each term, its <em>own cells</em>: the pointwise series cells it reads (directly or
 * through each other) that nothing else in the plan reads and that are not reports, which
 * {@link TotalStep} computes in a local per member and period instead of into arrays. The terms
 * and own cells of every member must have the same shape as the first member's: the same node
 * classes in the same places, the same shared cells read, and differing only in
 * <ul>
 *   <li><em>values</em>: a constant, or a read of a {@link Constant} scalar cell (a member's param);
 *   <li><em>receivers</em>: the {@link Strict} node objects whose {@code apply} the code calls;
 *   <li><em>slots</em>: the other cells they read (each member's own param that is not a constant, the
 *   members' cells something else reads too), read from the frame.
 * </ul>
 * A value or receiver that is the same in every member stays a constant of the code; the others
 * are read from a per-member row. Anything else (a {@code prev}, a node the code calls as a whole)
 * leaves the total as it is.
 */
final class TotalShape {
  final Sum sum;
  /** Each member's term, in the sum's order. */
  final Node[] terms;
  /** Each member's own cells, in the order they are computed (dependencies first). */
  final int[][] own;
  /** By member and own cell: whether the loop stores its values (something else reads them too). */
  boolean[][] stored;
  /** The first member's nodes that differ between members and push a number, by position. */
  final List<Node> valueNodes = new ArrayList<>();
  /** By member, then position of {@link #valueNodes}. */
  double[][] values;
  /** The first member's {@link Strict} nodes that are other objects in other members, by position. */
  final List<Node> receiverNodes = new ArrayList<>();
  /** By member, then position of {@link #receiverNodes}. */
  Node[][] receivers;
  /** The first member's reads of cells other than its own that are other cells in other members. */
  final List<Node> slotNodes = new ArrayList<>();
  /** By member, then position of {@link #slotNodes}: the cell read. */
  int[][] slots;

  private final Program program;
  private final Map<Node, Integer> valueIndex = new IdentityHashMap<>();
  private final Map<Node, Integer> receiverIndex = new IdentityHashMap<>();
  private final List<double[]> valueColumns = new ArrayList<>();
  private final List<Node[]> receiverColumns = new ArrayList<>();
  private final Map<Node, Integer> slotIndex = new IdentityHashMap<>();
  private final List<int[]> slotColumns = new ArrayList<>();

  private TotalShape(Program program, Sum sum, Node[] terms, int[][] own) {
    this.program = program;
    this.sum = sum;
    this.terms = terms;
    this.own = own;
  }

  /**
   * What a shape needs to know of the plan.
   *
   * @param program  the program
   * @param reader   the slot of the cell whose node reads the totals
   * @param owned    whether a slot may be a member's own cell: a pointwise series cell of the plan
   *                 that no other total's step computes
   * @param readers  the plan's cells that read each slot
   * @param position each slot's place in the plan's order
   * @param roots    the plan's roots (reports, assertions): an own cell among them is stored
   */
  record Context(Program program, int reader, java.util.function.IntPredicate owned, Map<Integer, List<Integer>> readers,
                 Map<Integer, Integer> position, Set<Integer> roots) {}

  /**
   * The shape of {@code sum}'s members, or null when they do not share one.
   *
   * @param sum a series {@code total(…)} inside the reader's node
   */
  static TotalShape of(Context plan, Sum sum) {
    Node[] terms = sum.children();
    int[][] own = new int[terms.length][];
    List<Set<Integer>> stored = new ArrayList<>();
    for (int m = 0; m < terms.length; m++) {
      Set<Integer> store = new HashSet<>();
      own[m] = ownCells(plan, terms[m], store);
      stored.add(store);
    }
    TotalShape shape = new TotalShape(plan.program(), sum, terms, own);
    if (!shape.match()) {
      return null;
    }
    shape.stored = new boolean[terms.length][];
    for (int m = 0; m < terms.length; m++) {
      shape.stored[m] = new boolean[own[m].length];
      for (int j = 0; j < own[m].length; j++) {
        shape.stored[m][j] = stored.get(m).contains(own[m][j]);
      }
    }
    return shape;
  }

  /**
   * The cells the term reads that it can compute in a local, dependencies first; {@code store} gets
   * those of them that something after the reader in the plan reads too (or a report), whose values
   * the loop also stores. A cell read by something before the reader is computed by the plan as
   * usual, and so is what such a cell reads.
   */
  private static int[] ownCells(Context plan, Node term, Set<Integer> store) {
    Set<Integer> outside = new HashSet<>();
    int at = plan.position().get(plan.reader());
    for (;;) {
      LinkedHashSet<Integer> order = new LinkedHashSet<>();
      reach(plan.program(), term, plan.owned(), outside, order);
      List<Integer> early = new ArrayList<>();
      store.clear();
      for (int s : order) {
        if (plan.roots().contains(s)) {
          store.add(s);
        }
        for (int r : plan.readers().getOrDefault(s, List.of())) {
          if (r != plan.reader() && !order.contains(r)) {
            if (plan.position().get(r) < at) {
              early.add(s); // read before the step runs: a cell of its own, read from its array
              break;
            }
            store.add(s);
          }
        }
      }
      if (early.isEmpty()) {
        return order.stream().mapToInt(Integer::intValue).toArray();
      }
      outside.addAll(early);
    }
  }

  /** Adds the own cells {@code n} reads, each after the own cells it reads. */
  private static void reach(Program program, Node n, java.util.function.IntPredicate owned, Set<Integer> outside,
      LinkedHashSet<Integer> order) {
    if (n instanceof Ref.SeriesRef r && owned.test(r.slot()) && !outside.contains(r.slot())
        && !order.contains(r.slot())) {
      reach(program, ((NodeComputer) program.cell(r.slot()).computer()).node(), owned, outside, order);
      order.add(r.slot());
      return;
    }
    Node[] inputs = Inlined.inputs(n);
    if (inputs != null) {
      for (Node in : inputs) {
        reach(program, in, owned, outside, order);
      }
    }
  }

  /** Matches every member against the first, filling the positions; false when one differs. */
  private boolean match() {
    int members = terms.length;
    Map<Integer, Integer> first = index(own[0]);
    for (int m = 0; m < members; m++) {
      if (own[m].length != own[0].length) {
        return false;
      }
      Member pair = new Member(m, first, index(own[m]));
      if (!pair.match(terms[0], terms[m])) {
        return false;
      }
      for (int j = 0; j < own[0].length; j++) {
        Cell a = program.cell(own[0][j]);
        Cell b = program.cell(own[m][j]);
        if (a.checkFinite() != b.checkFinite()
            || !pair.match(((NodeComputer) a.computer()).node(), ((NodeComputer) b.computer()).node())) {
          return false;
        }
      }
    }
    values = new double[members][valueColumns.size()];
    receivers = new Node[members][receiverColumns.size()];
    slots = new int[members][slotColumns.size()];
    for (int m = 0; m < members; m++) {
      for (int k = 0; k < slotColumns.size(); k++) {
        slots[m][k] = slotColumns.get(k)[m];
      }
      for (int k = 0; k < valueColumns.size(); k++) {
        values[m][k] = valueColumns.get(k)[m];
      }
      for (int k = 0; k < receiverColumns.size(); k++) {
        receivers[m][k] = receiverColumns.get(k)[m];
      }
    }
    return true;
  }

  private static Map<Integer, Integer> index(int[] slots) {
    Map<Integer, Integer> out = new HashMap<>();
    for (int j = 0; j < slots.length; j++) {
      out.put(slots[j], j);
    }
    return out;
  }

  /** The number a value node pushes: a constant's, or a {@link Constant} cell's; null for neither. */
  private Double number(Node n) {
    if (n instanceof Const c) {
      return c.value;
    }
    if (n instanceof Ref.ScalarRef r && program.cell(r.slot()).computer() instanceof Constant k) {
      return k.value();
    }
    return null;
  }

  /** One member matched against the first: what each of the first member's nodes is here. */
  private final class Member {
    private final int m;
    private final Map<Integer, Integer> firstOwn;
    private final Map<Integer, Integer> ownHere;
    private final Map<Node, Node> seen = new IdentityHashMap<>();

    Member(int m, Map<Integer, Integer> firstOwn, Map<Integer, Integer> ownHere) {
      this.m = m;
      this.firstOwn = firstOwn;
      this.ownHere = ownHere;
    }

    boolean match(Node a, Node b) {
      Node before = seen.putIfAbsent(a, b);
      if (before != null) {
        return before == b; // a node shared in the first member is shared here too
      }
      if (a.getClass() != b.getClass()) {
        return false;
      }
      Double x = number(a);
      if (x != null || number(b) != null) {
        Double y = number(b);
        return x != null && y != null && value(a, x, y);
      }
      if (a instanceof Ref ra) {
        Integer i = firstOwn.get(ra.slot());
        Integer j = ownHere.get(((Ref) b).slot());
        return i == null ? j == null && slot(a, ra.slot(), ((Ref) b).slot()) : i.equals(j);
      }
      if (a instanceof Prev || a instanceof Sum) {
        return false;
      }
      if (a instanceof MinMax ma && ma.isMax() != ((MinMax) b).isMax()) {
        return false;
      }
      Node[] as = Inlined.inputs(a);
      Node[] bs = Inlined.inputs(b);
      if (as == null || bs == null || as.length != bs.length) {
        return false; // a node the code would call as a whole
      }
      if (a instanceof Strict) {
        receiver(a, b);
      }
      for (int i = 0; i < as.length; i++) {
        if (!match(as[i], bs[i])) {
          return false;
        }
      }
      return true;
    }

    /** Records member m's number at the first member's node {@code a}. */
    private boolean value(Node a, double first, double here) {
      Integer k = valueIndex.get(a);
      if (k == null && Double.doubleToRawLongBits(first) == Double.doubleToRawLongBits(here)) {
        return true; // the same so far: a constant of the code unless a later member differs
      }
      if (k == null) {
        k = valueColumns.size();
        valueIndex.put(a, k);
        valueNodes.add(a);
        double[] column = new double[terms.length];
        java.util.Arrays.fill(column, 0, m, first); // the earlier members had the first's number
        valueColumns.add(column);
      }
      valueColumns.get(k)[m] = here;
      return true;
    }

    /** Records the cell member m reads at the first member's read {@code a} of a cell not its own. */
    private boolean slot(Node a, int first, int here) {
      Integer k = slotIndex.get(a);
      if (k == null && first == here) {
        return true;
      }
      if (k == null) {
        k = slotColumns.size();
        slotIndex.put(a, k);
        slotNodes.add(a);
        int[] column = new int[terms.length];
        java.util.Arrays.fill(column, 0, m, first);
        slotColumns.add(column);
      }
      slotColumns.get(k)[m] = here;
      return true;
    }

    /** Records member m's object at the first member's {@link Strict} node {@code a}. */
    private void receiver(Node a, Node b) {
      Integer k = receiverIndex.get(a);
      if (k == null && a == b) {
        return;
      }
      if (k == null) {
        k = receiverColumns.size();
        receiverIndex.put(a, k);
        receiverNodes.add(a);
        Node[] column = new Node[terms.length];
        java.util.Arrays.fill(column, 0, m, a);
        receiverColumns.add(column);
      }
      receiverColumns.get(k)[m] = b;
    }
  }
}

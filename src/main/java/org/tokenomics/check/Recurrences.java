package org.tokenomics.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tokenomics.diag.Code;
import org.tokenomics.eval.Adopt;
import org.tokenomics.eval.Arith;
import org.tokenomics.eval.Cell;
import org.tokenomics.eval.Node;
import org.tokenomics.eval.Nodes;
import org.tokenomics.eval.Prev;
import org.tokenomics.eval.Recurrence;

/**
 * The build pass's part for state across periods (LANGUAGE.md §10): finds the strongly connected
 * components of the cell graph, delayed edges ({@code prev}, {@code lag(x, n ≥ 1)}) included, with
 * an iterative Tarjan (no recursion that grows with the model). A component that reads itself
 * through a delayed edge is a recurrence group: its first member in same-period order (the
 * leader) gets a {@link Recurrence} computer that computes every member period by period, and
 * the others adopt the arrays it installs ({@link Adopt}). A member that needs every period of the
 * group (a reduction, {@code x[D]}, npv …) or a param in a group is TOK400; a {@code cumsum} in its
 * own group is its previous period plus this period's value.
 */
final class Recurrences {
  private Recurrences() {}

  /** Rewrites the cells of every recurrence group in {@code out}; reports TOK400 for a group that cannot be computed. */
  static void build(Checker ck, NodeBuilder nb, Cell[] out) {
    if (!ck.timeline.declared()) {
      return; // a static model: prev is its initial value, no delayed edges exist
    }
    for (int[] group : components(out)) {
      if (group.length > 1 || selfLoop(out[group[0]])) {
        group(ck, nb, out, group);
      }
    }
  }

  private static boolean selfLoop(Cell c) {
    for (int d : c.deps()) {
      if (d == c.slot()) {
        return true;
      }
    }
    return false;
  }

  private static void group(Checker ck, NodeBuilder nb, Cell[] out, int[] group) {
    boolean[] in = new boolean[out.length];
    for (int s : group) {
      in[s] = true;
    }
    Arrays.sort(group);
    String cycle = describe(ck, group);
    Node[] nodes = new Node[group.length];
    for (int i = 0; i < group.length; i++) {
      // One error per group: the first member (in declaration order) that cannot be computed period by period.
      CellSym c = ck.cells.get(group[i]);
      if (c.isParam() || c.role == CellSym.Role.SOLVE) {
        ck.error(c.ctx, Code.TOK400, c.nameSpan, Messages.recurrenceParam(c.name), "make it a let");
        return;
      }
      if (!out[c.slot].series() || c.typed instanceof TExpr.Op o && readsEveryPeriod(o)) {
        ck.error(c.ctx, Code.TOK400, c.span(), Messages.recurrenceWholeSeries(what(c), cycle),
            Messages.recurrenceWholeSeriesHelp());
        return;
      }
      nodes[i] = nb.build(c.typed);
      if (c.runningSum) {
        // cumsum(x) in its own group, period by period: its previous period plus x, the same
        // addition in the same order as a running sum's (0 + x in the first period)
        nodes[i] = Arith.binary(Arith.Op.ADD, new Prev(c.slot, 1, null), nodes[i], c.span());
      }
    }
    int[] order = sameOrder(group, nodes, in);
    if (order == null) {
      CellSym first = ck.cells.get(group[0]);
      ck.error(first.ctx, Code.TOK400, first.nameSpan, "cycle: " + cycle,
          "break the cycle: one of these values must not depend on the others");
      return;
    }
    int leader = group[order[0]];
    Recurrence.Member[] members = new Recurrence.Member[group.length];
    java.util.Set<Integer> external = new java.util.LinkedHashSet<>();
    for (int k = 0; k < order.length; k++) {
      int i = order[k];
      Cell cell = out[group[i]];
      members[k] = new Recurrence.Member(cell.slot(), cell.name(), cell.span(), nodes[i], cell.checkFinite());
      for (int d : cell.deps()) {
        if (!in[d]) {
          external.add(d);
        }
      }
    }
    int[] leaderDeps = external.stream().mapToInt(Integer::intValue).toArray();
    out[leader] = out[leader].withComputer(new Recurrence(leader, members), leaderDeps, true);
    for (int s : group) {
      if (s != leader) {
        out[s] = out[s].withComputer(new Adopt(leader), new int[] {leader}, true);
      }
    }
  }

  /** Whether an operation reads other periods of its operand as a whole (a reduction, cumsum, x[D], npv …). */
  private static boolean readsEveryPeriod(TExpr.Op o) {
    if (o.op().equals("at")) {
      return true;
    }
    BuiltinFunctions.Entry e = BuiltinFunctions.get(o.op());
    return e != null && e.shape() == BuiltinFunctions.Shape.WHOLE_SERIES;
  }

  private static String what(CellSym c) {
    if (c.role != CellSym.Role.HIDDEN) {
      return c.name;
    }
    String src = c.nameSpan == null || c.ctx == null || c.ctx.file() == null ? c.name : c.ctx.file().slice(c.nameSpan).strip();
    return src.isEmpty() ? c.name : src;
  }

  /** The named members, in slot order: {@code cash -> sweep -> cash}. */
  private static String describe(Checker ck, int[] group) {
    List<String> names = new ArrayList<>();
    for (int s : group) {
      CellSym c = ck.cells.get(s);
      if (c.role != CellSym.Role.HIDDEN) {
        names.add(c.name);
      }
    }
    if (names.isEmpty()) {
      names.add(ck.cells.get(group[0]).name);
    }
    names.add(names.get(0));
    return String.join(" -> ", names);
  }

  /** Positions in {@code group} in an order where same-period dependencies come first; null if they form a cycle. */
  private static int[] sameOrder(int[] group, Node[] nodes, boolean[] in) {
    int m = group.length;
    java.util.Map<Integer, Integer> pos = new java.util.HashMap<>();
    for (int i = 0; i < m; i++) {
      pos.put(group[i], i);
    }
    int[] pending = new int[m];
    List<List<Integer>> users = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      users.add(new ArrayList<>());
    }
    for (int i = 0; i < m; i++) {
      for (int d : Nodes.refs(nodes[i])) {
        if (d < in.length && in[d] && d != group[i]) {
          pending[i]++;
          users.get(pos.get(d)).add(i);
        } else if (d == group[i]) {
          return null; // reads itself in the same period
        }
      }
    }
    int[] order = new int[m];
    int count = 0;
    java.util.ArrayDeque<Integer> ready = new java.util.ArrayDeque<>();
    for (int i = 0; i < m; i++) {
      if (pending[i] == 0) {
        ready.add(i);
      }
    }
    while (!ready.isEmpty()) {
      int i = ready.poll();
      order[count++] = i;
      for (int u : users.get(i)) {
        if (--pending[u] == 0) {
          ready.add(u);
        }
      }
    }
    return count == m ? order : null;
  }

  /** Strongly connected components of the cells' dependency graph (iterative Tarjan). */
  static List<int[]> components(Cell[] cells) {
    int n = cells.length;
    int[] index = new int[n];
    int[] low = new int[n];
    boolean[] onStack = new boolean[n];
    Arrays.fill(index, -1);
    int[] stack = new int[n];
    int sp = 0;
    int[] callNode = new int[n];
    int[] callEdge = new int[n];
    int counter = 0;
    List<int[]> out = new ArrayList<>();
    for (int root = 0; root < n; root++) {
      if (index[root] >= 0 || cells[root] == null) {
        continue;
      }
      int depth = 0;
      callNode[0] = root;
      callEdge[0] = 0;
      index[root] = low[root] = counter++;
      stack[sp++] = root;
      onStack[root] = true;
      while (depth >= 0) {
        int v = callNode[depth];
        int[] deps = cells[v].deps();
        if (callEdge[depth] < deps.length) {
          int w = deps[callEdge[depth]++];
          if (w >= n || cells[w] == null) {
            continue;
          }
          if (index[w] < 0) {
            index[w] = low[w] = counter++;
            stack[sp++] = w;
            onStack[w] = true;
            depth++;
            callNode[depth] = w;
            callEdge[depth] = 0;
          } else if (onStack[w]) {
            low[v] = Math.min(low[v], index[w]);
          }
          continue;
        }
        if (low[v] == index[v]) {
          int size = 0;
          while (stack[sp - 1 - size] != v) {
            size++;
          }
          size++;
          int[] comp = Arrays.copyOfRange(stack, sp - size, sp);
          for (int s : comp) {
            onStack[s] = false;
          }
          sp -= size;
          out.add(comp);
        }
        depth--;
        if (depth >= 0) {
          int parent = callNode[depth];
          low[parent] = Math.min(low[parent], low[v]);
        }
      }
    }
    return out;
  }
}

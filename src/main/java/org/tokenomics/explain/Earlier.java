package org.tokenomics.explain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.tokenomics.check.CellSym;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.check.Type;
import org.tokenomics.eval.Adopt;
import org.tokenomics.eval.Computer;
import org.tokenomics.eval.EvalError;
import org.tokenomics.eval.Frame;
import org.tokenomics.eval.Node;
import org.tokenomics.eval.NodeComputer;
import org.tokenomics.eval.Prev;
import org.tokenomics.eval.Program;
import org.tokenomics.eval.Recurrence;
import org.tokenomics.units.Unit;

/**
 * The leaves of an explain tree for a value's reads of earlier periods (LANGUAGE.md §10):
 * {@code prev(debt)} is shown as "debt in the previous period" with its values, and not expanded
 * (it is the value being explained, one period back: expanding it would never end).
 */
final class Earlier {
  private Earlier() {}

  static List<ExplainNode> of(CompiledModel cm, Program program, int slot, Frame frame) {
    List<ExplainNode> out = new ArrayList<>();
    Node node = nodeOf(program, slot);
    if (node == null) {
      return out;
    }
    for (Prev prev : prevs(node)) {
      CellSym target = cm.cells().get(prev.slot());
      String name = target.name();
      String label = prev.periods() == 1 ? "prev(" + name + ")" : "lag(" + name + ", " + prev.periods() + ")";
      String role = name + (prev.periods() == 1 ? " in the previous period" : " " + prev.periods() + " periods earlier");
      double[] values = null;
      String error = null;
      Unit unit = null;
      try {
        frame.values(slot); // computes what the reads need
        values = new double[frame.timeline.size()];
        for (int p = 0; p < values.length; p++) {
          values[p] = prev.eval(frame, p);
        }
        unit = target.type().isNumber() ? cm.units().forValues(target.type().dim(), values) : null;
      } catch (EvalError e) {
        values = null;
        error = e.code() + ": " + e.getMessage();
      }
      String dimension = target.type().isNumber() && target.type().dim().isNone() ? "" : target.type().shortName();
      out.add(new ExplainNode(label, role, Type.Tag.NUMBER, dimension, unit, values, true, "", null, null, error, false,
          0, List.of(), null));
    }
    return out;
  }

  /** The node a cell is computed by, looking into recurrence groups; null for other computers. */
  private static Node nodeOf(Program program, int slot) {
    Computer c = program.cell(slot).computer();
    if (c instanceof Adopt a) {
      c = program.cell(a.leader()).computer();
    }
    if (c instanceof NodeComputer nc) {
      return nc.node();
    }
    if (c instanceof Recurrence r) {
      for (Recurrence.Member m : r.members()) {
        if (m.slot() == slot) {
          return m.node();
        }
      }
    }
    return null;
  }

  /** The delayed reads in a node tree, each once, in first-seen order. */
  private static List<Prev> prevs(Node root) {
    List<Prev> out = new ArrayList<>();
    Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      Node n = todo.pop();
      if (!seen.add(n)) {
        continue;
      }
      if (n instanceof Prev p) {
        out.add(p);
      }
      Node[] kids = n.children();
      for (int i = kids.length - 1; i >= 0; i--) {
        todo.push(kids[i]);
      }
    }
    return out;
  }
}

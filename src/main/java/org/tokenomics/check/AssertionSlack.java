package org.tokenomics.check;

import java.util.ArrayList;
import java.util.List;
import org.tokenomics.eval.Frame;
import org.tokenomics.eval.Node;
import org.tokenomics.eval.Nodes;

/**
 * How far an assertion is from failing, as a number: positive while it holds, zero or below at its
 * boundary and beyond (EMBEDDING.md §6: {@code tok test} drives it below zero). A comparison's
 * slack is its margin relative to the size of its two sides ({@code a <= b}: (b − a) / (|a| + |b|)),
 * {@code and} the least of its parts', {@code or} the greatest, {@code not} the opposite; any
 * other condition is +1 or −1. A series assertion's slack is that of its worst period. Boolean
 * lets are looked through, so {@code assert ok} guides as well as {@code assert x < y}.
 * The slack only guides the search: whether an assertion failed is always its own value.
 */
public final class AssertionSlack {
  private sealed interface Part permits Cmp, All, Any, Not, Truth {}

  private record Cmp(String op, Node left, Node right) implements Part {}

  private record All(List<Part> parts) implements Part {}

  private record Any(List<Part> parts) implements Part {}

  private record Not(Part part) implements Part {}

  private record Truth(Node node) implements Part {}

  private static final int MAX_DEPTH = 64;

  private final Part root;
  private final int[] deps;

  private AssertionSlack(Part root, int[] deps) {
    this.root = root;
    this.deps = deps;
  }

  /** The slack of one of the model's assertions. */
  public static AssertionSlack of(CompiledModel model, CompiledModel.AssertSpec assertion) {
    CellSym cell = model.cells().get(assertion.slot());
    NodeBuilder nb = new NodeBuilder(model.program().timeline().declared());
    List<Node> nodes = new ArrayList<>();
    Part root = cell.typed == null ? new Truth(nb.build(new TExpr.CellRef(cell.slot, cell.type, cell.nameSpan)))
        : part(model, cell.typed, nb, nodes, 0);
    return new AssertionSlack(root, Nodes.refs(nodes.toArray(Node[]::new)));
  }

  private static Part part(CompiledModel model, TExpr e, NodeBuilder nb, List<Node> nodes, int depth) {
    if (depth < MAX_DEPTH && e instanceof TExpr.Op o) {
      switch (o.op()) {
        case "<", "<=", ">", ">=", "==", "!=" -> {
          Node l = nb.build(o.args().get(0));
          Node r = nb.build(o.args().get(1));
          nodes.add(l);
          nodes.add(r);
          return new Cmp(o.op(), l, r);
        }
        case "and", "or" -> {
          List<Part> parts = List.of(part(model, o.args().get(0), nb, nodes, depth + 1),
              part(model, o.args().get(1), nb, nodes, depth + 1));
          return o.op().equals("and") ? new All(parts) : new Any(parts);
        }
        case "not" -> {
          return new Not(part(model, o.args().get(0), nb, nodes, depth + 1));
        }
        default -> { }
      }
    }
    if (depth < MAX_DEPTH && e instanceof TExpr.CellRef r) {
      CellSym target = model.cells().get(r.slot());
      if (target.typed != null && !target.isParam() && target.type.sameShape(r.type())) {
        return part(model, target.typed, nb, nodes, depth + 1);
      }
    }
    Node n = nb.build(e);
    nodes.add(n);
    return new Truth(n);
  }

  /** The slack in {@code frame} (which computes what it needs); an evaluation error propagates. */
  public double eval(Frame frame) {
    for (int d : deps) {
      frame.values(d);
    }
    int periods = Math.max(1, frame.timeline.size());
    double worst = Double.POSITIVE_INFINITY;
    for (int p = 0; p < periods; p++) {
      worst = Math.min(worst, eval(root, frame, p));
    }
    return worst;
  }

  private static double eval(Part part, Frame f, int p) {
    if (part instanceof Cmp c) {
      return compare(c.op(), c.left().eval(f, p), c.right().eval(f, p));
    } else if (part instanceof All a) {
      return Math.min(eval(a.parts().get(0), f, p), eval(a.parts().get(1), f, p));
    } else if (part instanceof Any a) {
      return Math.max(eval(a.parts().get(0), f, p), eval(a.parts().get(1), f, p));
    } else if (part instanceof Not n) {
      return -eval(n.part(), f, p);
    }
    return ((Truth) part).node().eval(f, p) != 0 ? 1 : -1;
  }

  private static double compare(String op, double l, double r) {
    double scale = Math.abs(l) + Math.abs(r);
    double margin = scale == 0 ? 0 : (r - l) / scale;
    return switch (op) {
      case "<", "<=" -> margin;
      case ">", ">=" -> -margin;
      case "==" -> -Math.abs(margin);
      default -> Math.abs(margin);
    };
  }
}

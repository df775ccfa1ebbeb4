package org.tokenomics.check;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.tokenomics.eval.Arith;
import org.tokenomics.eval.Const;
import org.tokenomics.eval.MinMax;
import org.tokenomics.eval.Node;
import org.tokenomics.eval.PluginCall;
import org.tokenomics.eval.Ref;
import org.tokenomics.eval.BuiltinSeries;
import org.tokenomics.eval.series.TimeFns;

/**
 * The pass after checking: turns the typed form of an expression ({@link TExpr}) into evaluation
 * nodes. Operators are built here; built-in functions by their registry entry's factory
 * ({@link BuiltinFunctions.Entry#factory}). A subtree shared in the typed form (a function
 * argument used twice) becomes one shared node. Constant inputs are folded where the interpreter
 * would compute the same value every time.
 */
final class NodeBuilder {
  /** Builds the node of one built-in call from its argument nodes (null for an absent optional one). */
  interface Factory {
    Node make(Node[] args, NodeBuilder b, TExpr.Op op);
  }

  /** What a {@code plugin} operation carries: the function and its unit factors. */
  record PluginSpec(org.tokenomics.spi.TokFunction fn, double[] factors, double resultFactor) {}

  private final boolean timeline;
  private final Map<TExpr, Node> built = new IdentityHashMap<>();

  NodeBuilder(boolean timeline) {
    this.timeline = timeline;
  }

  /** Whether the model has a timeline (series functions are series then). */
  boolean timeline() {
    return timeline;
  }

  Node build(TExpr e) {
    if (e == null) {
      return null;
    }
    Node n = built.get(e);
    if (n == null) {
      n = make(e);
      built.put(e, n);
    }
    return n;
  }

  private Node make(TExpr e) {
    if (e instanceof TExpr.Lit l) {
      return new Const(l.value());
    } else if (e instanceof TExpr.CellRef r) {
      return Ref.to(r.slot(), r.type().series());
    } else if (e instanceof TExpr.Time t) {
      return new BuiltinSeries(t.which(), t.type().series());
    }
    TExpr.Op op = (TExpr.Op) e;
    List<TExpr> in = op.args();
    Node[] a = new Node[in.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = build(in.get(i));
    }
    return switch (op.op()) {
      case "+" -> Arith.binary(Arith.Op.ADD, a[0], a[1], op.span());
      case "-" -> Arith.binary(Arith.Op.SUB, a[0], a[1], op.span());
      case "*" -> Arith.binary(Arith.Op.MUL, a[0], a[1], op.span());
      case "/" -> Arith.binary(Arith.Op.DIV, a[0], a[1], op.span());
      case "^" -> Arith.binary(Arith.Op.POW, a[0], a[1], op.span());
      case "and" -> Arith.binary(Arith.Op.AND, a[0], a[1], op.span());
      case "or" -> Arith.binary(Arith.Op.OR, a[0], a[1], op.span());
      case "==" -> Arith.binary(Arith.Op.EQ, a[0], a[1], op.span());
      case "!=" -> Arith.binary(Arith.Op.NE, a[0], a[1], op.span());
      case "<" -> Arith.binary(Arith.Op.LT, a[0], a[1], op.span());
      case "<=" -> Arith.binary(Arith.Op.LE, a[0], a[1], op.span());
      case ">" -> Arith.binary(Arith.Op.GT, a[0], a[1], op.span());
      case ">=" -> Arith.binary(Arith.Op.GE, a[0], a[1], op.span());
      case "neg" -> Arith.neg(a[0]);
      case "not" -> Arith.not(a[0]);
      case "if" -> Arith.cond(a[0], a[1], a[2]);
      case "minmax" -> Arith.fold(new MinMax((Boolean) op.data(), a), a);
      case "at" -> new TimeFns.At(a[0], a[1], op.span());
      case "inperiod" -> new TimeFns.InPeriod(a[0], timeline);
      case "median" -> Arith.fold(new org.tokenomics.dist.Median((String) op.data(), a, op.span()), a);
      case "path-median" -> new org.tokenomics.dist.PathMedian((String) op.data(), a, op.span());
      case "plugin" -> {
        PluginSpec p = (PluginSpec) op.data();
        yield Arith.fold(new PluginCall(p.fn(), a, p.factors(), p.resultFactor(), op.span(), op.type().series()), a);
      }
      default -> {
        BuiltinFunctions.Entry entry = BuiltinFunctions.get(op.op());
        if (entry == null || entry.factory() == null) {
          throw new IllegalStateException("no node for the operation '" + op.op() + "'");
        }
        yield entry.factory().make(a, this, op);
      }
    };
  }
}

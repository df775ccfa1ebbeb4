package org.tokenomics.check;

import java.util.ArrayList;
import java.util.List;
import org.tokenomics.diag.Code;
import org.tokenomics.eval.Frame;
import org.tokenomics.eval.EvalError;
import org.tokenomics.eval.Node;
import org.tokenomics.mc.Dist;
import org.tokenomics.syntax.Expr;
import org.tokenomics.syntax.Span;
import org.tokenomics.units.Dimension;

/** A distribution as a param's value: arguments of one dimension; the median when deterministic. */
final class Distributions {
  private Distributions() {}

  static boolean isDistribution(Expr e) {
    return e instanceof Expr.Call c && BuiltinFunctions.get(c.name()) != null
        && BuiltinFunctions.get(c.name()).shape() == BuiltinFunctions.Shape.DISTRIBUTION;
  }

  static Typed check(Checker ck, CellSym cell) {
    Expr.Call c = (Expr.Call) cell.expr;
    String[] params = BuiltinFunctions.get(c.name()).binderNames();
    Calls calls = new Calls(ck, ck.exprs);
    var bound = calls.bind(c, cell.ctx, params);
    if (bound == null) {
      return Typed.ERROR;
    }
    List<Node> nodes = new ArrayList<>();
    Dimension dim = null;
    for (String p : params) {
      Expr arg = bound.get(p);
      Typed t = ck.exprs.check(arg, cell.ctx);
      if (t.isError()) {
        return Typed.ERROR;
      }
      if (!t.type().isNumber() || t.type().series()) {
        ck.error(cell.ctx, Code.TOK302, arg.span(), c.name() + "'s " + p + " must be a single number, found "
            + t.type().describe() + (t.type().series() ? " (a series)" : ""), null);
        return Typed.ERROR;
      }
      if (dim == null) {
        dim = t.type().dim();
      } else if (!dim.equals(t.type().dim())) {
        ck.error(cell.ctx, Code.TOK300, arg.span(), c.name() + "'s arguments must share one dimension: "
            + Type.number(dim, false).shortName() + " and " + t.type().shortName(), null);
        return Typed.ERROR;
      }
      nodes.add(t.node());
    }
    cell.dist = new org.tokenomics.check.DistSpec(c.name(), nodes, c.span());
    Node median = new Median(c.name(), nodes.toArray(Node[]::new), c.span());
    // With constant arguments the median is computed once, here (invalid arguments fail at run time).
    return new Typed(org.tokenomics.eval.Arith.fold(median, nodes.toArray(Node[]::new)), Type.number(dim, false));
  }

  /** The median of a distribution whose arguments are evaluated in the frame. */
  static final class Median extends Node {
    private final String family;
    private final Node[] args;
    private final Span span;

    Median(String family, Node[] args, Span span) {
      super(false);
      this.family = family;
      this.args = args;
      this.span = span;
    }

    @Override
    public Node[] children() {
      return args.clone();
    }

    @Override
    public double eval(Frame f, int p) {
      double[] a = arguments(f);
      return Dist.median(family, a);
    }

    double[] arguments(Frame f) {
      double[] a = new double[args.length];
      for (int i = 0; i < a.length; i++) {
        a[i] = args[i].eval(f, 0);
      }
      String problem = Dist.invalid(family, a);
      if (problem != null) {
        throw new EvalError(Code.TOK500, span, problem);
      }
      return a;
    }
  }
}

package org.tokenomics.check;

import java.util.ArrayList;
import java.util.List;
import org.tokenomics.diag.Code;
import org.tokenomics.syntax.Expr;
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
    List<TExpr> typed = new ArrayList<>();
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
      typed.add(t.expr());
    }
    cell.distFamily = c.name();
    cell.distArgs = List.copyOf(typed);
    // Deterministically the param is the distribution's median (invalid arguments fail at run time).
    Type type = Type.number(dim, false);
    return new Typed(new TExpr.Op("median", typed, type, c.span(), c.name()), type);
  }
}

package org.tokenomics.check;

import java.util.ArrayList;
import java.util.List;
import org.tokenomics.diag.Code;
import org.tokenomics.syntax.Expr;
import org.tokenomics.units.Dimension;

/**
 * A distribution or price path as a param's value (LANGUAGE.md §7, §18): its arguments checked,
 * the median (or median path) when deterministic. Each argument either shares the value's
 * dimension or is a plain number ({@code bernoulli}'s probability; a path's drift, reversion and
 * volatility, per year).
 */
final class Distributions {
  private Distributions() {}

  static boolean isDistribution(Expr e) {
    return e instanceof Expr.Call c && BuiltinFunctions.get(c.name()) != null
        && BuiltinFunctions.get(c.name()).shape() == BuiltinFunctions.Shape.DISTRIBUTION;
  }

  /** The arguments of {@code family} that are plain numbers (the others share one dimension). */
  private static List<String> plain(String family) {
    return switch (family) {
      case "bernoulli" -> List.of("p");
      case "gbm" -> List.of("drift", "volatility");
      case "ou" -> List.of("reversion");
      default -> List.of();
    };
  }

  static Typed check(Checker ck, CellSym cell) {
    Expr.Call c = (Expr.Call) cell.expr;
    String[] params = BuiltinFunctions.get(c.name()).binderNames();
    if (c.name().equals("discrete")) {
      return Discrete.check(ck, cell, c, params);
    }
    List<String> plain = plain(c.name());
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
      if (plain.contains(p)) {
        if (!t.type().dim().equals(Dimension.NONE)) {
          ck.error(cell.ctx, Code.TOK300, arg.span(), c.name() + "'s " + p + " must be a plain number"
              + (c.name().equals("bernoulli") ? " (a probability)" : " (per year)") + ", found " + t.type().shortName(),
              c.name().equals("bernoulli") ? "e.g. bernoulli(20 %)" : "e.g. " + p + ": 30 %");
          return Typed.ERROR;
        }
      } else if (dim == null) {
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
    // Deterministically the param is the distribution's median, or a path's median path (invalid
    // arguments fail at run time).
    boolean path = BuiltinFunctions.isPath(c.name());
    Type type = Type.number(dim == null ? Dimension.NONE : dim, path);
    return new Typed(new TExpr.Op(path ? "path-median" : "median", typed, type, c.span(), c.name()), type);
  }
}

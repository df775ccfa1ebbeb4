package org.tokenomics.check;

import java.util.List;
import java.util.Map;
import org.tokenomics.diag.Code;
import org.tokenomics.spi.TokFunction;
import org.tokenomics.syntax.Expr;
import org.tokenomics.units.Unit;

/**
 * Calls of Java-implemented plugin functions ({@link TokFunction}): arguments bind like a
 * built-in's, each must have its declared dimension (TOK300), and the call evaluates through a
 * {@code PluginCall} node.
 */
public final class PluginCalls {
  private PluginCalls() {}

  /** True for the names of built-in functions, which plugins may not take. */
  public static boolean isBuiltIn(String name) {
    return BuiltinFunctions.names().contains(name);
  }

  static Typed call(Checker ck, ExprChecker ex, Calls calls, TokFunction fn, Expr.Call c, Ctx ctx) {
    List<TokFunction.Parameter> params = fn.parameters();
    String[] names = params.stream().map(p -> p.isOptional() ? p.name() + "?" : p.name()).toArray(String[]::new);
    Map<String, Expr> bound = calls.bind(c, ctx, names);
    if (bound == null) {
      return Typed.ERROR;
    }
    TExpr[] in = new TExpr[params.size()];
    double[] factors = new double[params.size()];
    boolean series = false;
    for (int i = 0; i < params.size(); i++) {
      TokFunction.Parameter p = params.get(i);
      Unit unit = unit(ck, ctx, fn, c, p.unit(), "parameter " + p.name());
      if (unit == null) {
        return Typed.ERROR;
      }
      factors[i] = unit.factor();
      Expr given = bound.get(p.name());
      if (given == null) {
        in[i] = new TExpr.Lit(p.defaultValue() * unit.factor(), Type.number(unit.dim(), false), c.span());
        continue;
      }
      Typed t = ex.check(given, ctx);
      if (t.isError()) {
        return Typed.ERROR;
      }
      Type want = Type.number(unit.dim(), false);
      if (!t.type().isNumber() || !t.type().dim().equals(unit.dim())) {
        ck.error(ctx, t.type().isNumber() ? Code.TOK300 : Code.TOK302, given.span(), "argument " + p.name() + " of "
            + fn.name() + " is " + want.describe() + ", found " + t.type().describe(),
            fn.name() + " takes " + p.name() + " in " + (p.unit().isBlank() ? "1" : p.unit()));
        return Typed.ERROR;
      }
      in[i] = t.expr();
      series |= t.type().series();
    }
    Unit result = unit(ck, ctx, fn, c, fn.resultUnit(), "its result");
    if (result == null) {
      return Typed.ERROR;
    }
    Type type = Type.number(result.dim(), series);
    return new Typed(new TExpr.Op("plugin", java.util.Arrays.asList(in), type, c.span(),
        new NodeBuilder.PluginSpec(fn, factors, result.factor())), type);
  }

  private static Unit unit(Checker ck, Ctx ctx, TokFunction fn, Expr.Call c, String text, String what) {
    String t = text == null ? "" : text.strip();
    Unit u = t.isEmpty() ? new Unit("", 1, org.tokenomics.units.Dimension.NONE) : ck.display.fromText(t);
    if (u == null) {
      ck.error(ctx, Code.TOK301, c.nameSpan(), "the plugin function " + fn.name() + " declares " + what + " in '"
          + text + "', which is not a unit here", "the plugin (" + fn.getClass().getName() + ") must declare a Tok unit"
          + " expression such as $/yr or 1");
    }
    return u;
  }
}

package org.tokenomics.check;

import java.util.ArrayList;
import java.util.List;
import org.tokenomics.diag.Code;
import org.tokenomics.dist.Family;
import org.tokenomics.syntax.Expr;
import org.tokenomics.syntax.Span;
import org.tokenomics.units.Dimension;

/**
 * {@code discrete([V1: P1, V2: P2, …])} as a param's value (LANGUAGE.md §18): a keyed list
 * ({@link KeyedLists}) whose keys are the values, quantities of one dimension (or plain numbers),
 * and whose values are the probabilities, plain numbers. The typed form is the family's median
 * with the arguments {@code [V1, …, Vn, P1, …, Pn]} ({@link Family#DISCRETE}); probabilities
 * that are all constants are checked here (TOK302: each at least 0 %, summing to 100 % within
 * 1e-9), ones that read params when the param is evaluated (TOK500, as other families' arguments).
 */
final class Discrete {
  private Discrete() {}

  static Typed check(Checker ck, CellSym cell, Expr.Call c, String[] params) {
    Calls calls = new Calls(ck, ck.exprs);
    var bound = calls.bind(c, cell.ctx, params);
    if (bound == null) {
      return Typed.ERROR;
    }
    Expr points = bound.get("points");
    KeyedLists.Checked list = KeyedLists.check(ck, ck.exprs, points, cell.ctx, "discrete", "points", KeyedLists.Keys.ANY);
    if (list == null) {
      return Typed.ERROR;
    }
    Expr.KeyedList written = (Expr.KeyedList) points;
    if (list.keyType().tag() == Type.Tag.DATE) {
      ck.error(cell.ctx, Code.TOK302, list.keySpans()[0], "discrete's values must be quantities, not dates",
          "for an uncertain date, draw a delay and add it: start = 2027-01 + discrete([0 month: 70 %, 6 month: 30 %])");
      return Typed.ERROR;
    }
    if (!list.valueType().dim().equals(Dimension.NONE)) {
      Expr first = written.entries().get(0).value();
      ck.error(cell.ctx, Code.TOK300, first.span(), "discrete's probabilities must be plain numbers, found "
          + list.valueType().shortName(), "write each probability as a share, e.g. discrete([0 month: 70 %, 6 month: 30 %])");
      return Typed.ERROR;
    }
    int n = list.keys().length;
    List<TExpr> args = new ArrayList<>(2 * n);
    Type keyType = list.keyType().asSeries(false);
    for (int i = 0; i < n; i++) {
      args.add(new TExpr.Lit(list.keys()[i], keyType, list.keySpans()[i]));
    }
    args.addAll(list.values());
    if (!constantProbabilities(ck, cell, written, list)) {
      return Typed.ERROR;
    }
    cell.distFamily = c.name();
    cell.distArgs = List.copyOf(args);
    Type type = Type.number(keyType.dim(), false);
    return new Typed(new TExpr.Op("median", args, type, c.span(), c.name()), type);
  }

  /**
   * Checks probabilities known before evaluation (every one a constant): each at least 0, their
   * sum 1 within {@link Family#DISCRETE_TOLERANCE}; false after reporting.
   */
  private static boolean constantProbabilities(Checker ck, CellSym cell, Expr.KeyedList written, KeyedLists.Checked list) {
    int n = list.values().size();
    double sum = 0;
    boolean known = true;
    for (int i = 0; i < n; i++) {
      Double p = TExpr.constant(list.values().get(i));
      if (p == null) {
        known = false;
        continue;
      }
      if (!(p >= 0) || !Double.isFinite(p)) {
        Expr at = written.entries().get(i).value();
        ck.error(cell.ctx, Code.TOK302, at.span(), "discrete's probabilities must be 0 % or more, found "
            + text(cell, at), "a value that cannot happen can be left out");
        return false;
      }
      sum += p;
    }
    if (known && Math.abs(sum - 1) > Family.DISCRETE_TOLERANCE) {
      Span span = written.span();
      ck.error(cell.ctx, Code.TOK302, span, "discrete's probabilities must sum to 100 %, found " + percent(sum),
          sum < 1 ? "add the missing " + percent(1 - sum, 3) + " to a value, or a value for what else can happen"
              : "the probabilities are " + percent(sum - 1, 3) + " too many: lower some of them");
      return false;
    }
    return true;
  }

  /** A share as a percentage for messages (95 %, 100.00001 %), {@code digits} significant digits. */
  private static String percent(double p) {
    return percent(p, 10);
  }

  private static String percent(double p, int digits) {
    java.math.BigDecimal d = new java.math.BigDecimal(p * 100).round(new java.math.MathContext(digits)).stripTrailingZeros();
    return (d.scale() < 0 ? d.setScale(0) : d).toPlainString() + " %";
  }

  private static String text(CellSym cell, Expr e) {
    return cell.ctx.file().slice(e.span()).strip();
  }
}

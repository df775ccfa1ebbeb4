package org.tokenomics.check;

import org.tokenomics.diag.Code;
import org.tokenomics.syntax.Expr;
import org.tokenomics.units.Dimension;
import org.tokenomics.units.DimensionFormat;
import org.tokenomics.units.Units;

/** Binary operators: the dimension rules of LANGUAGE.md §3 and date arithmetic. */
final class Operators {
  private Operators() {}

  static Typed binary(Checker ck, ExprChecker ex, Expr.Binary b, Ctx ctx) {
    Typed l = ex.check(b.left(), ctx);
    Typed r = ex.check(b.right(), ctx);
    if (l.isError() || r.isError()) {
      return Typed.ERROR;
    }
    if (!b.op().equals("*") && !b.op().equals("/") && !b.op().equals("^")) {
      Typed[] u = PrevUnits.unify(ck, l, r); // an unknown prev unit takes the other side's (LANGUAGE.md §10)
      l = u[0];
      r = u[1];
    }
    Type lt = l.type();
    Type rt = r.type();
    if (lt.tag() == Type.Tag.INSTANCE || rt.tag() == Type.Tag.INSTANCE) {
      ck.error(ctx, Code.TOK302, b.span(), "'" + b.op() + "' cannot use an instance ("
          + (lt.tag() == Type.Tag.INSTANCE ? lt : rt).describe() + ")", "use one of its attributes, e.g. x.capex");
      return Typed.ERROR;
    }
    boolean series = lt.series() || rt.series();
    return switch (b.op()) {
      case "+", "-" -> additive(ck, b, ctx, l, r, series);
      case "*", "/" -> multiplicative(ck, b, ctx, l, r, series);
      case "^" -> power(ck, b, ctx, l, r, series);
      case "and", "or" -> logic(ck, b, ctx, l, r, series);
      default -> compare(ck, b, ctx, l, r, series);
    };
  }

  private static Typed additive(Checker ck, Expr.Binary b, Ctx ctx, Typed l, Typed r, boolean series) {
    Type lt = l.type();
    Type rt = r.type();
    boolean add = b.op().equals("+");
    boolean lTime = lt.isNumber() && lt.dim().equals(Units.TIME);
    boolean rTime = rt.isNumber() && rt.dim().equals(Units.TIME);
    if (lt.isNumber() && rt.isNumber() && lt.dim().equals(rt.dim())) {
      return Typed.op(b.op(), Type.number(lt.dim(), series), b.span(), l.expr(), r.expr());
    }
    if (lt.tag() == Type.Tag.DATE && rTime) {
      return Typed.op(b.op(), Type.date(series), b.span(), l.expr(), r.expr());
    }
    if (add && lTime && rt.tag() == Type.Tag.DATE) {
      return Typed.op(b.op(), Type.date(series), b.span(), l.expr(), r.expr());
    }
    if (!add && lt.tag() == Type.Tag.DATE && rt.tag() == Type.Tag.DATE) {
      return Typed.op(b.op(), Type.number(Units.TIME, series), b.span(), l.expr(), r.expr());
    }
    if (PrevUnits.unknown(lt) || PrevUnits.unknown(rt)) {
      return PrevUnits.silenced(ck); // PrevUnits.verify reports the prev whose unit is not known
    }
    String verb = add ? "add" : "subtract";
    if (lt.isNumber() && rt.isNumber()) {
      String ls = ck.diags.source(b.span().file()) == null ? "left" : text(ck, b.left());
      String rs = ck.diags.source(b.span().file()) == null ? "right" : text(ck, b.right());
      String help = null;
      if (lt.dim().over(rt.dim()).equals(Units.TIME.pow(-1))) {
        help = "multiply the rate by a duration, e.g. " + ls + " * dt";
      } else if (rt.dim().over(lt.dim()).equals(Units.TIME.pow(-1))) {
        help = "multiply the rate by a duration, e.g. " + rs + " * dt";
      } else if (lt.dim().isNone() || rt.dim().isNone()) {
        help = "give the plain number a unit, e.g. 0 " + DimensionFormat.unitText(lt.dim().isNone() ? rt.dim() : lt.dim());
      }
      String trap = PrecedenceHint.help(ck, b);
      ck.error(ctx, Code.TOK300, b.span(), "cannot " + verb + " " + lt.shortName() + " and " + rt.shortName(),
          trap != null ? trap : help,
          Messages.what(b.left(), "the left side") + " is " + lt.shortName() + ", "
              + Messages.what(b.right(), "the right side") + " is " + rt.shortName());
    } else {
      ck.error(ctx, Code.TOK302, b.span(), "cannot " + verb + " " + lt.describe() + " and " + rt.describe(),
          lt.tag() == Type.Tag.DATE || rt.tag() == Type.Tag.DATE ? "a date plus a duration is a date; two dates subtract to a duration" : null);
    }
    return Typed.ERROR;
  }

  /** The operand as written, bracketed when it is itself an operation: {@code (revenue - depreciation)}. */
  private static String text(Checker ck, Expr e) {
    String t = ck.diags.source(e.span().file()).slice(e.span()).strip();
    boolean compound = e instanceof Expr.Binary || e instanceof Expr.If || e instanceof Expr.Unary;
    return compound && !(t.startsWith("(") && t.endsWith(")")) ? "(" + t + ")" : t;
  }

  private static Typed multiplicative(Checker ck, Expr.Binary b, Ctx ctx, Typed l, Typed r, boolean series) {
    if (!l.type().isNumber() || !r.type().isNumber()) {
      ck.error(ctx, Code.TOK302, b.span(), "cannot " + (b.op().equals("*") ? "multiply " : "divide ")
          + l.type().describe() + " and " + r.type().describe(), null);
      return Typed.ERROR;
    }
    boolean times = b.op().equals("*");
    Dimension dim = times ? l.type().dim().times(r.type().dim()) : l.type().dim().over(r.type().dim());
    return Typed.op(b.op(), Type.number(dim, series), b.span(), l.expr(), r.expr());
  }

  private static Typed power(Checker ck, Expr.Binary b, Ctx ctx, Typed l, Typed r, boolean series) {
    if (!l.type().isNumber() || !r.type().isNumber()) {
      ck.error(ctx, Code.TOK302, b.span(), "'^' needs numbers, found " + l.type().describe() + " and " + r.type().describe(), null);
      return Typed.ERROR;
    }
    if (!r.type().dim().isNone()) {
      ck.error(ctx, Code.TOK300, b.right().span(), "an exponent must be a plain number, found " + r.type().describe(), null);
      return Typed.ERROR;
    }
    Dimension dim = l.type().dim();
    if (!dim.isNone()) {
      Double k = TExpr.constant(r.expr());
      double n = k == null ? Double.NaN : k;
      if (k == null || n != Math.rint(n) || Math.abs(n) > 64) {
        ck.error(ctx, Code.TOK300, b.right().span(), "a quantity with a unit (" + l.type().shortName()
            + ") can only be raised to a constant whole number", "divide out the unit first, e.g. (x / 1 GW) ^ 0.5");
        return Typed.ERROR;
      }
      dim = dim.pow((int) n);
    }
    return Typed.op("^", Type.number(dim, series), b.span(), l.expr(), r.expr());
  }

  private static Typed logic(Checker ck, Expr.Binary b, Ctx ctx, Typed l, Typed r, boolean series) {
    if (l.type().tag() != Type.Tag.BOOL || r.type().tag() != Type.Tag.BOOL) {
      ck.error(ctx, Code.TOK302, b.span(), "'" + b.op() + "' needs conditions, found " + l.type().describe()
          + " and " + r.type().describe(), null);
      return Typed.ERROR;
    }
    return Typed.op(b.op(), Type.bool(series), b.span(), l.expr(), r.expr());
  }

  private static Typed compare(Checker ck, Expr.Binary b, Ctx ctx, Typed l, Typed r, boolean series) {
    Type lt = l.type();
    Type rt = r.type();
    boolean equality = b.op().equals("==") || b.op().equals("!=");
    boolean ok = lt.sameShape(rt) && (lt.tag() != Type.Tag.BOOL || equality);
    if (!ok && (PrevUnits.unknown(lt) || PrevUnits.unknown(rt))) {
      return PrevUnits.silenced(ck); // PrevUnits.verify reports the prev whose unit is not known
    }
    if (!ok) {
      Code code = lt.isNumber() && rt.isNumber() ? Code.TOK300 : Code.TOK302;
      String help = lt.isNumber() && rt.isNumber() && (lt.dim().isNone() || rt.dim().isNone())
          ? "give the plain number a unit, e.g. 0 " + DimensionFormat.unitText(lt.dim().isNone() ? rt.dim() : lt.dim()) : null;
      String trap = code == Code.TOK300 ? PrecedenceHint.help(ck, b) : null;
      help = trap != null ? trap : help;
      ck.error(ctx, code, b.span(), "cannot compare " + lt.shortName() + " and " + rt.shortName(), help,
          Messages.what(b.left(), "the left side") + " is " + lt.shortName() + ", "
              + Messages.what(b.right(), "the right side") + " is " + rt.shortName());
      return Typed.ERROR;
    }
    return Typed.op(b.op(), Type.bool(series), b.span(), l.expr(), r.expr());
  }
}

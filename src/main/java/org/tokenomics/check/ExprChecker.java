package org.tokenomics.check;

import org.tokenomics.diag.Code;
import org.tokenomics.diag.Suggest;
import org.tokenomics.syntax.Expr;
import org.tokenomics.time.Dates;
import org.tokenomics.units.Dimension;
import org.tokenomics.units.Unit;
import org.tokenomics.units.Units;

/** Checks expressions: resolves names, checks dimensions and types, and builds nodes. */
final class ExprChecker {
  private final Checker ck;
  private final Calls calls;

  ExprChecker(Checker ck) {
    this.ck = ck;
    this.calls = new Calls(ck, this);
  }

  Calls calls() {
    return calls;
  }

  Typed check(Expr e, Ctx ctx) {
    if (e instanceof Expr.Num n) {
      return Typed.lit(n.value(), Type.number(Dimension.NONE, false), n.span());
    } else if (e instanceof Expr.Quantity q) {
      return quantity(q, ctx);
    } else if (e instanceof Expr.Money m) {
      return Typed.lit(m.value(), Type.number(Units.MONEY, false), m.span());
    } else if (e instanceof Expr.Date d) {
      if (!Dates.valid(d.year(), d.month(), d.day())) {
        ck.error(ctx, Code.TOK302, d.span(), "there is no date " + d.text(), "write a real date, e.g. 2027-06 or 2027-06-15");
        return Typed.ERROR;
      }
      return Typed.lit(Dates.of(d.year(), d.month(), d.day()), Type.date(false), d.span());
    } else if (e instanceof Expr.Bool b) {
      return Typed.lit(b.value() ? 1 : 0, Type.bool(false), b.span());
    } else if (e instanceof Expr.Name n) {
      return name(n, ctx);
    } else if (e instanceof Expr.Attr a) {
      return attr(a, ctx);
    } else if (e instanceof Expr.Index i) {
      return index(i, ctx);
    } else if (e instanceof Expr.Call c) {
      return calls.call(c, ctx);
    } else if (e instanceof Expr.Unary u) {
      return unary(u, ctx);
    } else if (e instanceof Expr.Binary b) {
      return Operators.binary(ck, this, b, ctx);
    } else if (e instanceof Expr.If i) {
      return conditional(i, ctx);
    } else if (e instanceof Expr.KeyedList k) {
      ck.error(ctx, Code.TOK302, k.span(), "a keyed list [KEY: VALUE, …] is only an argument of series, curve, lookup or discrete",
          "e.g. series([2026: $10B, 2027: $20B]) or curve([2026: 2 $/GPU/h, 2028: 1 $/GPU/h])");
      return Typed.ERROR;
    } else if (e instanceof Expr.Str s) {
      ck.error(ctx, Code.TOK302, s.span(), "a string is only the path or column of csv(…)",
          "e.g. csv(\"rents.csv\", column: \"h100\") * 1 $/GPU/h");
      return Typed.ERROR;
    }
    throw new IllegalStateException("unknown expression " + e);
  }

  private Typed quantity(Expr.Quantity q, Ctx ctx) {
    Unit unit = ck.units.get(q.unit());
    if (unit == null) {
      String near = Suggest.unit(q.unit(), ck.units.names());
      String known = ck.globals.containsKey(q.unit()) ? " (" + q.unit() + " is a value, not a unit: write "
          + q.number().text() + " * " + q.unit() + ")" : "";
      ck.error(ctx, Code.TOK301, q.unitSpan(), "unknown unit '" + q.unit() + "'" + known,
          near == null ? null : "did you mean " + q.number().text() + " " + near + "?");
      return Typed.ERROR;
    }
    double value = q.number().value() * Math.pow(unit.factor(), q.exponent());
    return Typed.lit(value, Type.number(unit.dim().pow(q.exponent()), false), q.span());
  }

  private Typed name(Expr.Name n, Ctx ctx) {
    String name = n.name();
    Typed arg = ctx.fnArgs().get(name);
    if (arg != null) {
      return arg;
    }
    if (ctx.self() != null) {
      CellSym own = ctx.self().attrs.get(name);
      // `index = index` in a block means the file's index: an attribute is never its own value.
      boolean itself = own != null && own == ck.current() && ck.globals.containsKey(name);
      if (own != null && !itself) {
        return ck.ref(own);
      }
    }
    Object global = ck.globals.get(name);
    if (global instanceof CellSym cell) {
      if (cell.role == CellSym.Role.REPORT && RollUps.isRollUp(cell.expr)) { // one value per year, not per period
        ck.error(ctx, Code.TOK302, n.span(), "'" + name + "' is a roll-up (one value per year or quarter): only the report shows it",
            "use the series it rolls up, or sum(x, from: …, to: …) for one year");
        return Typed.ERROR;
      }
      return ck.ref(cell);
    }
    if (global instanceof InstanceSym inst) {
      return new Typed(null, Type.instance(inst));
    }
    if (global instanceof FamilySym f) {
      if (f.members().isEmpty()) {
        return Typed.ERROR; // a family whose declaration failed: reported there
      }
      ck.error(ctx, Code.TOK302, n.span(), FamilyMessages.familyWide(f, name), FamilyMessages.familyWideHelp(f, null));
      return Typed.ERROR;
    }
    org.tokenomics.time.TimeVar which = org.tokenomics.time.TimeVar.named(name);
    if (which != null) {
      boolean series = ck.timeline.declared();
      Type type = switch (which) {
        case T, DT -> Type.number(Units.TIME, series);
        case DATE -> Type.date(series);
        default -> Type.number(Dimension.NONE, series);
      };
      if (!series) {
        // A static model has one period: every built-in series is a constant there.
        return Typed.lit(which.in(ck.timeline, 0), type, n.span());
      }
      return new Typed(new TExpr.Time(which, type, n.span()), type);
    }
    Unit unit = ck.units.get(name);
    if (unit != null) {
      return Typed.lit(unit.factor(), Type.number(unit.dim(), false), n.span());
    }
    unknownName(n, ctx);
    return Typed.ERROR;
  }

  private void unknownName(Expr.Name n, Ctx ctx) {
    // A function's parameters first, then the scope's names (one set per scope, never copied here).
    String nearName = Suggest.closest(n.name(), ctx.fnArgs().isEmpty() ? ck.visibleNames(ctx.self())
        : Suggest.concat(ctx.fnArgs().keySet(), ck.visibleNames(ctx.self())));
    String nearUnit = Suggest.unit(n.name(), ck.units.names());
    if (nearName == null && nearUnit != null) {
      ck.error(ctx, Code.TOK301, n.span(), "unknown unit '" + n.name() + "'", "did you mean " + nearUnit + "?");
      return;
    }
    String help = nearName != null ? "did you mean " + nearName + "?" : null;
    if (help == null && ck.kinds.containsKey(n.name())) {
      help = n.name() + " is a kind; declare an instance: " + n.name() + " my_" + n.name() + " { … }";
    }
    ck.error(ctx, Code.TOK200, n.span(), "unknown name '" + n.name() + "'", help);
  }

  private Typed attr(Expr.Attr a, Ctx ctx) {
    FamilySym family = Families.named(ck, a.target(), ctx);
    if (family != null && family.members().isEmpty()) {
      return Typed.ERROR;
    }
    if (family != null) {
      ck.error(ctx, Code.TOK302, a.span(), FamilyMessages.familyWide(family, family.name() + "." + a.name()),
          FamilyMessages.familyWideHelp(family, a.name()));
      return Typed.ERROR;
    }
    Typed target = check(a.target(), ctx);
    if (target.isError()) {
      return Typed.ERROR;
    }
    if (target.type().tag() != Type.Tag.INSTANCE) {
      ck.error(ctx, Code.TOK302, a.span(), "'." + a.name() + "' needs an instance, found " + target.type().describe(), null);
      return Typed.ERROR;
    }
    InstanceSym inst = target.type().instance();
    CellSym cell = inst.attrs.get(a.name());
    if (cell == null) {
      String near = Suggest.closest(a.name(), inst.attrs.keySet());
      ck.error(ctx, Code.TOK402, a.nameSpan(), inst.kind().name() + " " + inst.name() + " has no attribute '"
          + a.name() + "'", near == null ? "its attributes: " + String.join(", ", inst.attrs.keySet())
          : "did you mean " + near + "?");
      return Typed.ERROR;
    }
    return ck.ref(cell);
  }

  private Typed index(Expr.Index i, Ctx ctx) {
    FamilySym family = Families.named(ck, i.target(), ctx);
    if (family != null) {
      return Families.member(ck, this, family, i, ctx);
    }
    Typed x = check(i.target(), ctx);
    Typed d = check(i.index(), ctx);
    if (x.isError() || d.isError()) {
      return Typed.ERROR;
    }
    if (d.type().tag() != Type.Tag.DATE) {
      ck.error(ctx, Code.TOK302, i.index().span(), "a series is indexed by a date, found " + d.type().describe(),
          "write a date, e.g. x[2027-06]");
      return Typed.ERROR;
    }
    // x[D] reads another period: a cell of its own over x as a cell (a scalar x still has its
    // date checked against the timeline, as the spec requires).
    TExpr operand = x.type().series() ? calls.hoist(i.target().span(), x).expr() : x.expr();
    Type type = x.type().asSeries(d.type().series());
    return calls.hoist(i.span(), Typed.op("at", type, i.span(), operand, d.expr()));
  }

  private Typed unary(Expr.Unary u, Ctx ctx) {
    Typed x = check(u.operand(), ctx);
    if (x.isError()) {
      return x;
    }
    if (u.op().equals("-")) {
      if (x.type().tag() != Type.Tag.NUMBER) {
        ck.error(ctx, Code.TOK302, u.span(), "cannot negate " + x.type().describe(), null);
        return Typed.ERROR;
      }
      return Typed.op("neg", x.type(), u.span(), x.expr());
    }
    if (x.type().tag() != Type.Tag.BOOL) {
      ck.error(ctx, Code.TOK302, u.span(), "'not' needs a condition, found " + x.type().describe(), null);
      return Typed.ERROR;
    }
    return Typed.op("not", x.type(), u.span(), x.expr());
  }

  private Typed conditional(Expr.If i, Ctx ctx) {
    Typed c = check(i.cond(), ctx);
    Typed a = check(i.then(), ctx);
    Typed b = check(i.otherwise(), ctx);
    if (c.isError() || a.isError() || b.isError()) {
      return Typed.ERROR;
    }
    Typed[] u = PrevUnits.unify(ck, a, b); // an unknown prev unit takes the other branch's (LANGUAGE.md §10)
    a = u[0];
    b = u[1];
    if (!a.type().sameShape(b.type()) && (PrevUnits.unknown(a.type()) || PrevUnits.unknown(b.type()))) {
      return PrevUnits.silenced(ck); // PrevUnits.verify reports the prev whose unit is not known
    }
    if (c.type().tag() != Type.Tag.BOOL) {
      ck.error(ctx, Code.TOK302, i.cond().span(), "'if' needs a condition, found " + c.type().describe(),
          "compare two values, e.g. if year >= 2028 then …");
      return Typed.ERROR;
    }
    if (!a.type().sameShape(b.type()) || a.type().tag() == Type.Tag.INSTANCE) {
      Code code = a.type().tag() == b.type().tag() ? Code.TOK300 : Code.TOK302;
      ck.error(ctx, code, i.span(), "the branches of 'if' differ: " + a.type().describe() + " and "
          + b.type().describe(), "both branches must have the same unit, e.g. $0/yr rather than 0", 
          "then is " + a.type().shortName() + ", else is " + b.type().shortName());
      return Typed.ERROR;
    }
    boolean series = c.type().series() || a.type().series() || b.type().series();
    return Typed.op("if", a.type().asSeries(series), i.span(), c.expr(), a.expr(), b.expr());
  }
}

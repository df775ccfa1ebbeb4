package org.tokenomics.check;

import java.util.Map;
import org.tokenomics.diag.Code;
import org.tokenomics.syntax.Expr;
import org.tokenomics.units.Dimension;
import org.tokenomics.units.Units;

/** One built-in call with its arguments already checked: the rules of the registry entries (argument types, the typed result). */
final class BuiltIns {
  private final Checker ck;
  private final ExprChecker ex;
  private final Expr.Call call;
  private final Ctx ctx;
  private final Map<String, Expr> exprs;
  private final Map<String, Typed> args;
  private final boolean timeline;

  BuiltIns(Checker ck, ExprChecker ex, Expr.Call call, Ctx ctx, Map<String, Expr> exprs, Map<String, Typed> args) {
    this.ck = ck;
    this.ex = ex;
    this.call = call;
    this.ctx = ctx;
    this.exprs = exprs;
    this.args = args;
    this.timeline = ck.timeline.declared();
  }

  /** Applies the registry entry's rule; an argument error has then been reported. */
  Typed build(BuiltinFunctions.Entry entry) {
    try {
      return entry.rule().apply(this);
    } catch (Bad e) {
      return Typed.ERROR;
    }
  }

  Typed ramp() {
    return number("ramp", Dimension.NONE, timeline, date("from"), optional("over", Units.TIME, 0));
  }

  Typed halving() {
    return number("halving", Dimension.NONE, timeline, quantity("every", Units.TIME, true));
  }

  Typed abs() {
    Typed x = anyNumber("x");
    return Typed.op("abs", x.type(), call.span(), x.expr());
  }

  /** exp, ln, log10, floor, ceil, round: a plain number in, a plain number out. */
  Typed math(String name) {
    TExpr x = quantity("x", Dimension.NONE, false);
    return number(name, Dimension.NONE, args.get("x").type().series(), x);
  }

  // ---- for rules kept in classes of their own (PointCalls) -------------------------------------

  Checker checker() {
    return ck;
  }

  ExprChecker exprChecker() {
    return ex;
  }

  Expr.Call call() {
    return call;
  }

  Ctx ctx() {
    return ctx;
  }

  /** The argument as written (null when left out). */
  Expr written(String name) {
    return exprs.get(name);
  }

  /** The checked argument (null when left out, or when the registry leaves it to the rule: {@link BuiltinFunctions#raw}). */
  Typed checked(String name) {
    return args.get(name);
  }

  boolean hasTimeline() {
    return timeline;
  }

  /** Reports an error and abandons the call (the rule's caller returns {@link Typed#ERROR}). */
  RuntimeException fail(Code code, org.tokenomics.syntax.Span span, String message, String help) {
    ck.error(ctx, code, span, message, help);
    return new Bad();
  }

  /** Abandons the call after an error that has been reported. */
  RuntimeException bad() {
    return new Bad();
  }

  /** Thrown after an argument error has been reported. */
  private static final class Bad extends RuntimeException {
    Bad() {
      super(null, null, false, false);
    }
  }

  /** The call itself as an operation of the given dimension (a series only when there is a timeline). */
  private Typed number(String op, Dimension dim, boolean series, TExpr... in) {
    return Typed.op(op, Type.number(dim, series && timeline), call.span(), in);
  }

  private boolean anySeries(String... names) {
    for (String n : names) {
      Typed t = args.get(n);
      if (t != null && t.type().series()) {
        return true;
      }
    }
    return false;
  }

  private Typed anyNumber(String name) {
    Typed t = args.get(name);
    if (!t.type().isNumber()) {
      fail(name, "a number", t.type());
    }
    return t;
  }

  private TExpr quantity(String name, Dimension dim, boolean scalarOnly) {
    Typed t = args.get(name);
    if (!t.type().isNumber() || !t.type().dim().equals(dim)) {
      String hint = null;
      if ((call.name().equals("grow") || call.name().equals("decline")) && name.equals("by")) {
        hint = "growth compounds once per period: write by: 10 %, every: month (not 10 %/month)";
      }
      fail(name, Type.number(dim, false).describe(), t.type(), hint);
    }
    if (scalarOnly && t.type().series() && !name.equals("every")) {
      ck.error(ctx, Code.TOK302, exprs.get(name).span(), call.name() + "'s " + name + " must be a single value, not a series", null);
      throw new Bad();
    }
    return t.expr();
  }

  private TExpr optional(String name, Dimension dim, double missing) {
    return args.containsKey(name) ? quantity(name, dim, false) : new TExpr.Lit(missing, Type.number(dim, false), null);
  }

  private TExpr date(String name) {
    Typed t = args.get(name);
    if (t.type().tag() != Type.Tag.DATE) {
      fail(name, "a date", t.type(), "write a date such as 2027-01, or a date param");
    }
    return t.expr();
  }

  private void fail(String arg, String want, Type got) {
    fail(arg, want, got, null);
  }

  private void fail(String arg, String want, Type got, String help) {
    Code code = got.isNumber() && want.contains("(") || got.isNumber() && !want.startsWith("a ") ? Code.TOK300 : Code.TOK302;
    if (got.isNumber() && want.equals("a plain number (dimensionless)")) {
      code = Code.TOK300;
    }
    ck.error(ctx, code, exprs.get(arg).span(), call.name() + "'s " + arg + " must be " + want + ", found "
        + got.describe(), help);
    throw new Bad();
  }

  Typed reduce(String name) {
    Typed x = args.get("x");
    if (!(x.type().isNumber() || (x.type().tag() == Type.Tag.DATE && !name.equals("sum") && !name.equals("mean")))) {
      fail("x", "a number", x.type());
    }
    TExpr from = args.containsKey("from") ? date("from") : null;
    TExpr to = args.containsKey("to") ? date("to") : null;
    if (exprs.containsKey("by")) { // a roll-up (LANGUAGE.md §13): one value per year or quarter, a report's whole value
      org.tokenomics.time.Step by = RollUps.check(ck, ctx, call, ((Expr.Name) exprs.get("by")).name(), from != null || to != null);
      if (by == null) {
        throw new Bad();
      }
      Type type = x.type().asSeries(true);
      TExpr r = new TExpr.Op(name, java.util.Arrays.asList(operand(x), null, null), type, call.span(), by);
      return new Typed(r, type);
    }
    TExpr n = TExpr.op(name, x.type().asSeries(false), call.span(), operand(x), from, to);
    if (!x.type().series() && from == null && !name.equals("sum")) {
      return x; // the min, mean, first … of a scalar is itself
    }
    return new Typed(n, n.type());
  }

  /**
   * The running sum: a series whenever the model has a timeline, even of a single value
   * ({@code cumsum(5)} is 5, 10, 15 …, as {@code sum(5)} is 5 × periods). Its own cell.
   */
  Typed cumsum() {
    Typed x = anyNumber("x");
    if (!timeline) {
      return x; // a static model: the running sum of one period is the value
    }
    Type type = x.type().asSeries(true);
    return ck.hidden(cellName("cumsum"), call.span(), x.expr(), true, type);
  }

  /** {@code lag(x, n)}: x shifted n periods later, 0 before; a series whenever there is a timeline. Its own cell. */
  Typed lag() {
    Typed x = anyNumber("x");
    TExpr n = quantity("n", Dimension.NONE, true);
    Type type = x.type().asSeries(timeline || x.type().series());
    return calls().hoist(call.span(), Typed.op("lag", type, call.span(), operand(x), n));
  }

  /** A series operand of an operator that reads several periods, as a reference to a cell of its own. */
  private TExpr operand(Typed x) {
    return x.type().series() ? calls().hoist(exprs.get(exprs.containsKey("x") ? "x" : "amounts").span(), x).expr() : x.expr();
  }

  private Calls calls() {
    return ex.calls();
  }

  private String cellName(String what) {
    CellSym user = ck.current();
    return (user == null ? "" : user.name + ".") + what + "@" + call.span().line() + ":" + call.span().column();
  }

  Typed active() {
    if (args.isEmpty()) {
      ck.error(ctx, Code.TOK302, call.span(), "active needs from:, for: or until:", "e.g. active(from: 2027-01, for: 5 yr)");
      throw new Bad();
    }
    TExpr from = args.containsKey("from") ? date("from") : null;
    TExpr length = args.containsKey("for") ? quantity("for", Units.TIME, false) : null;
    TExpr until = args.containsKey("until") ? date("until") : null;
    if (length != null && from == null) {
      ck.error(ctx, Code.TOK302, call.span(), "active(for: …) needs from:", null);
      throw new Bad();
    }
    return number("active", Dimension.NONE, timeline, from, length, until);
  }

  Typed once() {
    Typed amount = anyNumber("amount");
    TExpr at = date("at");
    // once is "if the period contains at then amount else 0": plain conditional code, amount evaluated only there
    Type type = amount.type().asSeries(timeline || at.type().series());
    TExpr in = TExpr.op("inperiod", Type.bool(type.series()), call.span(), at);
    return Typed.op("if", type, call.span(), in, amount.expr(), new TExpr.Lit(0, amount.type().asSeries(false), null));
  }

  Typed compound(String name) {
    TExpr by = quantity("by", Dimension.NONE, false);
    TExpr every = quantity("every", Units.TIME, false);
    return number(name, Dimension.NONE, timeline, by, every);
  }

  Typed cashFlow(String name) {
    Typed amounts = anyNumber("amounts");
    TExpr initial = null;
    if (args.containsKey("initial")) {
      Typed init = args.get("initial");
      if (!init.type().isNumber() || !init.type().dim().equals(amounts.type().dim())) {
        fail("initial", Type.number(amounts.type().dim(), false).describe(), init.type());
      }
      if (init.type().series()) {
        ck.error(ctx, Code.TOK302, exprs.get("initial").span(), "initial must be a single amount, not a series", null);
        throw new Bad();
      }
      initial = init.expr();
    }
    if (amounts.type().dim().equals(Units.MONEY.over(Units.TIME))) {
      ck.error(ctx, Code.TOK300, exprs.get("amounts").span(), name + " takes amounts ($), found a rate ($/yr)",
          "multiply the rate by the period length: " + name + "(x * dt, …)");
      throw new Bad();
    }
    TExpr rate = name.equals("npv") ? quantity("rate", Dimension.NONE, true) : null;
    Dimension dim = switch (name) {
      case "npv" -> amounts.type().dim();
      case "irr" -> Dimension.NONE;
      default -> Units.TIME; // payback
    };
    // timing: where each period's amount sits (LANGUAGE.md §14); the word is carried as the op's data
    String timing = exprs.containsKey("timing") ? ((Expr.Name) exprs.get("timing")).name() : null;
    DayOneCash.check(ck, ctx, name, amounts.expr(), timing, call.span());
    TExpr op = new TExpr.Op(name, java.util.Arrays.asList(operand(amounts), rate, initial), Type.number(dim, false),
        call.span(), timing);
    return new Typed(op, op.type());
  }

  Typed crf() {
    TExpr rate = quantity("rate", Dimension.NONE, false);
    TExpr n = quantity("n", Units.TIME, false);
    return number("crf", Dimension.NONE, anySeries("rate", "n"), rate, n);
  }

  Typed sqrt() {
    Typed x = anyNumber("x");
    Dimension root = x.type().dim().sqrt();
    if (root == null) {
      ck.error(ctx, Code.TOK300, exprs.get("x").span(), "the square root of " + x.type().shortName() + " has no unit",
          "only quantities with even powers (e.g. m^2) have a square root with a unit");
      throw new Bad();
    }
    return Typed.op("sqrt", Type.number(root, x.type().series()), call.span(), x.expr());
  }
}

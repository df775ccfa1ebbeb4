package org.tokenomics.check;

import java.util.Map;
import org.tokenomics.diag.Code;
import org.tokenomics.eval.Arith;
import org.tokenomics.eval.Const;
import org.tokenomics.eval.Node;
import org.tokenomics.finance.FinanceNodes;
import org.tokenomics.syntax.Expr;
import org.tokenomics.eval.series.Reductions;
import org.tokenomics.eval.series.TimeFns;
import org.tokenomics.units.Dimension;
import org.tokenomics.units.Units;

/** One built-in call with its arguments already checked: argument types, then the node. */
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
    return number(new TimeFns.Ramp(date("from"), optional("over", Units.TIME, 0), timeline), Dimension.NONE, timeline);
  }

  Typed halving() {
    return number(new TimeFns.Compound(new Const(0.5), quantity("every", Units.TIME, true), timeline, call.span()),
        Dimension.NONE, timeline);
  }

  Typed abs() {
    Typed x = anyNumber("x");
    return new Typed(Calls.math("abs", x.node(), call.span()), x.type());
  }

  /** exp, ln, log10, floor, ceil, round: a plain number in, a plain number out. */
  Typed math(String name) {
    return number(Calls.math(name, quantity("x", Dimension.NONE, false), call.span()), Dimension.NONE,
        args.get("x").type().series());
  }

  /** Thrown after an argument error has been reported. */
  private static final class Bad extends RuntimeException {
    Bad() {
      super(null, null, false, false);
    }
  }

  private Typed number(Node n, Dimension dim, boolean series) {
    return new Typed(n, Type.number(dim, series && timeline));
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

  private Node quantity(String name, Dimension dim, boolean scalarOnly) {
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
    return t.node();
  }

  private Node optional(String name, Dimension dim, double missing) {
    return args.containsKey(name) ? quantity(name, dim, false) : new Const(missing);
  }

  private Node date(String name) {
    Typed t = args.get(name);
    if (t.type().tag() != Type.Tag.DATE) {
      fail(name, "a date", t.type(), "write a date such as 2027-01, or a date param");
    }
    return t.node();
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
    Node from = args.containsKey("from") ? date("from") : null;
    Node to = args.containsKey("to") ? date("to") : null;
    Node n = new Reductions.Reduce(Calls.reduction(name), operand(x), from, to);
    if (!x.type().series() && from == null && !name.equals("sum")) {
      return x; // the min, mean, first … of a scalar is itself
    }
    return new Typed(n, x.type().asSeries(false));
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
    return ck.hidden(cellName("cumsum"), call.span(), org.tokenomics.eval.Computer.runningSum(x.node()), type);
  }

  /** {@code lag(x, n)}: x shifted n periods later, 0 before; a series whenever there is a timeline. Its own cell. */
  Typed lag() {
    Typed x = anyNumber("x");
    Node n = quantity("n", Dimension.NONE, true);
    Type type = x.type().asSeries(timeline || x.type().series());
    Node lag = Calls.lag(operand(x), n, type.series());
    return calls().hoist(call.span(), new Typed(lag, type));
  }

  /** A series operand of an operator that reads several periods, as a reference to a cell of its own. */
  private Node operand(Typed x) {
    return x.type().series() ? calls().hoist(exprs.get(exprs.containsKey("x") ? "x" : "amounts").span(), x).node() : x.node();
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
    Node from = args.containsKey("from") ? date("from") : null;
    Node length = args.containsKey("for") ? quantity("for", Units.TIME, false) : null;
    Node until = args.containsKey("until") ? date("until") : null;
    if (length != null && from == null) {
      ck.error(ctx, Code.TOK302, call.span(), "active(for: …) needs from:", null);
      throw new Bad();
    }
    return number(new TimeFns.Active(from, length, until, timeline), Dimension.NONE, timeline);
  }

  Typed once() {
    Typed amount = anyNumber("amount");
    Node at = date("at");
    // once is "if the period contains at then amount else 0": plain conditional code, amount evaluated only there
    Node in = new TimeFns.InPeriod(at, timeline);
    return new Typed(Arith.cond(in, amount.node(), new Const(0)), amount.type().asSeries(timeline || in.series()));
  }

  Typed compound(String name) {
    Node by = quantity("by", Dimension.NONE, false);
    Node every = quantity("every", Units.TIME, false);
    Node base = name.equals("grow")
        ? Arith.binary(Arith.Op.ADD, new Const(1), by, call.span())
        : Arith.binary(Arith.Op.SUB, new Const(1), by, call.span());
    return number(new TimeFns.Compound(base, every, timeline, call.span()), Dimension.NONE, timeline);
  }

  Typed cashFlow(String name) {
    Typed amounts = anyNumber("amounts");
    Node initial = null;
    if (args.containsKey("initial")) {
      Typed init = args.get("initial");
      if (!init.type().isNumber() || !init.type().dim().equals(amounts.type().dim())) {
        fail("initial", Type.number(amounts.type().dim(), false).describe(), init.type());
      }
      if (init.type().series()) {
        ck.error(ctx, Code.TOK302, exprs.get("initial").span(), "initial must be a single amount, not a series", null);
        throw new Bad();
      }
      initial = init.node();
    }
    if (amounts.type().dim().equals(Units.MONEY.over(Units.TIME))) {
      ck.error(ctx, Code.TOK300, exprs.get("amounts").span(), name + " takes amounts ($), found a rate ($/yr)",
          "multiply the rate by the period length: " + name + "(x * dt, …)");
      throw new Bad();
    }
    Node rate = name.equals("npv") ? quantity("rate", Dimension.NONE, true) : null;
    FinanceNodes.Fn fn = Calls.finance(name);
    Dimension dim = switch (fn) {
      case NPV -> amounts.type().dim();
      case IRR -> Dimension.NONE;
      case PAYBACK -> Units.TIME;
    };
    return new Typed(new FinanceNodes.CashFlow(fn, operand(amounts), rate, initial, call.span()), Type.number(dim, false));
  }

  Typed crf() {
    Node rate = quantity("rate", Dimension.NONE, false);
    Node n = quantity("n", Units.TIME, false);
    return number(Arith.fold(new FinanceNodes.Crf(rate, n, call.span()), rate, n), Dimension.NONE, anySeries("rate", "n"));
  }

  Typed sqrt() {
    Typed x = anyNumber("x");
    Dimension root = x.type().dim().sqrt();
    if (root == null) {
      ck.error(ctx, Code.TOK300, exprs.get("x").span(), "the square root of " + x.type().shortName() + " has no unit",
          "only quantities with even powers (e.g. m^2) have a square root with a unit");
      throw new Bad();
    }
    return new Typed(Calls.math("sqrt", x.node(), call.span()), Type.number(root, x.type().series()));
  }
}

package org.tokenomics.xlsx;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.tokenomics.check.OpParts;
import org.tokenomics.check.TExpr;
import org.tokenomics.check.Type;
import org.tokenomics.syntax.Span;

/**
 * A typed tree ({@link TExpr}) as an Excel formula in one column of the calculations sheet. Each
 * operation of the model is one case here; one Excel cannot say throws {@link Inexpressible} with
 * the reason, and the row then holds Tok's values with that reason as a cell comment. Operands
 * are written in Tok's evaluation order and grouping, so Excel computes the same numbers; the
 * whole-series operations that need more than one cell (npv off yearly periods, irr, payback,
 * windows, lags of a non-row) get helper rows of their own ({@link Calc#helper}).
 */
final class Formulas {
  /** Why a formula cannot be written; the message is the cell comment's reason. */
  static final class Inexpressible extends RuntimeException {
    Inexpressible(String why) {
      super(why, null, false, false);
    }
  }

  /** A formula and how tightly it binds. */
  record E(String text, int prec) {}

  static final int CMP = 1;
  static final int ADD = 2;
  static final int MUL = 3;
  static final int POW = 4;
  static final int NEG = 5;
  static final int ATOM = 6;
  /** Tolerance on dates, in years (about 0.03 s): sheet dates are divided by a year, Tok's are whole seconds. */
  static final String TOL = "1E-9";

  private final Calc calc;
  private final Function<Span, String> source;
  private final Finance finance;
  private final KeyedFormulas keyed;
  private final ProRataFormulas proRata;

  Formulas(Calc calc, Function<Span, String> source) {
    this.calc = calc;
    this.source = source;
    this.finance = new Finance(this, calc);
    this.keyed = new KeyedFormulas(this, calc);
    this.proRata = new ProRataFormulas(this, calc);
  }

  /** The formula of {@code e} in column {@code col} ({@code -1}: the value column). */
  String formula(TExpr e, int col) {
    return emit(e, col).text();
  }

  E emit(TExpr e, int col) {
    if (e == null) {
      throw new Inexpressible("an argument is missing");
    }
    if (e instanceof TExpr.Lit l) {
      return number(SheetUnits.toSheet(l.value(), l.type()));
    }
    if (e instanceof TExpr.CellRef r) {
      return atom(calc.ref(r.slot(), r.type().series(), col));
    }
    if (e instanceof TExpr.Time t) {
      return atom(calc.time(t.which(), col));
    }
    TExpr.Op o = (TExpr.Op) e;
    List<TExpr> a = o.args();
    if (o.op().equals("-") && a.get(0).type().tag() == Type.Tag.DATE && a.get(1).type().tag() == Type.Tag.DATE
        && TExpr.constant(o) != null) {
      // two constant dates (a member's key less a date): Tok's exact duration, as the sheet's dates
      // (years since year 0) would lose ~1e-13 yr in the subtraction
      return number(SheetUnits.toSheet(TExpr.constant(o), o.type()));
    }
    if (o.data() instanceof org.tokenomics.time.Step by && col >= 0) {
      return rollUp(o.op(), a.get(0), by, col);
    }
    return switch (o.op()) {
      case "+", "-" -> binary(a.get(0), o.op(), a.get(1), ADD, col);
      case "*", "/" -> binary(a.get(0), o.op(), a.get(1), MUL, col);
      case "^" -> new E(wrap(emit(a.get(0), col), ATOM) + "^" + wrap(emit(a.get(1), col), ATOM), POW);
      case "neg" -> new E("-" + wrap(emit(a.get(0), col), NEG), NEG);
      case "not" -> call("NOT", col, a.get(0));
      case "and" -> call("AND", col, a.get(0), a.get(1));
      case "or" -> call("OR", col, a.get(0), a.get(1));
      case "==" -> binary(a.get(0), "=", a.get(1), CMP, col);
      case "!=" -> binary(a.get(0), "<>", a.get(1), CMP, col);
      case "<", "<=", ">", ">=" -> binary(a.get(0), o.op(), a.get(1), CMP, col);
      case "if" -> call("IF", col, a.get(0), a.get(1), a.get(2));
      case "minmax" -> call(Boolean.TRUE.equals(o.data()) ? "MAX" : "MIN", col, a.toArray(new TExpr[0]));
      case "at" -> at(a.get(0), a.get(1), col);
      case "inperiod" -> new E("INT((" + text(a.get(0), col) + "-" + calc.first(Calc.START) + ")/" + calc.first(Calc.DT)
          + "+" + TOL + ")=" + calc.time(Calc.PERIOD, col), CMP);
      case "median" -> throw new Inexpressible("the median of a " + o.data() + " distribution (a deterministic run); "
          + "Monte Carlo draws are not formulas");
      case "path-median" -> pathMedian((String) o.data(), a, col);
      case "plugin" -> throw new Inexpressible("a plugin function, computed in Java by Tok");
      case "ramp" -> proRata.ramp(a.get(0), a.size() > 1 ? a.get(1) : null, col);
      case "active" -> proRata.active(a.get(0), a.get(1), a.get(2), col);
      case "grow" -> compound("(1+" + wrap(emit(a.get(0), col), ADD + 1) + ")", a.get(1), col);
      case "decline" -> compound("(1-" + wrap(emit(a.get(0), col), ADD + 1) + ")", a.get(1), col);
      case "halving" -> compound("0.5", a.get(0), col);
      case "sum" -> a.size() > 1 && (a.get(1) != null || a.size() > 2 && a.get(2) != null)
          ? atom("SUM(" + calc.range(window(o, a.get(0), a.get(1), a.size() > 2 ? a.get(2) : null)) + ")")
          : atom("SUM(" + range(a.get(0)) + ")");
      case "mean" -> atom("AVERAGE(" + range(a.get(0)) + ")");
      case "min" -> atom("MIN(" + range(a.get(0)) + ")");
      case "max" -> atom("MAX(" + range(a.get(0)) + ")");
      case "first" -> atom(Calc.ref(seriesRow(a.get(0)), 0).replaceAll("^([A-Z]+)(\\d+)$", "\\$$1\\$$2"));
      case "last" -> atom(Calc.ref(seriesRow(a.get(0)), calc.periods - 1).replaceAll("^([A-Z]+)(\\d+)$", "\\$$1\\$$2"));
      case "lag" -> lag(a.get(0), a.get(1), col);
      case "prev" -> prev(o, col);
      case "total" -> total(a, col);
      case "series" -> keyed.series(o, col);
      case "curve" -> keyed.curve(o, col);
      case "lookup" -> keyed.lookup(o, col);
      case "csv" -> keyed.csv(o, col);
      case "npv" -> finance.npv(o, col);
      case "irr" -> finance.irr(o, col);
      case "payback" -> finance.payback(o, col);
      case "crf" -> crf(a.get(0), a.get(1), col);
      case "exp" -> call("EXP", col, a.get(0));
      case "ln" -> call("LN", col, a.get(0));
      case "log10" -> call("LOG10", col, a.get(0));
      case "sqrt" -> call("SQRT", col, a.get(0));
      case "abs" -> call("ABS", col, a.get(0));
      case "floor" -> call("INT", col, a.get(0));
      case "ceil" -> new E("-INT(-" + wrap(emit(a.get(0), col), NEG) + ")", NEG);
      case "round" -> atom("INT(" + text(a.get(0), col) + "+0.5)"); // Java's Math.round: halves go up
      default -> throw new Inexpressible("Tok's " + o.op() + " has no Excel formula in this exporter yet");
    };
  }

  String text(TExpr e, int col) {
    return emit(e, col).text();
  }

  static E atom(String s) {
    return new E(s, ATOM);
  }

  static String wrap(E e, int atLeast) {
    return e.prec() >= atLeast ? e.text() : "(" + e.text() + ")";
  }

  /** A number as Excel reads it back to the same double. */
  static E number(double v) {
    if (!Double.isFinite(v)) {
      throw new Inexpressible("a literal that is not a finite number");
    }
    String s = v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    return s.startsWith("-") ? new E(s, NEG) : atom(s);
  }

  private E binary(TExpr l, String op, TExpr r, int prec, int col) {
    // left-associative: the right operand binds tighter, so Tok's grouping (and rounding) is kept
    return new E(wrap(emit(l, col), prec) + op + wrap(emit(r, col), prec + 1), prec);
  }

  E call(String fn, int col, TExpr... args) {
    List<String> parts = new ArrayList<>();
    for (TExpr x : args) {
      parts.add(text(x, col));
    }
    return atom(fn + "(" + String.join(",", parts) + ")");
  }

  /** {@code x[D]}: the period containing D, as Tok's timeline finds it; #N/A before the timeline, #REF! after it. */
  private E at(TExpr x, TExpr date, int col) {
    String d = wrap(emit(date, col), ADD + 1);
    String offset = "(" + d + "-" + calc.first(Calc.START) + ")/" + calc.first(Calc.DT);
    return atom("IF(" + offset + "<-" + TOL + ",NA(),INDEX(" + range(x) + ",1+INT(" + offset + "+" + TOL + ")))");
  }

  /**
   * The median path of a price path (a deterministic run, dist.Paths): gbm S0·exp((μ − σ²/2)·t),
   * ou M + (X0 − M)·exp(−K·t), t in years from the timeline's start; arguments at period 0.
   */
  private E pathMedian(String family, List<TExpr> a, int col) {
    String t = calc.time(Calc.T, col);
    if (family.equals("gbm")) {
      String sigma = wrap(emit(a.get(2), 0), ATOM);
      return new E(wrap(emit(a.get(0), 0), MUL) + "*EXP((" + text(a.get(1), 0) + "-" + sigma + "^2/2)*" + t + ")", MUL);
    }
    if (family.equals("ou")) {
      String mean = wrap(emit(a.get(1), 0), ADD + 1);
      return new E(wrap(emit(a.get(1), 0), ADD) + "+(" + text(a.get(0), 0) + "-" + mean + ")*EXP(-"
          + wrap(emit(a.get(2), 0), NEG) + "*" + t + ")", ADD);
    }
    throw new Inexpressible("the median path of " + family + " (a deterministic run)");
  }

  /** base ^ (t / every). */
  private E compound(String base, TExpr every, int col) {
    return new E(base + "^(" + calc.time(Calc.T, col) + "/" + wrap(emit(every, col), ATOM) + ")", POW);
  }

  /** crf(rate, n) = rate / (1 − (1 + rate) ^ −n), n in years; 1/n at a rate of 0. */
  private E crf(TExpr rate, TExpr term, int col) {
    String r = wrap(emit(rate, col), ADD + 1);
    String n = wrap(emit(term, col), ATOM);
    String f = r + "/(1-(1+" + r + ")^(-" + n + "))";
    Double c = TExpr.constant(rate);
    return atom(c != null && c != 0 ? "(" + f + ")" : "IF(" + r + "=0,1/" + n + "," + f + ")");
  }

  /**
   * A roll-up ({@code sum(x, by: yr)} …): in column p the reduction over the columns of p's year or
   * quarter; the columns past the last group repeat it, as Tok's cell does (the Reports sheet shows
   * one column per group).
   */
  private E rollUp(String kind, TExpr x, org.tokenomics.time.Step by, int col) {
    org.tokenomics.time.Groups g = org.tokenomics.time.Groups.of(calc.timeline, by);
    int group = Math.min(col, g.size() - 1);
    Row r = seriesRow(x);
    String first = Calc.ref(r, g.firstOf(group));
    String last = Calc.ref(r, g.endOf(group) - 1);
    String range = first + ":" + last;
    return atom(switch (kind) {
      case "sum" -> "SUM(" + range + ")";
      case "mean" -> "AVERAGE(" + range + ")";
      case "min" -> "MIN(" + range + ")";
      case "max" -> "MAX(" + range + ")";
      case "first" -> first;
      case "last" -> last;
      default -> throw new Inexpressible("a roll-up by " + kind);
    });
  }

  /** total(x.attr): SUM over the members' cells (SUMs of at most 255 arguments, Excel's limit, nested). */
  private E total(List<TExpr> terms, int col) {
    List<String> parts = new ArrayList<>();
    for (TExpr t : terms) {
      parts.add(text(t, col));
    }
    while (parts.size() > 1) {
      List<String> sums = new ArrayList<>();
      for (int i = 0; i < parts.size(); i += 255) {
        sums.add("SUM(" + String.join(",", parts.subList(i, Math.min(parts.size(), i + 255))) + ")");
      }
      parts = sums;
      if (parts.size() == 1) {
        return atom(parts.get(0));
      }
    }
    return parts.isEmpty() ? number(0) : atom("SUM(" + parts.get(0) + ")");
  }

  /**
   * A delayed reference ({@code prev(x, initial: X0)}, a lag of a value that reads itself): the
   * cell of x some columns to the left, the initial's formula in the first columns (0 without
   * one). Each cell of a recurrence then reads only earlier columns or cells of its own column
   * that do not read it back, so Excel computes it without iteration.
   */
  private E prev(TExpr.Op o, int col) {
    OpParts.Delay d = OpParts.delay(o);
    TExpr initial = o.args().isEmpty() ? null : o.args().get(0);
    if (col < d.periods()) { // the first periods, or a static model (col −1)
      return initial == null ? number(0) : emit(initial, col);
    }
    return atom(calc.ref(d.slot(), true, col - d.periods()));
  }

  /** lag(x, n): x n periods earlier, 0 before the timeline. */
  private E lag(TExpr x, TExpr n, int col) {
    int p = Math.max(col, 0);
    Double k = TExpr.constant(n);
    if (k != null) {
      int q = p - (int) Math.round(k);
      if (q < 0 || q >= calc.periods) {
        return number(0);
      }
      Row r = seriesRow(x);
      return atom(Calc.ref(r, q));
    }
    String shift = calc.time(Calc.PERIOD, col) + "-ROUND(" + text(n, col) + ",0)";
    return atom("IF(OR(" + shift + "<0," + shift + ">=" + calc.periods + "),0,INDEX(" + range(x) + "," + shift + "+1))");
  }

  /** The row of periods a whole-series operation reads: the value's own row, or a helper row. */
  Row seriesRow(TExpr x) {
    if (x instanceof TExpr.CellRef r && r.type().series()) {
      Row row = calc.row(r.slot());
      if (row != null && row.series) {
        return row;
      }
    }
    Type t = x.type();
    return calc.helper(x, "↳ " + source.apply(x.span()), SheetUnits.text(t), true, t, p -> text(x, p));
  }

  String range(TExpr x) {
    return calc.range(seriesRow(x));
  }

  /** sum(x, from: D1, to: D2): a helper row with x in the periods whose start lies in [D1, D2], else 0. */
  private Row window(TExpr.Op key, TExpr x, TExpr from, TExpr to) {
    Row values = seriesRow(x);
    return calc.helper(key, "↳ " + source.apply(x.span()) + " in the window", SheetUnits.text(x.type()),
        true, x.type(), p -> {
          List<String> conds = new ArrayList<>();
          String start = calc.time(Calc.START, p);
          if (from != null) {
            conds.add(start + ">=" + wrap(emit(from, 0), ADD) + "-" + TOL);
          }
          if (to != null) {
            conds.add(start + "<=" + wrap(emit(to, 0), ADD) + "+" + TOL);
          }
          String c = conds.size() == 1 ? conds.get(0) : "AND(" + String.join(",", conds) + ")";
          return "IF(" + c + "," + Calc.ref(values, p) + ",0)";
        });
  }

  Function<Span, String> source() {
    return source;
  }
}

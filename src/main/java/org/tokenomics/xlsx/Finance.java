package org.tokenomics.xlsx;

import org.tokenomics.check.TExpr;
import org.tokenomics.check.Type;

/**
 * npv, irr and payback as formulas (LANGUAGE.md §6: annual effective rates, amounts at the end of
 * their period, {@code initial} at the timeline's start). Excel's NPV and IRR count whole periods,
 * so they are used as they are on yearly periods; on monthly or quarterly periods npv discounts
 * each amount by the years to its period's end in a helper row, and irr is Excel's periodic IRR
 * compounded to a year ((1 + r)^k − 1 with k periods a year, which is the same equation); under
 * {@code timing: mid} the periodic IRR is over half-period steps ({@link #irrMid}). payback
 * uses two helper rows: cumulative cash and the periods that end in the red.
 */
final class Finance {
  private final Formulas f;
  private final Calc calc;

  Finance(Formulas f, Calc calc) {
    this.f = f;
    this.calc = calc;
  }

  /** The operation's {@code initial:} argument (amounts, rate, initial: the checker's order), or null. */
  private String initial(TExpr.Op o, int index) {
    TExpr init = o.args().size() > index ? o.args().get(index) : null;
    return init == null ? null : f.text(init, 0);
  }

  Formulas.E npv(TExpr.Op o, int col) {
    TExpr amounts = o.args().get(0);
    String rate = f.text(o.args().get(1), 0);
    String init = o.args().size() > 2 && o.args().get(2) != null
        ? Formulas.wrap(f.emit(o.args().get(2), 0), Formulas.ADD + 1) : null;
    String sum;
    String timing = timing(o);
    if (calc.perYear() == 1 && timing.equals("end")) {
      sum = "NPV(" + rate + "," + f.range(amounts) + ")";
    } else {
      Row values = f.seriesRow(amounts);
      Row pv = calc.helper(o, "↳ discounted " + f.source().apply(amounts.span()) + " (at period " + timing + "s)",
          SheetUnits.text(amounts.type()), true, amounts.type(),
          p -> Calc.ref(values, p) + "/(1+" + rate + ")^" + at(timing, p));
      sum = "SUM(" + calc.range(pv) + ")";
    }
    return new Formulas.E(init == null ? sum : sum + "-" + init, Formulas.ADD);
  }

  Formulas.E irr(TExpr.Op o, int col) {
    Row values = f.seriesRow(o.args().get(0));
    String init = initial(o, 2);
    String timing = timing(o);
    String minusInit = init == null ? null : "-" + Formulas.wrap(f.emit(o.args().get(2), 0), Formulas.NEG);
    if (timing.equals("mid")) {
      return irrMid(o, values, minusInit);
    }
    boolean start = timing.equals("start");
    // end: the initial, then each period a period later; start: each period's amount at its start,
    // so the first one sits with the initial and the last column stays empty
    Row flows = calc.helper(o, "↳ cash flows for irr (initial, then each period" + (start ? " at its start)" : ")"),
        SheetUnits.text(o.args().get(0).type()), true, o.args().get(0).type(),
        p -> !start ? Calc.ref(values, p) : p + 1 < calc.periods ? Calc.ref(values, p + 1) : "0");
    flows.formulas[0] = start ? (minusInit == null ? "" : minusInit + "+") + Calc.ref(values, 0)
        : minusInit == null ? "0" : minusInit;
    String range = "$" + Row.column(Calc.VALUE_COL) + "$" + (flows.index + 1) + ":$"
        + Row.column(Calc.PERIOD_COL + calc.periods - 1) + "$" + (flows.index + 1);
    int k = calc.perYear();
    // Excel's default guess (10 % a period) leaves LibreOffice's Newton iteration without a root on
    // long monthly flows (#N/A); inflows over outflows spread over the periods starts it near one.
    String in = "SUMIF(" + range + ",\">0\")";
    String out = "-SUMIF(" + range + ",\"<0\")";
    String guess = "IF(AND(" + in + ">0," + out + ">0),(" + in + "/(" + out + "))^(1/" + calc.periods + ")-1,0.1)";
    String irr = "IRR(" + range + "," + guess + ")";
    return k == 1 ? Formulas.atom(irr) : new Formulas.E("(1+" + irr + ")^" + k + "-1", Formulas.ADD);
  }

  /**
   * irr with {@code timing: mid}: amounts at the middle of their periods, the initial at the
   * timeline's start. With periods of 1/k year, amount p sits at (2p + 1) half-periods, so Tok's
   * equation Σ a_p (1 + r)^−(p + ½)/k = initial is, for the half-period rate ρ with
   * (1 + ρ)^2k = 1 + r, Σ a_p (1 + ρ)^−(2p + 1) = initial: Excel's IRR of the flows at half-period
   * steps (−initial, then 0 and each amount in turn), compounded to a year. The same equation,
   * not an approximation; the flows are a list row of 2n cells.
   */
  private Formulas.E irrMid(TExpr.Op o, Row values, String minusInit) {
    int n = calc.periods;
    Row flows = calc.list(new Key(o, "mid"), "↳ cash flows for irr at half-period steps (−initial, then 0 and each "
            + "period's amount in turn; a list from column C, not by period)", SheetUnits.text(o.args().get(0).type()),
        o.args().get(0).type(), false, () -> {
          String[] cells = new String[2 * n];
          cells[0] = minusInit == null ? "0" : minusInit;
          for (int p = 0; p < n; p++) {
            cells[2 * p + 1] = Calc.ref(values, p);
            if (p + 1 < n) {
              cells[2 * p + 2] = "0";
            }
          }
          return cells;
        });
    String range = calc.listRange(flows);
    String in = "SUMIF(" + range + ",\">0\")";
    String out = "-SUMIF(" + range + ",\"<0\")";
    String guess = "IF(AND(" + in + ">0," + out + ">0),(" + in + "/(" + out + "))^(1/" + (2 * n) + ")-1,0.1)";
    return new Formulas.E("(1+IRR(" + range + "," + guess + "))^" + (2 * calc.perYear()) + "-1", Formulas.ADD);
  }

  /** The op's timing word: end (the default), mid or start. */
  private static String timing(TExpr.Op o) {
    return o.data() instanceof String t ? t : "end";
  }

  /** Years from the timeline's start to where period p's amount sits. */
  private String at(String timing, int p) {
    return switch (timing) {
      case "start" -> calc.time(Calc.T, p);
      case "mid" -> "((" + calc.time(Calc.T, p) + "+" + calc.time(Calc.T_END, p) + ")/2)";
      default -> calc.time(Calc.T_END, p);
    };
  }

  /**
   * The time (yr) cumulative cash turns non-negative for good: after the last period that ends in
   * the red, inside the next period in proportion to its amount (Tok's Finance.payback).
   */
  Formulas.E payback(TExpr.Op o, int col) {
    TExpr amounts = o.args().get(0);
    Row a = f.seriesRow(amounts);
    String init = o.args().size() > 2 && o.args().get(2) != null
        ? Formulas.wrap(f.emit(o.args().get(2), 0), Formulas.ADD + 1) : "0";
    Type money = amounts.type();
    Row cum = calc.helper(new Key(o, "cum"), "↳ cumulative cash for payback", SheetUnits.text(money), true, money,
        p -> p == 0 ? "-" + init + "+" + Calc.ref(a, 0) : null);
    // a running sum reads its own row, which exists only once the helper is made
    for (int p = 1; p < calc.periods; p++) {
      cum.formulas[1 + p] = Calc.ref(cum, p - 1) + "+" + Calc.ref(a, p);
    }
    Row red = calc.helper(new Key(o, "red"), "↳ periods that end in the red (last in column C)", "", true,
        Type.number(org.tokenomics.units.Dimension.NONE, true),
        p -> "IF(" + Calc.ref(cum, p) + "<0," + calc.time(Calc.PERIOD, p) + ",-1)");
    red.formulas[0] = "MAX(" + calc.range(red) + ")";
    String last = "$" + Row.column(Calc.VALUE_COL) + "$" + (red.index + 1);
    String lastCum = "$" + Row.column(Calc.PERIOD_COL + calc.periods - 1) + "$" + (cum.index + 1);
    String first = crossing("-" + init, "$" + Row.column(Calc.PERIOD_COL) + "$" + (a.index + 1), calc.first(Calc.T),
        calc.first(Calc.T_END));
    String timing = timing(o);
    if (!timing.equals("end")) {
      // each amount arrives at its point: payback is the point after the last one that leaves cash negative
      String point = timing.equals("start") ? indexTime(Calc.T, last + "+2")
          : "(" + indexTime(Calc.T, last + "+2") + "+" + indexTime(Calc.T_END, last + "+2") + ")/2";
      String firstPoint = timing.equals("start") ? calc.first(Calc.T) : "(" + calc.first(Calc.T) + "+" + calc.first(Calc.T_END) + ")/2";
      return Formulas.atom("IF(" + lastCum + "<0,NA(),IF(" + last + "<0,IF(-" + init + "<0," + firstPoint + ",0)," + point + "))");
    }
    String next = crossing(index(cum, last + "+1"), index(a, last + "+2"), indexTime(Calc.T, last + "+2"),
        indexTime(Calc.T_END, last + "+2"));
    return Formulas.atom("IF(" + lastCum + "<0,NA(),IF(" + last + "<0,IF(-" + init + ">=0,0," + first + ")," + next + "))");
  }

  private String index(Row r, String i) {
    return "INDEX(" + calc.range(r) + "," + i + ")";
  }

  private String indexTime(int row, String i) {
    return "INDEX(" + calc.range(row) + "," + i + ")";
  }

  /** Where cash crosses zero inside a period from {@code before}: its end when the amount is not positive. */
  private static String crossing(String before, String amount, String start, String end) {
    return "IF(" + amount + "<=0," + end + "," + start + "+(" + end + "-" + start + ")*MIN(1,MAX(0,-(" + before + ")/"
        + amount + ")))";
  }

  /** A helper's key: one operation, one role. */
  private record Key(Object op, String role) {}
}

package org.tokenomics.finance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.tokenomics.Evaluation;
import org.tokenomics.Tok;

/** npv, irr, payback and loans. */
class FinanceProperties {
  static String project(double outlay, double inflow) {
    return "timeline 2026 to 2035 yearly\nparam r = 8 %\nlet cash = $" + inflow + "B/yr * dt\n"
        + "report v = npv(cash, r, initial: $" + outlay + "B) as $B\nreport i = irr(cash, initial: $" + outlay + "B) as %\n";
  }

  @Property(tries = 40)
  void npvFallsAsTheRateRises(@ForAll @DoubleRange(min = 1, max = 100) double outlay,
                              @ForAll @DoubleRange(min = 0.5, max = 30) double inflow,
                              @ForAll @DoubleRange(min = 0, max = 0.5) double r1,
                              @ForAll @DoubleRange(min = 0.01, max = 0.5) double dr) {
    var m = Tok.model(project(outlay, inflow));
    double low = m.evaluate(java.util.Map.of("r", String.valueOf(r1))).value("v").in("$B");
    double high = m.evaluate(java.util.Map.of("r", String.valueOf(r1 + dr))).value("v").in("$B");
    assertTrue(high < low, high + " >= " + low);
  }

  @Property(tries = 40)
  void irrMakesNpvZero(@ForAll @DoubleRange(min = 1, max = 50) double outlay,
                       @ForAll @DoubleRange(min = 1, max = 30) double inflow) {
    var m = Tok.model(project(outlay, inflow));
    double irr = m.evaluate().value("i").in("");
    double v = m.evaluate(java.util.Map.of("r", String.valueOf(irr))).value("v").in("$B");
    assertEquals(0, v, 1e-9 * outlay);
  }

  @Test
  void gigawattPayback() {
    Evaluation e = Tok.eval("timeline 2026 to 2030 yearly\nlet capex = $50B\nlet dep = capex / 5 yr\n"
        + "let revenue = if year >= 2028 then dep / (1 - 50 %) else $0/yr\n"
        + "report v = npv(revenue * dt, 8 %, initial: capex) as $B\nreport i = irr(revenue * dt, initial: capex) as %\n"
        + "report p = payback(revenue * dt, initial: capex) as yr");
    assertEquals(-5.811094182992484, e.value("v").in("$B"), 1e-9);
    assertEquals(4.681771798055056, e.value("i").in("%"), 1e-6);
    assertEquals(4.5, e.value("p").in("yr"), 1e-12);
  }

  @Test
  void loanBalanceReachesZeroAtTheEndOfTheTerm() {
    Evaluation e = Tok.eval("timeline 2026 to 2030 yearly\n"
        + "loan debt { principal = $10B; rate = 7.25 %; term = 3 yr; start = 2026-01 }\n"
        + "report b = debt.balance as $B\nreport cash = debt.cash as $B\nreport v = debt.value as $B");
    double[] b = e.value("b").series("$B");
    assertEquals(10 * 1.0725 - 3.8279340180474386, b[0], 1e-9);
    assertEquals(0, b[2], 1e-9);
    assertEquals(0, b[4], 1e-9);
    assertEquals(10 - 3 * 3.8279340180474386, e.value("v").in("$B"), 1e-9);
  }

  @Test
  void crfLimits() {
    assertEquals(1.0 / 4, Finance.crf(0, 4), 1e-15);
    assertEquals(0.38279340180474386, Finance.crf(0.0725, 3), 1e-15);
  }
}

package org.tokenomics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.eval.Frame;
import org.tokenomics.eval.Program;

/** State across periods (LANGUAGE.md §10): prev and lag(x, n ≥ 1) on a value that depends on them. */
class PrevTest {
  static final String LOAN = """
      timeline 2026 to 2028 yearly
      param opening = $100M
      let repay = min(prev(debt, initial: opening), $40M)
      let debt  = prev(debt, initial: opening) - repay
      let repaid = prev(repaid) + repay
      let repaid_lag = lag(repaid_lag, 1) + repay
      report debt as $M
      report repay as $M
      report repaid as $M
      report repaid_lag as $M
      report total = sum(repay) as $M
      """;

  private static double[] series(Evaluation e, String name) {
    return e.value(name).series("$M");
  }

  @Test
  void theSpecExampleRollsTheDebtDown() {
    Evaluation e = Tok.eval(LOAN);
    assertArrayEquals(new double[] {60, 20, 0}, series(e, "debt"), 1e-9);
    assertArrayEquals(new double[] {40, 40, 20}, series(e, "repay"), 1e-9);
    assertArrayEquals(new double[] {40, 80, 100}, series(e, "repaid"), 1e-9); // initial: defaults to 0
    assertArrayEquals(series(e, "repaid"), series(e, "repaid_lag"), 0); // lag(x, 1) is prev(x) with 0 first
    assertEquals(100, e.value("total").in("$M"), 1e-9);
  }

  @Test
  void lagOfANameIsADelayWhateverOrderTheValuesAreDeclaredIn() {
    // b is checked (through prev) before a's lag(b, 1) is met in the first order, after it in the
    // second: lag(x, n) of a name with n written in place is a delay either way (dsl/reference/prev.md).
    String first = """
        timeline 2026 to 2030 yearly
        let b = prev(a) * 0.5 + $2/yr
        let a = lag(b, 1) + $1/yr
        let c = lag(a, 2) + lag(b, 1)
        report a as $/yr
        report b as $/yr
        report c as $/yr
        """;
    String second = """
        timeline 2026 to 2030 yearly
        let c = lag(a, 2) + lag(b, 1)
        let a = lag(b, 1) + $1/yr
        let b = prev(a) * 0.5 + $2/yr
        report a as $/yr
        report b as $/yr
        report c as $/yr
        """;
    Evaluation x = Tok.eval(first);
    Evaluation y = Tok.eval(second);
    assertArrayEquals(new double[] {1, 3, 3.5, 4.5, 4.75}, x.value("a").series("$/yr"), 1e-12);
    assertArrayEquals(new double[] {2, 2.5, 3.5, 3.75, 4.25}, x.value("b").series("$/yr"), 1e-12);
    assertArrayEquals(new double[] {0, 2, 3.5, 6.5, 7.25}, x.value("c").series("$/yr"), 1e-12);
    for (String v : List.of("a", "b", "c")) {
      assertArrayEquals(x.value(v).series("$/yr"), y.value(v).series("$/yr"), 0, v);
    }
  }

  @Test
  void overridesScenariosAndSolveSeeTheRecurrence() {
    Model m = Tok.model(LOAN + "solve cap for opening so that sum(repay) == $90M within $1M to $120M\n"
        + "report cap as $M\nscenario small { opening = $50M }\n");
    assertArrayEquals(new double[] {10, 0, 0}, series(m.evaluate(Map.of("opening", "$50M")), "debt"), 1e-9);
    assertArrayEquals(new double[] {10, 0, 0}, series(m.evaluate(Scenario.named("small")), "debt"), 1e-9);
    assertEquals(90, m.evaluate().value("cap").in("$M"), 1e-6);
    // the model itself is untouched by the override and the solve
    assertArrayEquals(new double[] {60, 20, 0}, series(m.evaluate(), "debt"), 1e-9);
  }

  @Test
  void aGoalSeekForgetsAndRecomputesTheGroupInOneFrame() {
    Model m = Tok.model(LOAN);
    CompiledModel cm = TestModels.compiled(m);
    Program p = cm.program();
    int opening = slot(p, "opening");
    int debt = slot(p, "debt");
    int repaid = slot(p, "repaid");
    Frame f = p.newFrame();
    assertEquals(60e6, f.values(debt)[0], 1e-3);
    f.set(opening, new double[] {50e6});
    f.forget(new int[] {debt, slot(p, "repay"), repaid});
    assertEquals(10e6, f.values(debt)[0], 1e-3);
    assertEquals(50e6, f.values(repaid)[2], 1e-3);
    // a plan over every report gives the same values as the walks, on a fresh frame and after reset
    int[] roots = cm.reports().stream().mapToInt(CompiledModel.ReportSpec::slot).toArray();
    Frame planned = p.newFrame();
    assertTrue(planned.run(p.plan(roots)));
    planned.reset();
    assertTrue(planned.run(p.plan(roots)));
    Frame walked = p.newFrame();
    for (int r : roots) {
      assertArrayEquals(walked.values(r), planned.values(r), 0);
    }
  }

  @Test
  void instanceAttributesMayReferToThemselves() {
    Evaluation e = Tok.eval("""
        timeline 2026 to 2029 yearly
        kind note {
          param principal: $
          param rate: 1 = 10 %
          param payment: $ = $30M
          let interest: $ = prev(balance, initial: principal) * rate
          let balance: $ = max(prev(balance, initial: principal) + interest - payment, $0)
        }
        note a { principal = $100M }
        note b { principal = $50M; payment = $60M }
        report a.balance as $M
        report b.balance as $M
        """);
    assertArrayEquals(new double[] {80, 58, 33.8, 7.18}, e.value("a.balance").series("$M"), 1e-9);
    assertArrayEquals(new double[] {0, 0, 0, 0}, e.value("b.balance").series("$M"), 1e-9);
  }

  @Test
  void aStaticModelTakesTheInitialValue() {
    Evaluation e = Tok.eval("""
        param opening = $100M
        let repay = min(prev(debt, initial: opening), $40M)
        let debt  = prev(debt, initial: opening) - repay
        report debt as $M
        """);
    assertEquals(60, e.value("debt").in("$M"), 1e-9);
  }

  @Test
  void prevOfAnExpressionOrAnotherValueNeedsNoCycle() {
    Evaluation e = Tok.eval("""
        timeline 2026 to 2028 yearly
        let income = $5M * (period + 1)
        let before = prev(income * 2, initial: $1M)
        let two = lag(income, 2)
        report before as $M
        report two as $M
        """);
    assertArrayEquals(new double[] {1, 10, 20}, e.value("before").series("$M"), 1e-9);
    assertArrayEquals(new double[] {0, 0, 5}, e.value("two").series("$M"), 1e-9);
  }

  @Test
  void aChainOfAThousandCellsClosedByPrevNeedsNoDeepStack() {
    StringBuilder src = new StringBuilder("timeline 2026 to 2028 yearly\nlet c0 = prev(c999, initial: 1)\n");
    for (int i = 1; i < 1000; i++) {
      src.append("let c").append(i).append(" = c").append(i - 1).append(" + 1\n");
    }
    src.append("report c999\n");
    Model m = Tok.model(src.toString());
    assertArrayEquals(new double[] {1000, 1999, 2998}, m.evaluate().value("c999").series(""), 0);
  }

  @Test
  void aCumsumInsideItsOwnGroupIsComputedPeriodByPeriod() {
    Evaluation e = Tok.eval("""
        timeline 2026-01 to 2027-12 monthly
        param limit = $30M
        let debt = prev(debt, initial: $100M) - repay
        let repay = min(prev(debt, initial: $100M), $2M, limit - prev(paid))
        let paid = cumsum(repay)
        report paid as $M
        report debt as $M
        """);
    double[] paid = e.value("paid").series("$M");
    assertEquals(2, paid[0], 1e-12);
    assertEquals(30, paid[14], 1e-9); // the limit is reached in the 15th month, and paid stays there
    assertEquals(30, paid[23], 1e-9);
    assertEquals(70, e.value("debt").series("$M")[23], 1e-9);
    // a cumsum of a value that depends on the cumsum in the same period is still a cycle
    assertEquals(List.of("TOK400"), Tok.codes("timeline 2026 to 2028 yearly\nlet a = cumsum(a + $1)\n"));
  }

  @Test
  void cyclesWithoutADelayStayCycles() {
    assertEquals(List.of("TOK400"), Tok.codes("""
        timeline 2026 to 2028 yearly
        let cash = prev(cash, initial: $1M) - sweep
        let sweep = cash * 50 %
        """));
    assertEquals(List.of("TOK400"), Tok.codes("timeline 2026 to 2028 yearly\nlet b = lag(b, 0) + $1\n"));
    assertEquals(List.of("TOK400"), Tok.codes("timeline 2026 to 2028 yearly\nlet b = lag(b, period) + $1\n"));
    Compilation c = Tok.compile("timeline 2026 to 2028 yearly\nlet c = prev(d, initial: $0) + $1\nlet d = sum(c)\n");
    assertFalse(c.ok());
    assertTrue(c.diagnostics().get(0).message().contains("needs every period"), c.diagnostics().toString());
  }

  @Test
  void explainShowsThePreviousPeriodInsteadOfRecursing() {
    Model m = Tok.model(LOAN);
    Explanation x = m.explain("debt", 3, Scenario.BASE, Map.of());
    Explanation earlier = x.inputs().stream().filter(i -> i.name().equals("prev(debt)")).findFirst().orElseThrow();
    assertEquals("debt in the previous period", earlier.role());
    assertTrue(earlier.inputs().isEmpty());
    double[] v = earlier.values(); // opening ($100M), then debt one period back ($60M, $20M), in one unit
    assertArrayEquals(new double[] {1, 0.6, 0.2}, new double[] {1, v[1] / v[0], v[2] / v[0]}, 1e-12);
  }

  @Test
  void monteCarloDrawsFeedTheRecurrence() {
    Model m = Tok.model(LOAN.replace("param opening = $100M", "param opening = uniform($60M, $100M)"));
    Simulation s = m.simulate(2000, 7);
    double[] p50 = s.quantile("debt", 0.5).series("$M");
    assertEquals(40, p50[0], 1.5);
    assertEquals(0, p50[2], 1e-9);
  }

  private static int slot(Program p, String name) {
    for (int s = 0; s < p.size(); s++) {
      if (p.cell(s).name().equals(name)) {
        return s;
      }
    }
    throw new AssertionError(name);
  }
}

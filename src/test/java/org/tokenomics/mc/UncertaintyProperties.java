package org.tokenomics.mc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.tokenomics.diag.Diagnostic;
import org.tokenomics.Evaluation;
import org.tokenomics.Model;
import org.tokenomics.Scenario;
import org.tokenomics.TestModels;
import org.tokenomics.check.CompiledModel;

/** Invariants of scenarios, Monte Carlo, goal seek and tornado over random serving models. */
class UncertaintyProperties {

  @Provide
  Arbitrary<ServingModels> models() {
    return ServingModels.any();
  }

  private static double total(Evaluation e, String name) {
    return e.value(name).in("$M");
  }

  @Property(tries = 40)
  void revenueRisesWithPrice(@ForAll("models") ServingModels s) {
    Model m = TestModels.compile(s.source());
    Evaluation base = m.evaluate();
    Evaluation dear = m.evaluate(Scenario.named("dear"));
    assertTrue(total(dear, "total_revenue") > total(base, "total_revenue"));
    assertEquals(2 * total(base, "total_revenue"), total(dear, "total_revenue"), 1e-9 * total(dear, "total_revenue"));
    Evaluation cheaper = m.evaluate(Map.of("out_price", String.format(Locale.ROOT, "%.6f $/Mtok", s.outPrice() / 2)));
    assertTrue(total(cheaper, "total_revenue") < total(base, "total_revenue"));
    assertEquals(total(base, "total_cost"), total(dear, "total_cost"), 1e-9 * total(base, "total_cost"));
  }

  @Property(tries = 40)
  void grossMarginIsAtMostOneHundredPercent(@ForAll("models") ServingModels s) {
    Evaluation e = TestModels.compile(s.source()).evaluate(Scenario.named("dear"));
    for (double margin : e.value("margin").series("%")) {
      assertTrue(margin <= 100, "margin " + margin);
    }
  }

  @Property(tries = 40)
  void costPerTokenTimesTokensIsCost(@ForAll("models") ServingModels s) {
    Evaluation e = TestModels.compile(s.source()).evaluate();
    double[] cpt = e.value("cpt").series("$/tok");
    double[] tokens = e.value("tokens").series("tok/yr");
    double[] cost = e.value("cost").series("$/yr");
    for (int p = 0; p < cost.length; p++) {
      assertEquals(cost[p], cpt[p] * tokens[p], 1e-9 * cost[p]);
    }
  }

  @Property(tries = 25)
  void quantilesAreOrderedForEveryReport(@ForAll("models") ServingModels s) {
    CompiledModel cm = org.tokenomics.TestModels.compiled(TestModels.compile(s.source()));
    McResult r = MonteCarlo.run(cm, List.of(), 300, 11, MonteCarlo.Options.defaults());
    assertTrue(r.errors().isEmpty(), () -> r.errors().toString());
    for (McResult.ReportStats st : r.reports()) {
      double[] p5 = st.quantile(0.05);
      double[] p50 = st.quantile(0.5);
      double[] p95 = st.quantile(0.95);
      for (int p = 0; p < p5.length; p++) {
        double tol = 1e-12 * Math.abs(p95[p]);
        assertTrue(p5[p] <= p50[p] + tol && p50[p] <= p95[p] + tol, st.spec().name() + " period " + p);
      }
    }
  }

  @Property(tries = 15)
  void sameSeedGivesIdenticalStatisticsOnOneAndFourThreads(@ForAll("models") ServingModels s) {
    CompiledModel cm = org.tokenomics.TestModels.compiled(TestModels.compile(s.source()));
    for (long budget : new long[] {25_000_000L, 0L}) {
      MonteCarlo.Options o = MonteCarlo.Options.defaults().withExactBudget(budget);
      McResult one = MonteCarlo.run(cm, List.of(), 400, 3, o.withThreads(1));
      McResult four = MonteCarlo.run(cm, List.of(), 400, 3, o.withThreads(4));
      for (int k = 0; k < one.reports().size(); k++) {
        assertArrayEquals(one.reports().get(k).mean(), four.reports().get(k).mean());
        for (double q : new double[] {0.05, 0.5, 0.95}) {
          assertArrayEquals(one.reports().get(k).quantile(q), four.reports().get(k).quantile(q));
        }
      }
    }
  }

  @Property(tries = 30)
  void aSolvedValueSubstitutedBackSatisfiesItsEquation(@ForAll("models") ServingModels s) {
    Model m = TestModels.compile(s.source());
    double breakeven = m.evaluate().value("breakeven").in("$/Mtok");
    Evaluation back = m.evaluate(Map.of("out_price", Double.toString(breakeven) + " $/Mtok"));
    double revenue = back.value("total_revenue").in("$M");
    double cost = back.value("total_cost").in("$M");
    assertEquals(cost, revenue, 1e-9 * cost);
  }

  @Property(tries = 30)
  void tornadoSwingsAreNonNegativeAndSorted(@ForAll("models") ServingModels s) {
    CompiledModel cm = org.tokenomics.TestModels.compiled(TestModels.compile(s.source()));
    List<Diagnostic> errors = new ArrayList<>();
    Tornado.Result r = Tornado.run(cm, List.of(), "total_revenue", errors);
    assertTrue(errors.isEmpty(), errors::toString);
    assertEquals(2, r.bars().size());
    double previous = Double.POSITIVE_INFINITY;
    for (Tornado.Bar b : r.bars()) {
      assertTrue(b.swing() >= 0);
      assertTrue(b.swing() <= previous);
      previous = b.swing();
      assertTrue(Math.min(b.outLow(), b.outHigh()) <= r.base() * (1 + 1e-12));
    }
    // revenue does not depend on the chip price: its bar is flat and ranked last
    assertEquals("chip_price", r.bars().get(1).param());
    assertEquals(0, r.bars().get(1).swing());
  }
}

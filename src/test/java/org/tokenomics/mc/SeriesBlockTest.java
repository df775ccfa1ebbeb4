package org.tokenomics.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.eval.Program;

/**
 * A Monte Carlo run of a series model by columns per period ({@link org.tokenomics.eval.SeriesColumns})
 * gives every mean, standard error, quantile and count of the per-sample evaluation, at 1, 2 and 16
 * threads, with kept values and with histograms; blocks in which a sample fails fall back to it.
 */
class SeriesBlockTest {
  /**
   * A site with a build-out, a guarded margin, a running total, npv, a lag, a loan repaid from cash
   * (a recurrence of three cells) and failing samples.
   */
  static final String SITE = """
      timeline 2026 to 2029 monthly
      param mw = 300 MW
      param go_live = 2026-06
      param build = 12 month
      param price = lognormal($60/MWh, $140/MWh)
      param growth = uniform(0.5 %, 2.5 %)
      param share = triangular(40 %, 60 %, 80 %)
      param u = uniform(0, 1)
      param capex = normal($900M, $100M)
      let online = mw * ramp(from: go_live, over: build)
      let demand = 150 MW * grow(by: growth, every: month)
      let sold = min(online, demand)
      let revenue = sold * price
      let cost = revenue * share + $2M/month * active(from: go_live, for: 36 month)
      let margin = if revenue > $0/yr then (revenue - cost) / revenue else 0 %
      let cash = (revenue - cost) * dt - (if period == 1 then capex else $0)
      let last_month = lag(revenue, 1)
      let interest = prev(debt, initial: capex) * 6 % / 12
      let repay = min(prev(debt, initial: capex) + interest, max((revenue - cost) * dt, $0))
      let debt = prev(debt, initial: capex) + interest - repay
      report revenue as $M/yr
      report margin as %
      report cash as $M
      report running = cumsum(cash) as $M
      report value = npv(cash, 8 %) as $M
      report change = revenue - last_month as $M/yr
      report debt as $M
      report repay as $M
      report per_draw = revenue / (if u < 0.0005 then 0 else u) as $M/yr
      assert margin < 50 % "margin stays below half"
      """;

  static final int N = 3 * MonteCarlo.BLOCK + 211;

  @Test
  void aSeriesModelRunsByColumnsWithThePerSampleStatistics() {
    assertTrue(SITE.contains("prev(debt"));
    CompiledModel cm = MonteCarloTest.model(SITE);
    Sampler sampler = Sampler.of(cm, List.of());
    Program.Plan plan = sampler.program().plan(org.tokenomics.run.Runner.roots(cm));
    int[] slots = cm.reports().stream().mapToInt(CompiledModel.ReportSpec::slot).toArray();
    ColumnBlock block = ColumnBlock.of(sampler, plan, MonteCarlo.BLOCK, slots, new int[slots.length], new int[0]);
    assertNotNull(block);
    assertTrue(block.series(), "the series plan has a column form");
    for (long budget : new long[] {25_000_000, 1}) { // kept values, then histograms
      McResult perSample = perSample(cm, budget);
      assertTrue(MonteCarloTest.stats(perSample, "per_draw").failed() > 0, "some samples divide by zero");
      assertTrue(perSample.asserts().get(0).failed() > 0 && perSample.asserts().get(0).failed() < N);
      for (int threads : new int[] {1, 2, 16}) {
        McResult byColumns = MonteCarloTest.run(cm, N, 5, threads, budget);
        BlockEvaluationTest.assertSameStatistics(perSample, byColumns);
        assertEquals(perSample.asserts().get(0).evaluated(), byColumns.asserts().get(0).evaluated());
        assertEquals(perSample.errors().size(), byColumns.errors().size());
        for (int e = 0; e < perSample.errors().size(); e++) {
          assertEquals(perSample.errors().get(e).toString(), byColumns.errors().get(e).toString());
        }
      }
    }
  }

  @Test
  void aPricePathStaysPerSample() {
    for (String extra : List.of(
        "param gpu = gbm(start: $2/h, drift: 5 %, volatility: 30 %)\nreport gpu as $/h\n")) {
      CompiledModel cm = MonteCarloTest.model(SITE + extra);
      Sampler sampler = Sampler.of(cm, List.of());
      Program.Plan plan = sampler.program().plan(org.tokenomics.run.Runner.roots(cm));
      int[] slots = cm.reports().stream().mapToInt(CompiledModel.ReportSpec::slot).toArray();
      assertNull(ColumnBlock.of(sampler, plan, MonteCarlo.BLOCK, slots, new int[slots.length], new int[0]), extra);
    }
  }

  private static McResult perSample(CompiledModel cm, long budget) {
    boolean was = ColumnBlock.seriesPlans;
    try {
      ColumnBlock.seriesPlans = false;
      return MonteCarloTest.run(cm, N, 5, 2, budget);
    } finally {
      ColumnBlock.seriesPlans = was;
    }
  }
}

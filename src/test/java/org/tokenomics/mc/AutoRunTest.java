package org.tokenomics.mc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokenomics.check.CompiledModel;

/** {@code --samples auto}: stops at a deterministic checkpoint, and is exactly a run of the samples it chose. */
class AutoRunTest {
  static final CompiledModel MODEL = MonteCarloTest.model("""
      timeline 2026 to 2030 yearly
      param capex = lognormal($40B, $60B)
      param margin = triangular(30 %, 45 %, 60 %)
      param g = normal(5 %, 3 %)
      report profit = capex / 5 yr * margin * (1 + g) * 1 yr as $B
      report wobbly = g as %
      report path = capex * (1 + g) ^ period as $B
      """);

  static MonteCarlo.Options options(int threads, long budget) {
    return MonteCarlo.Options.defaults().withThreads(threads).withExactBudget(budget);
  }

  static void assertSameResult(McResult a, McResult b) {
    assertEquals(a.samples(), b.samples());
    assertEquals(a.exact(), b.exact());
    for (int i = 0; i < a.reports().size(); i++) {
      McResult.ReportStats x = a.reports().get(i);
      McResult.ReportStats y = b.reports().get(i);
      assertArrayEquals(x.mean(), y.mean(), 0.0, x.spec().name());
      assertArrayEquals(x.se(), y.se(), 0.0, x.spec().name());
      for (double q : new double[] {0, 0.05, 0.5, 0.95, 1}) {
        assertArrayEquals(x.quantile(q), y.quantile(q), 0.0, x.spec().name() + " q" + q);
      }
    }
  }

  @Test
  void stopsWhenTheNamedReportIsWithinTheToleranceAndEqualsAPlainRun() {
    AutoRun.Result r = AutoRun.run(MODEL, List.of(), 0.003, List.of("profit"), 1_000_000, 7, options(2, 25_000_000));
    assertTrue(r.reached());
    McResult.ReportStats profit = MonteCarloTest.stats(r.result(), "profit");
    double rel = profit.se()[0] / Math.abs(profit.mean()[0]);
    assertTrue(rel <= 0.003, "relative se " + rel);
    assertEquals(rel, r.worstRelSe(), 0.0);
    int n = r.result().samples();
    assertEquals(0, n % AutoRun.STEP, "a checkpoint: " + n);
    assertTrue(n > AutoRun.STEP, "needs more than one step: " + n);
    // the checkpoint before had not reached it (7 report values: profit, wobbly and 5 periods of path)
    int before = AutoRun.STEP;
    for (int c = AutoRun.next(AutoRun.STEP, 1_000_000, 7); c < n; c = AutoRun.next(c, 1_000_000, 7)) {
      before = c;
    }
    McResult.ReportStats e = MonteCarloTest.stats(MonteCarlo.run(MODEL, List.of(), before, 7, options(2, 25_000_000)),
        "profit");
    assertTrue(e.se()[0] / Math.abs(e.mean()[0]) > 0.003, "not yet at " + before);
    assertSameResult(MonteCarlo.run(MODEL, List.of(), n, 7, options(2, 25_000_000)), r.result());
  }

  @Test
  void theSamplesChosenAndEveryNumberAreTheSameOnAnyThreadCount() {
    AutoRun.Result one = AutoRun.run(MODEL, List.of(), 0.004, List.of(), 1_000_000, 3, options(1, 25_000_000));
    for (int threads : new int[] {2, 16}) {
      AutoRun.Result other = AutoRun.run(MODEL, List.of(), 0.004, List.of(), 1_000_000, 3, options(threads, 25_000_000));
      assertSameResult(one.result(), other.result());
      assertEquals(one.worst().name(), other.worst().name());
    }
    assertEquals("wobbly", one.worst().name(), "the noisiest scalar decides");
  }

  @Test
  void beyondTheExactBudgetItRunsAgainWithHistogramsAndStillEqualsAPlainRun() {
    // 1 value of budget: every checkpoint is over it, so the values are not kept and the run is repeated
    AutoRun.Result r = AutoRun.run(MODEL, List.of(), 0.01, List.of("profit"), 1_000_000, 11, options(2, 1));
    assertFalse(r.result().exact());
    assertSameResult(MonteCarlo.run(MODEL, List.of(), r.result().samples(), 11, options(2, 1)), r.result());
  }

  @Test
  void theCapComesFirstWhenTheToleranceIsOutOfReach() {
    AutoRun.Result r = AutoRun.run(MODEL, List.of(), 1e-5, List.of(), 2_500, 1, options(2, 25_000_000));
    assertFalse(r.reached());
    assertEquals(2_500, r.result().samples());
    assertTrue(r.worstRelSe() > 1e-5);
  }

  @Test
  void checkpointsGrowByAnEighthInThousands() {
    assertEquals(1_000, AutoRun.next(0, 1_000_000, 10));
    assertEquals(2_000, AutoRun.next(1_000, 1_000_000, 10));
    assertEquals(9_000, AutoRun.next(8_000, 1_000_000, 10));
    assertEquals(18_000, AutoRun.next(16_000, 1_000_000, 10));
    assertEquals(112_000, AutoRun.next(100_000, 1_000_000, 10));
    assertEquals(500, AutoRun.next(0, 500, 10));
    assertEquals(101_000, AutoRun.next(100_000, 1_000_000, 16_000)); // a step holds about 16 million values at most
  }

  @Test
  void onlyScalarNumbersCanConverge() {
    IllegalArgumentException series = assertThrows(IllegalArgumentException.class,
        () -> AutoRun.run(MODEL, List.of(), 0.01, List.of("path"), 10_000, 1, options(1, 25_000_000)));
    assertTrue(series.getMessage().contains("path is a series"), series.getMessage());
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> AutoRun.run(MODEL, List.of(), 0.01, List.of("proft"), 10_000, 1, options(1, 25_000_000)));
    assertTrue(unknown.getMessage().contains("did you mean 'profit'"), unknown.getMessage());
    CompiledModel seriesOnly = MonteCarloTest.model("""
        timeline 2026 to 2027 yearly
        param g = normal(5 %, 3 %)
        report path = (1 + g) ^ period
        """);
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
        () -> AutoRun.run(seriesOnly, List.of(), 0.01, List.of(), 10_000, 1, options(1, 25_000_000)));
    assertTrue(none.getMessage().contains("needs a scalar report"), none.getMessage());
  }
}

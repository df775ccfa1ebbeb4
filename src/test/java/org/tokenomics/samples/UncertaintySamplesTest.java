package org.tokenomics.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tokenomics.GlobalSensitivity;
import org.tokenomics.Model;
import org.tokenomics.Scenario;
import org.tokenomics.Simulation;
import org.tokenomics.Tokenomics;

/** What the uncertainty samples say in their comments, under Monte Carlo and Sobol. */
class UncertaintySamplesTest {
  static Model model(String name) throws IOException {
    return Tokenomics.standard().compile(Path.of("samples/uncertainty", name)).model();
  }

  /** A bernoulli event: the expected cost of a late grid is 30 % of a year's $20B revenue. */
  @Test
  void aLateGridCostsThirtyPercentOfAYearOfRevenueOnAverage() throws IOException {
    Simulation s = model("grid-connection-delay.tok").simulate(20_000, 3L);
    double mean = s.mean("lost_revenue").in("$B");
    double se = s.standardError("lost_revenue").in("$B");
    assertTrue(Math.abs(mean - 6) <= 4 * se, mean + " ± " + se); // within 4 standard errors of 0.3 × $20B
    assertEquals(6.19, mean, 0.005, "the comment's figure at seed 3");
    assertEquals(20, s.quantile("lost_revenue", 0.95).in("$B"), 1e-9);
    assertEquals(-5.8111, s.quantile("npv8", 0.5).in("$B"), 1e-3);
    assertEquals(1.0, s.belowZeroShare("npv8")[0]);
  }

  /** A discrete delay in months: the mean loss is the expected delay (3.3 months) of $20B/yr. */
  @Test
  void aDelayOfWholeMonthsCostsItsExpectedMonthsOfRevenue() throws IOException {
    Model m = model("grid-delay-months.tok");
    assertEquals(3, m.evaluate().value("delay").in("month"), 0.0, "the smallest delay reaching 50 %");
    assertEquals(-9.78, m.evaluate().value("npv8").in("$B"), 0.005);
    Simulation s = m.simulate(20_000, 5L);
    double mean = s.mean("lost_revenue").in("$B");
    double se = s.standardError("lost_revenue").in("$B");
    assertTrue(Math.abs(mean - 5.5) <= 4 * se, mean + " ± " + se);
    assertEquals(5.50, mean, 0.005, "the comment's figure at seed 5");
    assertEquals(0.04, se, 0.005);
    assertEquals(0, s.quantile("lost_revenue", 0.05).in("$B"), 1e-9);
    assertEquals(20, s.quantile("lost_revenue", 0.95).in("$B"), 1e-9);
    assertEquals(-10.17, s.mean("npv8").in("$B"), 0.005);
    for (double x : s.draws("lost_revenue", "$B")) {
      assertTrue(java.util.Set.of(0.0, 5.0, 10.0, 20.0).contains(Math.rint(x * 1e6) / 1e6), "four outcomes only: " + x);
    }
  }

  /** The Sobol ranking the comment gives: margin, life, hurdle, build cost. */
  @Test
  void theMarginDrivesTheGigawattsNpv() throws IOException {
    GlobalSensitivity g = model("gigawatt-npv-drivers.tok").globalSensitivity("sobol", "npv", 8_192, 1L, Scenario.BASE,
        Map.of());
    assertTrue(g.ok(), g.diagnostics().toString());
    assertEquals(List.of("margin", "asset_life", "hurdle", "capex_per_gw"),
        g.params().stream().map(GlobalSensitivity.Index::name).toList());
    assertEquals(0.80, g.params().get(0).total(), 0.02);
    assertEquals(0.11, g.params().get(1).total(), 0.02);
  }
}

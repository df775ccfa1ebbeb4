package org.tokenomics.mc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tokenomics.GlobalSensitivity;
import org.tokenomics.Model;
import org.tokenomics.Scenario;
import org.tokenomics.Sensitivity;
import org.tokenomics.Simulation;
import org.tokenomics.SimulationOptions;
import org.tokenomics.TestModels;
import org.tokenomics.dist.Dist;

/**
 * {@code discrete([V: P, …])} (LANGUAGE.md §18) through the public API: the deterministic value,
 * the frequencies of the draws, correlation, thread independence and the sensitivity methods.
 * Statistical checks use a fixed seed and a tolerance of 4 binomial standard errors,
 * √(p(1 − p)/N): a correct sampler lands inside with probability 0.99994 per check, and a
 * probability misplaced by a key (an off-by-one in the step function) misses by far more.
 */
class DiscreteTest {
  static final String SOURCE = """
      param delay = discrete([0 month: 55 %, 3 month: 25 %, 6 month: 15 %, 12 month: 5 %])
      param rate  = uniform(1 %, 3 %)
      report delay as month
      report cost = delay * $10M/month * (1 + rate) as $M
      """;
  static final int N = 100_000;

  @Test
  void frequenciesMatchTheProbabilitiesWithinFourStandardErrors() {
    Model m = TestModels.compile(SOURCE);
    double[] d = m.simulate(N, 17).draws("delay", "month");
    double[] keys = {0, 3, 6, 12};
    double[] p = {0.55, 0.25, 0.15, 0.05};
    int[] count = new int[4];
    for (double x : d) {
      int k = java.util.Arrays.binarySearch(keys, x);
      assertTrue(k >= 0, "a draw that is no value of the distribution: " + x);
      count[k]++;
    }
    for (int k = 0; k < 4; k++) {
      double se = Math.sqrt(p[k] * (1 - p[k]) / N);
      assertEquals(p[k], count[k] / (double) N, 4 * se, "share of " + keys[k] + " month");
    }
  }

  @Test
  void aDeterministicRunTakesTheSmallestValueWhoseCumulativeProbabilityReachesHalf() {
    assertEquals(0, TestModels.compile(SOURCE).evaluate().value("delay").in("month"), 0.0);
    // cumulative 30 %, then exactly 50 % at the second value: that one, not the third
    Model m = TestModels.compile("param x = discrete([1: 30 %, 2: 20 %, 3: 50 %])\nreport x\n");
    assertEquals(2, m.evaluate().value("x").in("1"), 0.0);
    assertEquals(3, TestModels.compile("param x = discrete([1: 30 %, 2: 19 %, 3: 51 %])\nreport x\n")
        .evaluate().value("x").in("1"), 0.0);
  }

  @Test
  void aValueOfProbabilityZeroIsNeverDrawnAndTheEndsAreTheDrawableOnes() {
    double[] a = {1, 2, 3, 4, 0, 0.5, 0.5, 0};
    assertEquals(2, Dist.quantile("discrete", a, 0.0), 0.0);
    assertEquals(2, Dist.quantile("discrete", a, 0.5), 0.0);
    assertEquals(3, Dist.quantile("discrete", a, 0.5000001), 0.0);
    assertEquals(3, Dist.quantile("discrete", a, 1.0), 0.0);
    assertTrue(Dist.invalid("discrete", new double[] {1, 2, 0.5, 0.4}).contains("sum to 100 %"));
    assertEquals(null, Dist.invalid("discrete", new double[] {1, 2, 0.5, 0.5 + 5e-10}));
  }

  @Test
  void drawsLikeTheBernoulliOfTheSameProbability() {
    String body = "\nreport late\n";
    double[] b = TestModels.compile("param late = bernoulli(30 %)" + body).simulate(20_000, 5).draws("late", "1");
    double[] d = TestModels.compile("param late = discrete([0: 70 %, 1: 30 %])" + body).simulate(20_000, 5)
        .draws("late", "1");
    assertArrayEquals(b, d, 0.0);
  }

  @Test
  void theSameDrawsOnOneAndSixteenThreads() {
    Model m = TestModels.compile(SOURCE);
    SimulationOptions one = SimulationOptions.DEFAULT.withThreads(1);
    SimulationOptions many = SimulationOptions.DEFAULT.withThreads(16);
    Simulation a = m.simulate(Scenario.BASE, Map.of(), 10_000, 3, one);
    Simulation b = m.simulate(Scenario.BASE, Map.of(), 10_000, 3, many);
    assertArrayEquals(a.draws("cost", "$M"), b.draws("cost", "$M"), 0.0);
  }

  @Test
  void correlatedThroughItsDrawSoAFullCorrelationMakesItAStepOfThePartner() {
    Model m = TestModels.compile(SOURCE.replace("report delay", "correlate delay, rate = 1\nreport r = rate as %\nreport delay"));
    Simulation s = m.simulate(20_000, 8);
    double[] d = s.draws("delay", "month");
    double[] r = s.draws("r", "%");
    Integer[] order = new Integer[d.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (i, j) -> Double.compare(r[i], r[j]));
    for (int k = 1; k < order.length; k++) {
      assertTrue(d[order[k]] >= d[order[k - 1]], "delay falls while rate rises at rank " + k);
    }
    // its frequencies are unchanged by the copula
    long none = java.util.Arrays.stream(d).filter(x -> x == 0).count();
    assertEquals(0.55, none / 20_000.0, 4 * Math.sqrt(0.55 * 0.45 / 20_000));
  }

  @Test
  void tornadoMovesItToItsFifthAndNinetyFifthPercentiles() {
    Sensitivity t = TestModels.compile(SOURCE).sensitivity("cost", Scenario.BASE, Map.of());
    Sensitivity.Bar bar = t.bars().get(0);
    assertEquals("delay", bar.param());
    assertEquals("month", bar.unit());
    assertEquals(0, bar.low(), 0.0); // p5: 0 month (55 % of the draws)
    assertEquals(6, bar.high(), 0.0); // p95: cumulative 95 % is reached at 6 month
  }

  @Test
  void tokTestFindsAndShrinksToAValueTheParamCanTake() {
    // the assertion fails only a year late; the search's steps and the shrinker stay on the values
    Model m = TestModels.compile("""
        param delay = discrete([0 month: 60 %, 3 month: 25 %, 5 month: 10 %, 12 month: 5 %])
        param rate  = uniform(1 %, 3 %)
        let cost    = delay * $10M/month * (1 + rate)
        assert cost < $60M "the delay costs less than $60M"
        report cost as $M
        """);
    org.tokenomics.TestResult r = m.test(org.tokenomics.TestOptions.defaults().withSeed(3));
    assertEquals(1, r.counterexamples().size(), r.toString());
    assertEquals("12 month", r.counterexamples().get(0).set().get("delay"), r.toString());
    for (org.tokenomics.TestInput in : m.testInputs("delay")) {
      for (double u = 0; u <= 1; u += 0.01) {
        double v = in.at(u);
        assertTrue(v == 0 || v == 3 || v == 5 || v == 12, "a random point is a value it can take: " + v);
      }
    }
  }

  @Test
  void sobolIndicesOfAnAdditiveModelAreTheVarianceShares() {
    // y = d + u: Var(d) = 1/4 (0 or 1 at 50 % each), Var(u) = 1/12, so S_d = ST_d = 3/4
    Model m = TestModels.compile("""
        param d = discrete([0: 50 %, 1: 50 %])
        param u = uniform(0, 1)
        report y = d + u
        """);
    GlobalSensitivity g = m.globalSensitivity("sobol", "y", 8192, 4, Scenario.BASE, Map.of());
    GlobalSensitivity.Index d = g.params().stream().filter(i -> i.name().equals("d")).findFirst().orElseThrow();
    assertTrue(d.firstLow() <= 0.75 && 0.75 <= d.firstHigh(), "first " + d);
    assertTrue(d.totalLow() <= 0.75 && 0.75 <= d.totalHigh(), "total " + d);
  }
}

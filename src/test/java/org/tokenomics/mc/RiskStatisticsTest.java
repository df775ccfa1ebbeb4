package org.tokenomics.mc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokenomics.check.CompiledModel;

/** The standard error of the mean and the share below zero, in both forms of a run (kept values, histograms). */
class RiskStatisticsTest {
  static final CompiledModel MODEL = MonteCarloTest.model("""
      timeline 2026 to 2028 yearly
      param u = uniform(0, 1)
      param v = normal(100, 10)
      report x = u
      report cash = v * $1M - $100M as $M
      report flow = (v - 90) * $1M/yr as $M/yr
      report price = v * $1/GPU/h as $/GPU/h
      report growing = v * $1M * (1 + 10 %) ^ period as $M
      """);

  @Test
  void momentsMatchTheTwoPassFormula() {
    double[] v = {3.5, -1.25, 7, 0, 2.75, 1e-3, 12};
    Moments m = new Moments();
    m.addAll(v, 0, v.length);
    double mean = java.util.Arrays.stream(v).average().orElseThrow();
    double ss = java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum();
    assertEquals(Math.sqrt(ss / (v.length - 1) / v.length), m.standardError(), 1e-15);
    assertEquals(v.length, m.count());
  }

  @Test
  void momentsStayFiniteAndHonestAtTheEdgesOfDoubles() {
    Moments one = new Moments();
    one.add(5);
    assertTrue(Double.isNaN(one.standardError()), "one value has no standard error");
    Moments constant = new Moments();
    for (int i = 0; i < 100; i++) {
      constant.add(1e300);
    }
    assertEquals(0, constant.standardError());
    Moments huge = new Moments();
    huge.addAll(new double[] {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE}, 0, 4);
    double se = huge.standardError();
    assertTrue(Double.isFinite(se) && se > 1e307, "se " + se); // s = 2.08e308 is beyond a double: clamped
    Moments spread = new Moments(); // a tiny first value, then values 600 orders of magnitude larger
    spread.addAll(new double[] {1e-300, 1e300, -1e300, 2e300, Double.NaN}, 0, 5);
    assertEquals(4, spread.count());
    double mean = (1e300 - 1e300 + 2e300) / 4;
    double ss = Math.pow(1e-300 - mean, 2) + Math.pow(1e300 - mean, 2) + Math.pow(-1e300 - mean, 2) + Math.pow(2e300 - mean, 2);
    double expected = Math.sqrt(ss / 1e300 / 3 / 4) * 1e150; // computed without overflow
    assertEquals(expected, spread.standardError(), expected * 1e-12);
  }

  @Test
  void standardErrorIsTheSpreadOverRootN() {
    McResult r = MonteCarloTest.run(MODEL, 40_000, 5, 2, 25_000_000);
    McResult.ReportStats x = MonteCarloTest.stats(r, "x");
    assertEquals(Math.sqrt(1.0 / 12) / Math.sqrt(40_000), x.se()[0], 0.02 * x.se()[0]); // the sd of U(0,1) is √(1/12)
    McResult.ReportStats cash = MonteCarloTest.stats(r, "cash");
    assertEquals(10e6 / Math.sqrt(40_000), cash.se()[0], 0.02 * cash.se()[0]);
    assertEquals(3, MonteCarloTest.stats(r, "growing").se().length);
  }

  @Test
  void keptValuesAndHistogramsGiveTheSameStandardErrorAndShareBelowZero() {
    McResult exact = MonteCarloTest.run(MODEL, 3_000, 9, 2, 25_000_000);
    McResult sketched = MonteCarloTest.run(MODEL, 3_000, 9, 3, 1);
    assertTrue(exact.exact());
    assertFalse(sketched.exact());
    for (int i = 0; i < exact.reports().size(); i++) {
      McResult.ReportStats a = exact.reports().get(i);
      McResult.ReportStats b = sketched.reports().get(i);
      assertArrayEquals(a.se(), b.se(), 0.0, a.spec().name()); // the same values fed in the same order
      assertArrayEquals(a.belowZero(), b.belowZero(), 0.0, a.spec().name()); // negatives are counted exactly
    }
    assertNull(MonteCarloTest.stats(sketched, "x").draws(), "histograms keep no draws");
    assertEquals(3_000, MonteCarloTest.stats(exact, "x").draws().length);
    assertNull(MonteCarloTest.stats(exact, "growing").draws(), "a series has no raw draws");
  }

  @Test
  void shareBelowZeroCountsLosses() {
    McResult r = MonteCarloTest.run(MODEL, 20_000, 2, 2, 25_000_000);
    assertEquals(0.5, MonteCarloTest.stats(r, "cash").belowZero()[0], 0.015); // normal(100, 10) − 100
    assertEquals(0.1587, MonteCarloTest.stats(r, "flow").belowZero()[0], 0.01); // P(Z < −1)
    assertEquals(0, MonteCarloTest.stats(r, "price").belowZero()[0]);
    double[] draws = MonteCarloTest.stats(r, "cash").draws();
    long below = java.util.Arrays.stream(draws).filter(d -> d < 0).count();
    assertEquals(below / 20_000.0, MonteCarloTest.stats(r, "cash").belowZero()[0], 0.0);
  }

  @Test
  void moneyIsAnAmountOrACashFlow() {
    McResult r = MonteCarloTest.run(MODEL, 10, 1, 1, 25_000_000);
    assertTrue(MonteCarloTest.stats(r, "cash").money());
    assertTrue(MonteCarloTest.stats(r, "flow").money());
    assertTrue(MonteCarloTest.stats(r, "growing").money());
    assertFalse(MonteCarloTest.stats(r, "price").money()); // $/GPU/h is a price
    assertFalse(MonteCarloTest.stats(r, "x").money());
  }

  @Test
  void rawDrawsAreTheSamplesInOrderWhateverTheThreads() {
    double[] one = MonteCarloTest.stats(MonteCarloTest.run(MODEL, 1_000, 4, 1, 25_000_000), "cash").draws();
    double[] many = MonteCarloTest.stats(MonteCarloTest.run(MODEL, 1_000, 4, 16, 25_000_000), "cash").draws();
    assertArrayEquals(one, many, 0.0);
    Partial tail = MonteCarlo.runPartial(MODEL, List.of(), 600, 400, 4, MonteCarlo.Options.defaults().withThreads(2));
    assertArrayEquals(java.util.Arrays.copyOfRange(one, 600, 1000), tail.values()[1], 0.0); // cash is the second value
  }
}

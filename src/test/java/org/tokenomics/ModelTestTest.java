package org.tokenomics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Model#test} (EMBEDDING.md §6): planted counterexamples found and shrunk, theorems passed. */
class ModelTestTest {
  /** Fails only when usage is within 0.5 % of its low end and price within 0.5 % of its high end. */
  static final String CORNER = """
      param usage = 70 % within 10 % to 100 %
      param price = $2/Mtok within $1/Mtok to $4/Mtok
      param volume = 100 Mtok/h within 50 Mtok/h to 200 Mtok/h
      assert usage > 10.45 % or price < $3.985/Mtok "covered"
      """;

  @Test
  void aCornerThatRandomSamplingMissesIsFoundAndShrunkToItsBoundary() {
    Model m = TestModels.compile(CORNER);
    // Random sampling alone: 1,000 uniform points over the domains never reach the corner.
    SplittableRandom r = new SplittableRandom(0);
    for (int i = 0; i < 1_000; i++) {
      double usage = 10 + 90 * r.nextDouble();
      double price = 1 + 3 * r.nextDouble();
      assertFalse(usage <= 10.45 && price >= 3.985, "this seed's random points reach the corner at try " + i);
    }
    TestResult result = m.test(TestOptions.defaults().withSeed(0));
    assertFalse(result.passed());
    TestResult.Counterexample x = result.counterexamples().get(0);
    assertEquals(4, x.line());
    assertEquals("covered", x.message());
    // Minimal: volume untouched, usage and price at the boundary (rounded outward within 0.1 % of their range).
    assertEquals(List.of("usage", "price"), List.copyOf(x.set().keySet()));
    double usage = m.evaluate(x.set()).value("usage").in("%");
    double price = m.evaluate(x.set()).value("price").in("$/Mtok");
    assertTrue(usage <= 10.45 && usage > 10.45 - 0.09, "usage " + usage);
    assertTrue(price >= 3.985 && price < 3.985 + 0.003, "price " + price);
    assertFalse(m.evaluate(x.set()).assertions().get(0).ok(), "the --set lines reproduce the failure");
  }

  @Test
  void theSlackGuidesTheSearchIntoAThinInteriorBand() {
    // The failing band is 0.02 % of the range wide, in the middle: no edge or corner touches it.
    Model m = TestModels.compile("""
        param x = 10 % within 0 % to 100 %
        param y = 50 % within 0 % to 100 %
        assert abs(x - 61.23 %) > 0.01 % "away from the band"
        """);
    TestResult result = m.test(TestOptions.defaults().withSeed(7).withTries(1_000));
    assertFalse(result.passed(), "the band was not found in " + result.tries() + " tries");
    Map<String, String> set = result.counterexamples().get(0).set();
    assertEquals(List.of("x"), List.copyOf(set.keySet()), "y is not needed: " + set);
    double x = m.evaluate(set).value("x").in("%");
    assertTrue(Math.abs(x - 61.23) <= 0.01, "x " + x);
  }

  @Test
  void aTheoremPassesAfterEveryTry() {
    Model m = TestModels.compile("""
        param price = 10 $/Mtok within 1 $/Mtok to 20 $/Mtok
        param cost = uniform(1 $/Mtok, 30 $/Mtok)
        let margin = 1 - cost / price
        assert margin <= 100 % "never above 100 %"
        """);
    TestResult result = m.test(TestOptions.defaults().withTries(500));
    assertTrue(result.passed());
    assertEquals(500, result.tries());
    assertEquals(0, result.errorTries());
  }

  @Test
  void theSameSeedGivesTheSameResultOnAnyThreadCount() {
    Model m = TestModels.compile(CORNER.replace("10.45 %", "40 %").replace("$3.985", "$3"));
    TestResult one = m.test(TestOptions.defaults().withSeed(42).withThreads(1).withTries(300));
    TestResult four = m.test(TestOptions.defaults().withSeed(42).withThreads(4).withTries(300));
    assertEquals(one, four);
  }

  @Test
  void distributionsAreExploredOverTheirMiddle998PerMilleCutToTheDomain() {
    Model m = TestModels.compile("""
        param cost = normal(10 $/Mtok, 1 $/Mtok) within 0 $/Mtok to 12 $/Mtok
        param load = uniform(0 %, 100 %)
        report cost as $/Mtok
        """);
    TestInput cost = m.testInputs("cost").get(0);
    assertEquals("$/Mtok", cost.unit());
    assertEquals(10 - 3.090232306, cost.low(), 1e-6);
    assertEquals(12, cost.high(), 1e-12);
    assertEquals(10, cost.defaultValue(), 1e-12);
    assertTrue(cost.uncertain());
    TestInput load = m.testInputs().get(1);
    assertEquals(0.1, load.low(), 1e-9);
    assertEquals(99.9, load.high(), 1e-9);
    assertEquals(12, m.evaluate(Map.of("cost", cost.literal(12))).value("cost").in("$/Mtok"), 1e-12);
  }

  @Test
  void aParamWithNeitherDomainNorDistributionCannotBeNamed() {
    Model m = TestModels.compile("param a = 1\nparam b = 2 within 0 to 3\nassert a < b\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> m.test(TestOptions.defaults().withParams(List.of("a"))));
    assertTrue(e.getMessage().contains("cannot vary a"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> m.testInputs("nope"));
    assertThrows(IllegalArgumentException.class, () -> TestOptions.defaults().withTries(0));
  }

  @Test
  void anAssertionThatFailsAtTheDefaultsIsReportedWithNoOverrides() {
    Model m = TestModels.compile("param a = 1 within 0 to 3\nassert a > 2 \"a above 2\"\n");
    TestResult r = m.test(TestOptions.defaults().withTries(10));
    assertEquals(Map.of(), r.counterexamples().get(0).set());
  }
}

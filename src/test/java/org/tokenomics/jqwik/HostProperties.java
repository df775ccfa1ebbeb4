package org.tokenomics.jqwik;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.tokenomics.Evaluation;
import org.tokenomics.Model;
import org.tokenomics.TestModels;

/**
 * Invariants of models checked as a host would check them (EMBEDDING.md §6): jqwik properties over
 * {@link ModelArbitraries} of the models' inputs.
 */
class HostProperties {
  static final Model SERVING = TestModels.compile("""
      param price = 10 $/Mtok within 1 $/Mtok to 20 $/Mtok
      param cost = uniform(1 $/Mtok, 30 $/Mtok)
      param volume = 100 Mtok/h within 10 Mtok/h to 1000 Mtok/h
      let revenue = price * volume
      let margin = 1 - cost / price
      report revenue as $/h
      report margin as %
      """);

  static final Model FUTURES = TestModels.compile("""
      param spot = 10 $/Mtok within 1 $/Mtok to 30 $/Mtok
      param strike = 8 $/Mtok within 1 $/Mtok to 30 $/Mtok
      param size = 1000 Mtok within 1 Mtok to 1e6 Mtok
      let long_payoff = (spot - strike) * size
      let short_payoff = (strike - spot) * size
      report total = long_payoff + short_payoff as $
      """);

  static final Model TAKE_OR_PAY = TestModels.compile("""
      param usage = 60 % within 0 % to 100 %
      param minimum = 40 % within 0 % to 100 %
      param capacity = 1000 GPU within 1 GPU to 100000 GPU
      param rate = 2 $/GPU/h within 1 $/GPU/h to 4 $/GPU/h
      let bill = max(usage, minimum) * capacity * rate
      report bill as $/h
      report floor = minimum * capacity * rate as $/h
      """);

  @Provide
  Arbitrary<Map<String, String>> serving() {
    return ModelArbitraries.inputs(SERVING);
  }

  @Provide
  Arbitrary<Map<String, String>> futures() {
    return ModelArbitraries.inputs(FUTURES);
  }

  @Provide
  Arbitrary<Map<String, String>> takeOrPay() {
    return ModelArbitraries.inputs(TAKE_OR_PAY);
  }

  @Property(tries = 200)
  void grossMarginNeverExceeds100Percent(@ForAll("serving") Map<String, String> in) {
    assertTrue(SERVING.evaluate(in).value("margin").in("%") <= 100, in::toString);
  }

  @Property(tries = 100)
  void revenueRisesWithPrice(@ForAll("serving") Map<String, String> in) {
    var price = SERVING.testInputs("price").get(0);
    double p = in.containsKey("price") ? valueOf(in.get("price"), "$/Mtok") : price.defaultValue();
    net.jqwik.api.Assume.that(p < price.high());
    Map<String, String> dearer = new HashMap<>(in);
    dearer.put("price", price.literal((p + price.high()) / 2));
    assertTrue(SERVING.evaluate(dearer).value("revenue").in("$/h") > SERVING.evaluate(in).value("revenue").in("$/h"),
        in::toString);
  }

  @Property(tries = 200)
  void aLongAndAShortFutureOnTheSameIndexSumToZero(@ForAll("futures") Map<String, String> in) {
    assertEquals(0, FUTURES.evaluate(in).value("total").in("$"), 1e-6);
  }

  @Property(tries = 200)
  void aTakeOrPayContractNeverBillsBelowItsMinimum(@ForAll("takeOrPay") Map<String, String> in) {
    Evaluation e = TAKE_OR_PAY.evaluate(in);
    assertTrue(e.value("bill").in("$/h") >= e.value("floor").in("$/h") * (1 - 1e-12), in::toString);
  }

  @Property(tries = 200)
  void generatedInputsStayInsideTheDomainsAndOmitTheDefaults(@ForAll("takeOrPay") Map<String, String> in) {
    for (var input : TAKE_OR_PAY.testInputs()) {
      if (in.containsKey(input.name())) {
        double v = valueOf(in.get(input.name()), input.unit());
        assertTrue(v >= input.low() - 1e-9 && v <= input.high() + 1e-9, input.name() + " = " + v);
        assertTrue(v != input.defaultValue(), "a default is left out of the overrides");
      }
    }
  }

  /** The value of a Tok expression in {@code unit}. */
  static double valueOf(String text, String unit) {
    Model probe = TestModels.compile("param p = " + text + "\nreport p" + (unit.isEmpty() ? "" : " as " + unit) + "\n");
    return probe.evaluate().value("p").in(unit);
  }
}

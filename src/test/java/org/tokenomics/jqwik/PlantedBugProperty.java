package org.tokenomics.jqwik;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.tokenomics.Model;
import org.tokenomics.TestModels;

/**
 * A property over a model with a planted bug: the take-or-pay bill forgets the minimum below 25 %
 * usage. It must fail; {@link JqwikBridgeTest} runs it and reads jqwik's shrunk sample. (Not a
 * test of the suite itself: its name matches none of Surefire's patterns.)
 */
class PlantedBugProperty {
  static final Model BUGGY = TestModels.compile("""
      param usage = 60 % within 0 % to 100 %
      param minimum = 40 % within 0 % to 100 %
      param capacity = 1000 GPU within 1 GPU to 100000 GPU
      param rate = 2 $/GPU/h within 1 $/GPU/h to 4 $/GPU/h
      let billed_share = if usage < 25 % then usage else max(usage, minimum)
      report bill = billed_share * capacity * rate as $/h
      report floor = minimum * capacity * rate as $/h
      """);

  /** The last failing sample jqwik reported, after shrinking. */
  static volatile Map<String, String> lastFailure;

  @Provide
  Arbitrary<Map<String, String>> inputs() {
    return ModelArbitraries.inputs(BUGGY);
  }

  @Property(tries = 1000, seed = "42")
  void neverBillsBelowTheMinimum(@ForAll("inputs") Map<String, String> in) {
    var e = BUGGY.evaluate(in);
    boolean ok = e.value("bill").in("$/h") >= e.value("floor").in("$/h") * (1 - 1e-12);
    if (!ok) {
      lastFailure = in;
    }
    assertTrue(ok, in::toString);
  }
}

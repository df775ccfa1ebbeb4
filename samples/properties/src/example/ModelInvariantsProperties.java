package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.tokenomics.Evaluation;
import org.tokenomics.Model;
import org.tokenomics.TestInput;
import org.tokenomics.Tokenomics;
import org.tokenomics.jqwik.ModelArbitraries;

/**
 * A host's jqwik properties over Tok models: each generates the models' inputs from their domains
 * and distributions (shrinking toward the defaults) and checks an invariant the model should keep.
 * Run from the repository root; see README.md beside this folder.
 */
class ModelInvariantsProperties {
  static final Tokenomics TOK = Tokenomics.standard();
  static final Model SERVING = TOK.compile(Path.of("samples/testing/margin_bounds.tok")).model();
  static final Model GUARANTEE = TOK.compile(Path.of("samples/testing/guarantee_corner.tok")).model();
  static final Model FUTURES = TOK.compile("futures.tok", """
      param spot   = 10 $/Mtok within 1 $/Mtok to 30 $/Mtok
      param strike = 8 $/Mtok within 1 $/Mtok to 30 $/Mtok
      param size   = 1000 Mtok within 1 Mtok to 1e6 Mtok
      let long_payoff  = (spot - strike) * size
      let short_payoff = (strike - spot) * size
      report total = long_payoff + short_payoff as $
      """).model();

  @Provide
  Arbitrary<Map<String, String>> serving() {
    return ModelArbitraries.inputs(SERVING);
  }

  @Provide
  Arbitrary<Map<String, String>> guarantee() {
    return ModelArbitraries.inputs(GUARANTEE);
  }

  @Provide
  Arbitrary<Map<String, String>> futures() {
    return ModelArbitraries.inputs(FUTURES);
  }

  @Property(tries = 200)
  void grossMarginNeverExceeds100Percent(@ForAll("serving") Map<String, String> in) {
    assertTrue(SERVING.evaluate(in).value("margin").in("%") <= 100, in::toString);
  }

  @Property(tries = 100)
  void revenueRisesWithPrice(@ForAll("serving") Map<String, String> in) {
    TestInput price = SERVING.testInputs("price").get(0);
    double p = SERVING.evaluate(in).value("revenue").in("$/GPU/h") / revenuePerDollar(in);
    Assume.that(p < price.high() - 1e-9);
    Map<String, String> dearer = new HashMap<>(in);
    dearer.put("price", price.literal((p + price.high()) / 2));
    assertTrue(SERVING.evaluate(dearer).value("revenue").in("$/GPU/h") > SERVING.evaluate(in).value("revenue").in("$/GPU/h"));
  }

  /** Revenue per $/Mtok of price at these inputs (revenue is proportional to price). */
  private static double revenuePerDollar(Map<String, String> in) {
    Map<String, String> unit = new HashMap<>(in);
    unit.put("price", "1 $/Mtok");
    return SERVING.evaluate(unit).value("revenue").in("$/GPU/h");
  }

  @Property(tries = 200)
  void aLongAndAShortFutureOnTheSameIndexSumToZero(@ForAll("futures") Map<String, String> in) {
    assertEquals(0, FUTURES.evaluate(in).value("total").in("$"), 1e-6);
  }

  @Property(tries = 200)
  void theGuaranteeNeverBillsBelowItsMinimum(@ForAll("guarantee") Map<String, String> in) {
    Evaluation e = GUARANTEE.evaluate(in);
    assertTrue(e.value("paid").in("$B") >= minimumAt(in) * (1 - 1e-12), in::toString);
  }

  /** The guaranteed 40 % of the phase at these inputs' price: the bill at the lowest use (20 %). */
  private static double minimumAt(Map<String, String> in) {
    Map<String, String> low = new HashMap<>(in);
    low.put("usage", "20 %");
    return GUARANTEE.evaluate(low).value("paid").in("$B");
  }
}

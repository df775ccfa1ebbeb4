package org.tokenomics.jqwik;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.tokenomics.Model;
import org.tokenomics.TestInput;

/**
 * The jqwik bridge (EMBEDDING.md §6): arbitraries of a model's inputs for a host's own
 * {@code @Property}, generated from the params' domains and distributions
 * ({@link Model#testInputs}) and shrinking toward the defaults. A generated input is a map of
 * overrides (param → Tok expression) holding only the params that differ from their defaults, so
 * a shrunk counterexample names as few params as it can; pass it to {@link Model#evaluate(Map)}.
 *
 * <pre>{@code
 * @Provide Arbitrary<Map<String, String>> inputs() { return ModelArbitraries.inputs(model); }
 *
 * @Property void marginBelowOne(@ForAll("inputs") Map<String, String> in) {
 *   assertTrue(model.evaluate(in).value("margin").in("%") <= 100);
 * }
 * }</pre>
 *
 * jqwik is the host's test dependency: the library declares it {@code provided}, so this class
 * loads only where jqwik is on the class path, and nothing else in the library refers to it.
 */
public final class ModelArbitraries {
  private ModelArbitraries() {}

  /** Share steps of the generated values: a millionth of a param's range. */
  private static final int SCALE = 6;

  /**
   * Overrides of every param with a domain or a distribution, or of the params named; an
   * IllegalArgumentException names a param that has neither.
   */
  public static Arbitrary<Map<String, String>> inputs(Model model, String... names) {
    List<TestInput> inputs = model.testInputs(names);
    if (inputs.isEmpty()) {
      return Arbitraries.just(Map.of());
    }
    List<Arbitrary<java.util.Optional<String>>> each = new ArrayList<>();
    for (TestInput in : inputs) {
      each.add(values(in).map(v -> v == in.defaultValue() ? java.util.Optional.<String>empty() : java.util.Optional.of(in.literal(v))));
    }
    return Combinators.combine(each).as(literals -> {
      Map<String, String> set = new LinkedHashMap<>();
      for (int i = 0; i < literals.size(); i++) {
        int k = i;
        literals.get(i).ifPresent(text -> set.put(inputs.get(k).name(), text));
      }
      return set;
    });
  }

  /**
   * Values of one input in its unit: spread over its range by its distribution (or evenly),
   * shrinking toward its default, which is generated exactly.
   */
  public static Arbitrary<Double> values(TestInput in) {
    double span = in.high() - in.low();
    double at = in.uncertain() ? 0.5 : span <= 0 ? 0 : (in.defaultValue() - in.low()) / span;
    double target = Math.max(0, Math.min(1, Math.round(at * 1e6) / 1e6));
    return Arbitraries.doubles().between(0, 1).ofScale(SCALE).shrinkTowards(target)
        .map(u -> Math.abs(u - target) < 0.5e-6 ? in.defaultValue() : in.at(u));
  }
}

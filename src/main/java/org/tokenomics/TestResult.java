package org.tokenomics;

import java.util.List;
import java.util.Map;

/**
 * What {@link Model#test} found (EMBEDDING.md §6).
 *
 * @param tries           the input points evaluated by the search (shrinking not counted)
 * @param seed            the seed searched with
 * @param counterexamples one per assertion that failed, in source order
 * @param errorTries      tries that ended in an evaluation error (division by zero …) instead of a verdict
 */
public record TestResult(int tries, long seed, List<Counterexample> counterexamples, int errorTries) {
  /**
   * Copies the list.
   *
   * @param tries           the input points evaluated
   * @param seed            the seed
   * @param counterexamples one per failing assertion
   * @param errorTries      tries that ended in an evaluation error
   */
  public TestResult {
    counterexamples = List.copyOf(counterexamples);
  }

  /**
   * Whether no assertion failed.
   *
   * @return true when there is no counterexample
   */
  public boolean passed() {
    return counterexamples.isEmpty();
  }

  /**
   * A failing assertion and the overrides that reproduce it: {@code tok run FILE --set NAME=VALUE …},
   * or {@code model.evaluate(set())}.
   *
   * @param line    the assertion's line in the file it is written in
   * @param message its message
   * @param set     param → Tok expression ({@code "29.9 %"}), only the params that differ from their defaults
   * @param file    the assertion's file when that is not the main file (an amended base), as
   *                diagnostics name it; null for the main file
   */
  public record Counterexample(int line, String message, Map<String, String> set, String file) {
    /**
     * Copies the overrides, keeping their order.
     *
     * @param line    the assertion's line
     * @param message its message
     * @param set     param → Tok expression
     * @param file    the assertion's file, or null for the main file
     */
    public Counterexample {
      set = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(set));
    }

    /**
     * A counterexample to an assertion of the main file.
     *
     * @param line    the assertion's line in the main file
     * @param message its message
     * @param set     param → Tok expression
     */
    public Counterexample(int line, String message, Map<String, String> set) {
      this(line, message, set, null);
    }
  }
}

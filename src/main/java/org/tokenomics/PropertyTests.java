package org.tokenomics;

import java.util.ArrayList;
import java.util.List;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.mc.PropertySearch;
import org.tokenomics.mc.TestSpace;

/**
 * Property-based testing of a {@link Model} (EMBEDDING.md §6, {@code tok test}, the jqwik bridge):
 * the inputs to vary and the search for inputs under which an assertion fails.
 */
final class PropertyTests {
  private PropertyTests() {}

  /** {@link Model#test(TestOptions)}. */
  static TestResult test(CompiledModel compiled, TestOptions options) {
    TestSpace space = space(compiled, options.params());
    PropertySearch.Result r = PropertySearch.run(space, options.tries(), options.seed(), options.threads());
    List<TestResult.Counterexample> found = new ArrayList<>();
    for (PropertySearch.Found f : r.found()) {
      found.add(new TestResult.Counterexample(f.assertion().line(), f.assertion().message(), f.set(), f.assertion().file()));
    }
    return new TestResult(r.tries(), r.seed(), found, r.errors());
  }

  /** {@link Model#testInputs(String...)}. */
  static List<TestInput> inputs(CompiledModel compiled, String... names) {
    List<TestInput> out = new ArrayList<>();
    for (TestSpace.Axis a : space(compiled, List.of(names)).axes()) {
      double f = a.unit().factor();
      out.add(new TestInput(a.name(), a.unit().name(), a.low() / f, a.high() / f, a.defaultValue() / f,
          a.family() != null, u -> a.at(u) / f, v -> a.literal(v * f, 15)));
    }
    return out;
  }

  /** The space of the named params (all with a domain or a distribution when none are named). */
  private static TestSpace space(CompiledModel compiled, List<String> names) {
    List<org.tokenomics.diag.Diagnostic> errors = new ArrayList<>();
    TestSpace space = TestSpace.of(compiled, names, errors);
    if (space == null) {
      Diagnostic d = Diagnostic.of(errors.get(0));
      if (d.code().startsWith("TOK5")) {
        throw new EvaluationException(d);
      }
      throw new IllegalArgumentException(d.message() + (d.help() == null ? "" : "; " + d.help()));
    }
    return space;
  }
}

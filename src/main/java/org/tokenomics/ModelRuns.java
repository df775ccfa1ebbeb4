package org.tokenomics;

import java.util.List;
import java.util.Map;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.run.Runner;

/**
 * The runs behind {@link Model}'s methods that check their arguments, or turn a failure into an
 * exception, around the call that does the work: one evaluation (its first error thrown, or every
 * error kept), a slice of a sweep, an explanation. {@link Model} keeps the public methods and their javadoc, each a call here
 * or into the class that does the work ({@link SimulationRuns}, {@link Sweep}, {@link GlobalSensitivity} …).
 */
final class ModelRuns {
  private ModelRuns() {}

  /** One evaluation with {@code overrides} applied; its first error is thrown as an EvaluationException. */
  static Evaluation evaluate(CompiledModel compiled, List<CompiledModel.Override> overrides, String scenario) {
    Runner.Result r = run(compiled, overrides, scenario);
    if (!r.errors().isEmpty()) {
      throw new EvaluationException(Diagnostic.of(r.errors().get(0)));
    }
    return new Evaluation(compiled, r);
  }

  /** One evaluation with {@code overrides} applied that goes on past errors ({@link Model#tryEvaluate}). */
  static Evaluation tryEvaluate(CompiledModel compiled, List<CompiledModel.Override> overrides, String scenario) {
    return new Evaluation(compiled, run(compiled, overrides, scenario));
  }

  private static Runner.Result run(CompiledModel compiled, List<CompiledModel.Override> overrides, String scenario) {
    return Runner.run(compiled, Runner.apply(compiled.program(), overrides), scenario);
  }

  /**
   * Points {@code [first, first + count)} of a sweep's grid, on the calling thread
   * ({@link Model#sweep(List, Scenario, Map, int, int)}); IllegalArgumentException for a negative
   * first point or count, checked before the overrides.
   */
  static Sweep sweepSlice(CompiledModel compiled, Limits limits, List<Sweep.Vary> vary, Scenario scenario,
                          Map<String, String> overrides, int first, int count) {
    if (first < 0 || count < 0) {
      throw new IllegalArgumentException("a slice needs a first point and a count of 0 or more, got " + first + " and "
          + count);
    }
    return Sweep.of(compiled, ScenarioOverrides.with(compiled, scenario.name(), overrides), vary, limits, first, count,
        1);
  }

  /**
   * The explanation of {@code name} ({@link Model#explain}); IllegalArgumentException for a negative
   * depth (checked before the overrides), or with the diagnostic saying why there is none.
   */
  static Explanation explain(CompiledModel compiled, String name, int depth, Scenario scenario,
                             Map<String, String> overrides) {
    if (depth < 0) {
      throw new IllegalArgumentException("depth must be 0 or more, got " + depth);
    }
    Explanation.Result r = Explanation.of(compiled, ScenarioOverrides.with(compiled, scenario.name(), overrides), name,
        depth);
    if (r.tree() == null) {
      Diagnostic d = r.diagnostics().get(0);
      throw new IllegalArgumentException(d.message() + (d.help() == null ? "" : "; " + d.help()));
    }
    return r.tree();
  }
}

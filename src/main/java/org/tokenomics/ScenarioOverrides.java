package org.tokenomics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tokenomics.api.OverrideParser;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.diag.Suggest;

/**
 * What a run of a {@link Model} changes: a declared scenario's overrides, then a caller's
 * {@code --set} overrides on top (checked against the frozen model), as one list every run of the
 * API (evaluation, Monte Carlo, sweeps, sensitivity, explain) applies the same way.
 */
final class ScenarioOverrides {
  private ScenarioOverrides() {}

  /** The overrides of a scenario (none for base); IllegalArgumentException for an unknown name. */
  static List<CompiledModel.Override> of(CompiledModel compiled, String scenario) {
    if (scenario.equals("base")) {
      return List.of();
    }
    List<CompiledModel.Override> overrides = compiled.scenarios().get(scenario);
    if (overrides == null) {
      String near = Suggest.closest(scenario, compiled.scenarios().keySet());
      throw new IllegalArgumentException("no scenario named '" + scenario + "'"
          + (near != null ? "; did you mean '" + near + "'?" : "; scenarios: " + compiled.scenarios().keySet()));
    }
    return overrides;
  }

  /** A scenario's overrides, then {@code overrides} on top (IllegalArgumentException when one does not check). */
  static List<CompiledModel.Override> with(CompiledModel compiled, String scenario, Map<String, String> overrides) {
    List<CompiledModel.Override> all = new ArrayList<>(of(compiled, scenario));
    all.addAll(OverrideParser.compile(compiled, overrides));
    return all;
  }
}

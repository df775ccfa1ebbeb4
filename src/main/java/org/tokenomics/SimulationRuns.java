package org.tokenomics;

import java.util.List;
import java.util.Map;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.diag.Code;
import org.tokenomics.mc.AutoRun;
import org.tokenomics.mc.McDiagnostics;
import org.tokenomics.mc.MonteCarlo;
import org.tokenomics.syntax.Diagnostics;

/** How the API starts Monte Carlo runs: the limits, the engine's options, automatic runs ({@link Tolerance}). */
final class SimulationRuns {
  private SimulationRuns() {}

  /** The engine's options: the caller's threads, progress and cancellation. */
  static MonteCarlo.Options engineOptions(SimulationOptions options) {
    MonteCarlo.Options o = MonteCarlo.Options.defaults().withProgress((done, total) -> {
      if (options.cancelled().getAsBoolean()) {
        throw new java.util.concurrent.CancellationException("the simulation was cancelled after " + done + " of "
            + total + " samples");
      }
      options.progress().update(done, total);
    });
    return options.threads() > 0 ? o.withThreads(options.threads()) : o;
  }

  /**
   * An automatic run: as many samples as the tolerance needs ({@link AutoRun}); a TOK600 warning
   * at the report furthest from it when the cap comes first, TOK600 (an EvaluationException) when
   * an explicit cap is over the limits.
   */
  static Simulation until(CompiledModel model, Limits limits, List<CompiledModel.Override> overrides, String scenario,
                          Tolerance tolerance, long seed, SimulationOptions options) {
    int cap = tolerance.maxSamples();
    if (cap == 0) { // the default, cut to what the limits allow
      long values = (long) model.program().timeline().size() * Math.max(1, model.reports().size());
      cap = (int) Math.max(2, Math.min(org.tokenomics.diag.DefaultLimits.MAX_AUTO_SAMPLES,
          limits.maxSampleValues() / values));
    }
    limitCheck(model, limits, cap);
    AutoRun.Result r = AutoRun.run(model, overrides, tolerance.relative(), tolerance.reports(), cap, seed,
        engineOptions(options));
    List<Diagnostic> warnings = List.of();
    if (!r.reached()) {
      String rel = Double.isNaN(r.worstRelSe()) ? "unknown (fewer than two samples evaluated it)"
          : Double.isInfinite(r.worstRelSe()) ? "unbounded (its mean is 0)" : McDiagnostics.percent(r.worstRelSe());
      warnings = List.of(Diagnostic.of(Diagnostics.make(model.sources(), org.tokenomics.diag.Severity.WARNING,
          Code.TOK600, r.worst().span(), String.format(java.util.Locale.ROOT, "--samples auto stopped at its cap of %,d"
              + " samples: the relative standard error of %s's mean is %s, above the tolerance of %s", cap,
              r.worst().name(), rel, McDiagnostics.percent(tolerance.relative())),
          "raise the cap (--max-samples N), loosen --tolerance, or name the reports that must converge"
              + " (--tolerance-for NAME)", null)));
    }
    return new Simulation(model, r.result(), scenario, warnings);
  }

  /**
   * Samples {@code first .. first + count - 1} of a run ({@link Model#simulatePart}): the range
   * checked (IllegalArgumentException), then the limits (TOK600), then the overrides.
   */
  static SimulationPart part(CompiledModel model, Limits limits, Scenario scenario, Map<String, String> overrides,
                             long first, int count, long seed, SimulationOptions options) {
    if (first < 0 || count < 1 || first > Long.MAX_VALUE - count) {
      throw new IllegalArgumentException("a part needs a first sample of 0 or more and a count of 1 or more, got "
          + first + " and " + count);
    }
    limitCheck(model, limits, count);
    org.tokenomics.mc.Partial run = MonteCarlo.runPartial(model, ScenarioOverrides.with(model, scenario.name(),
        overrides), first, count, seed, engineOptions(options));
    return SimulationPart.of(model, scenario.name(), overrides, run);
  }

  /** TOK600 (as an EvaluationException) when {@code samples} would exceed the limits. */
  static void limitCheck(CompiledModel model, Limits limits, long samples) {
    String problem = MonteCarlo.limitProblem(model, samples, limits.maxSampleValues());
    if (problem != null) {
      throw new EvaluationException(Diagnostic.of(Diagnostics.make(model.sources(), org.tokenomics.diag.Severity.ERROR,
          Code.TOK600, null, problem, "use fewer samples, or raise Limits.maxSampleValues", null)));
    }
  }
}

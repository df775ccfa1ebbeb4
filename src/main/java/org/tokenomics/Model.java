package org.tokenomics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tokenomics.api.OverrideParser;
import org.tokenomics.check.CompiledModel;

/**
 * A compiled, checked model: evaluate it as often as you like, with overrides or scenarios.
 * Immutable and safe to share between threads.
 */
public final class Model {
  private final CompiledModel compiled;
  private final Limits limits;

  Model(CompiledModel compiled, Limits limits) {
    this.compiled = compiled;
    this.limits = limits;
  }

  /** The checked model behind this one: for the API's own classes (and white-box tests), never exported. */
  CompiledModel compiled() {
    return compiled;
  }

  /**
   * This model with the named values as its reports, in that order, so that every run, simulation
   * and reporter of the API sees them: reports, params (a price path such as {@code gbm} included),
   * lets or instance attributes. {@code tok chart FILE h100 --samples N} draws the fan chart of a
   * param this way. Nothing is recompiled; the model's assertions and scenarios are kept.
   *
   * @param names the values to report ({@code npv}, {@code h100}, {@code site.pue})
   * @return the model reporting exactly those values
   * @throws IllegalArgumentException for a name that is no report or value (with a suggestion)
   */
  public Model reporting(List<String> names) {
    return new Model(ModelNames.reporting(compiled, names), limits);
  }

  /**
   * The overridable params, top-level and instance attributes.
   *
   * @return the overridable params, top-level and instance attributes
   */
  public List<Param> params() {
    return ModelNames.params(compiled);
  }

  /**
   * The report names, in source order.
   *
   * @return the report names, in source order
   */
  public List<String> reportNames() {
    return ModelNames.reports(compiled);
  }

  /**
   * The declared scenario names, in source order.
   *
   * @return the declared scenario names, in source order
   */
  public List<String> scenarios() {
    return List.copyOf(compiled.scenarios().keySet());
  }

  /**
   * Period labels ({@code 2026}, {@code 2026-Q1}, {@code 2026-01}); one label for a static model.
   *
   * @return period labels ({@code 2026}, {@code 2026-Q1}, {@code 2026-01})
   */
  public List<String> periods() {
    return List.of(compiled.program().timeline().labels());
  }

  /**
   * Evaluates with the base inputs.
   *
   * @return the evaluation: every report, its assertions
   */
  public Evaluation evaluate() {
    return ModelRuns.evaluate(compiled, List.of(), "base");
  }

  /**
   * Evaluates with overrides: param name ({@code gross_margin}, {@code site.pue}) → a Tok
   * expression ({@code "60 %"}). Throws IllegalArgumentException when an override does not check.
   *
   * @param overrides param name ({@code gross_margin}, {@code site.pue}) to a Tok expression ({@code "60 %"})
   * @return the evaluation: every report, its assertions
   */
  public Evaluation evaluate(Map<String, String> overrides) {
    return ModelRuns.evaluate(compiled, OverrideParser.compile(compiled, overrides), "base");
  }

  /**
   * Evaluates a declared scenario (or {@link Scenario#BASE}).
   *
   * @param scenario a declared scenario, or {@link Scenario#BASE}
   * @return the evaluation: every report, its assertions
   */
  public Evaluation evaluate(Scenario scenario) {
    return ModelRuns.evaluate(compiled, ScenarioOverrides.of(compiled, scenario.name()), scenario.name());
  }

  /**
   * Evaluates a declared scenario with further overrides on top (the overrides win). Throws
   * IllegalArgumentException when an override does not check or the scenario is unknown.
   *
   * @param scenario a declared scenario, or {@link Scenario#BASE}
   * @param overrides param name ({@code gross_margin}, {@code site.pue}) to a Tok expression ({@code "60 %"})
   * @return the evaluation: every report, its assertions
   */
  public Evaluation evaluate(Scenario scenario, Map<String, String> overrides) {
    return ModelRuns.evaluate(compiled, allOverrides(scenario, overrides), scenario.name());
  }

  /**
   * Evaluates like {@link #evaluate(Scenario, Map)} but goes on past evaluation errors, as
   * {@code tok run} does: every report that can be computed is, and each error is in
   * {@link Evaluation#errors()} (asking the evaluation for a report that failed throws its
   * EvaluationException).
   *
   * @param scenario a declared scenario, or {@link Scenario#BASE}
   * @param overrides param name ({@code gross_margin}, {@code site.pue}) to a Tok expression ({@code "60 %"})
   * @return the evaluation: the reports that could be computed, and the errors of the others
   */
  public Evaluation tryEvaluate(Scenario scenario, Map<String, String> overrides) {
    return ModelRuns.tryEvaluate(compiled, allOverrides(scenario, overrides), scenario.name());
  }

  /**
   * The problems of overrides (param name → Tok expression) without evaluating anything: every
   * diagnostic, where {@link #evaluate(Map)} would throw at the first. Empty when they all check.
   *
   * @param overrides param name ({@code gross_margin}, {@code site.pue}) to a Tok expression ({@code "60 %"})
   * @return every problem of the overrides; empty when they all check
   */
  public List<Diagnostic> check(Map<String, String> overrides) {
    List<org.tokenomics.diag.Diagnostic> problems = new ArrayList<>();
    OverrideParser.compile(compiled, overrides, problems);
    return Diagnostic.of(problems);
  }

  /**
   * A Monte Carlo run with the base inputs: every distribution param drawn once per sample from
   * {@code seed}. Uses every core; the numbers do not depend on how many. Evaluation errors in
   * some samples are in {@link Simulation#errors()}; a run larger than {@link Limits#maxSampleValues()}
   * throws EvaluationException (TOK600).
   *
   * @param samples the number of samples to draw
   * @param seed the seed: the same seed gives the same numbers on any machine and thread count
   * @return the simulation: statistics of every report over the samples
   */
  public Simulation simulate(int samples, long seed) {
    return simulate(Scenario.BASE, Map.of(), samples, seed);
  }

  /**
   * A Monte Carlo run of a declared scenario (or {@link Scenario#BASE}).
   *
   * @param scenario a declared scenario, or {@link Scenario#BASE}
   * @param samples the number of samples to draw
   * @param seed the seed: the same seed gives the same numbers on any machine and thread count
   * @return the simulation: statistics of every report over the samples
   */
  public Simulation simulate(Scenario scenario, int samples, long seed) {
    return simulate(scenario, Map.of(), samples, seed);
  }

  /**
   * A Monte Carlo run with overrides (param → Tok expression, which may itself be a distribution:
   * {@code "uniform(40 %, 60 %)"}). A plain value stops a distribution param being drawn.
   *
   * @param overrides param name ({@code gross_margin}, {@code site.pue}) to a Tok expression ({@code "60 %"})
   * @param samples the number of samples to draw
   * @param seed the seed: the same seed gives the same numbers on any machine and thread count
   * @return the simulation: statistics of every report over the samples
   */
  public Simulation simulate(Map<String, String> overrides, int samples, long seed) {
    return simulate(Scenario.BASE, overrides, samples, seed);
  }

  /**
   * A Monte Carlo run of a scenario with further overrides on top (the overrides win).
   *
   * @param scenario a declared scenario, or {@link Scenario#BASE}
   * @param overrides param name ({@code gross_margin}, {@code site.pue}) to a Tok expression ({@code "60 %"})
   * @param samples the number of samples to draw
   * @param seed the seed: the same seed gives the same numbers on any machine and thread count
   * @return the simulation: statistics of every report over the samples
   */
  public Simulation simulate(Scenario scenario, Map<String, String> overrides, int samples, long seed) {
    return simulate(scenario, overrides, samples, seed, SimulationOptions.DEFAULT);
  }

  /**
   * A Monte Carlo run with options: how many threads, a callback told how far the run has come,
   * and a question asked as often whether to stop (then this throws
   * {@link java.util.concurrent.CancellationException}). The numbers do not depend on the options.
   *
   * @param scenario a declared scenario, or {@link Scenario#BASE}
   * @param overrides param name ({@code gross_margin}, {@code site.pue}) to a Tok expression ({@code "60 %"})
   * @param samples the number of samples to draw
   * @param seed the seed: the same seed gives the same numbers on any machine and thread count
   * @param options threads, progress callback and cancellation
   * @return the simulation: statistics of every report over the samples
   */
  public Simulation simulate(Scenario scenario, Map<String, String> overrides, int samples, long seed,
                             SimulationOptions options) {
    return Simulation.run(compiled, limits, allOverrides(scenario, overrides), scenario.name(), samples, seed, options);
  }

  /**
   * A Monte Carlo run of as many samples as {@code tolerance} needs ({@code tok run --samples auto}):
   * it stops once the relative standard error of each report's mean is within the tolerance,
   * checked at points that depend only on the samples done, so it chooses the same number of
   * samples, and gives the same numbers as a run of that many, on any thread count. When the cap
   * comes first, {@link Simulation#warnings()} says so (TOK600).
   *
   * @param scenario  a declared scenario, or {@link Scenario#BASE}
   * @param overrides param name to a Tok expression
   * @param tolerance the relative standard error to reach, which reports, and the cap on samples
   * @param seed      the seed
   * @param options   threads, progress callback and cancellation
   * @return the simulation; {@link Simulation#samples()} is the number of samples it took
   * @throws IllegalArgumentException for an unknown scenario or report, a bad override, or a series named
   */
  public Simulation simulate(Scenario scenario, Map<String, String> overrides, Tolerance tolerance, long seed,
                             SimulationOptions options) {
    return SimulationRuns.until(compiled, limits, allOverrides(scenario, overrides), scenario.name(), tolerance, seed,
        options);
  }

  /**
   * Samples {@code first .. first + count - 1} of a Monte Carlo run (EMBEDDING.md §10): a part to
   * merge with others ({@link SimulationPart#merge}, in any grouping) into exactly the run over all
   * of them ({@link Simulation#merge}), e.g. on the machines of a cluster.
   *
   * @param scenario  a declared scenario, or {@link Scenario#BASE}
   * @param overrides param name to a Tok expression
   * @param first     the first sample's index (0 or more)
   * @param count     how many samples (1 or more)
   * @param seed      the seed, the same for every part of a run
   * @param options   threads, progress callback and cancellation
   * @return the part: every report value of its samples, serializable
   * @throws IllegalArgumentException for a negative first sample, a count below 1, an unknown scenario or a bad
   *                                  override
   */
  public SimulationPart simulatePart(Scenario scenario, Map<String, String> overrides, long first, int count,
                                     long seed, SimulationOptions options) {
    return SimulationRuns.part(compiled, limits, scenario, overrides, first, count, seed, options);
  }

  /**
   * A tornado of {@code output} (a report or named value with one number): each uncertain param at
   * its p5 and p95, the others at their median, in the given scenario with overrides on top. Why
   * there is none (an unknown name, a series, a failed base run) is in its diagnostics.
   * IllegalArgumentException when an override does not check or the scenario is unknown.
   *
   * @param output the report or named value studied; it must be a single number
   * @param scenario a declared scenario, or {@link Scenario#BASE}
   * @param overrides param name ({@code gross_margin}, {@code site.pue}) to a Tok expression ({@code "60 %"})
   * @return the tornado, or diagnostics saying why there is none
   */
  public Sensitivity sensitivity(String output, Scenario scenario, Map<String, String> overrides) {
    return Sensitivity.of(compiled, allOverrides(scenario, overrides), output);
  }

  /**
   * A global sensitivity analysis of a scalar report ({@code tok sensitivity --method sobol|morris}):
   * every param with a distribution varied over it, the others at their values. The same seed
   * gives the same indices on any thread count.
   *
   * @param method    {@code sobol} (Saltelli sampling, N·(k+2) evaluations) or {@code morris}
   * @param output    a scalar report or value
   * @param samples   Sobol's base samples N, or Morris's trajectories r
   * @param seed      the seed of the sampling
   * @param scenario  a declared scenario, or {@link Scenario#BASE}
   * @param overrides further overrides (param name → Tok expression)
   * @return the indices, or the diagnostics saying why there are none
   * @throws IllegalArgumentException for an unknown method, scenario or a bad override
   */
  public GlobalSensitivity globalSensitivity(String method, String output, int samples, long seed, Scenario scenario,
                                             Map<String, String> overrides) {
    return GlobalSensitivity.of(compiled, allOverrides(scenario, overrides), method, output, samples, seed);
  }

  /**
   * Every report at every point of a grid of param values ({@code tok sweep}), in the given
   * scenario with overrides on top, on every core. Why there is no grid (a bound that does not
   * check, too many points) is in its diagnostics. IllegalArgumentException when an override does
   * not check, the scenario is unknown or a {@link Sweep.Vary} has fewer than 2 steps.
   *
   * @param vary the swept params and their ranges; the last varies fastest
   * @param scenario a declared scenario, or {@link Scenario#BASE}
   * @param overrides param name ({@code gross_margin}, {@code site.pue}) to a Tok expression ({@code "60 %"})
   * @return the grid and every report at each point, or diagnostics saying why there is none
   */
  public Sweep sweep(List<Sweep.Vary> vary, Scenario scenario, Map<String, String> overrides) {
    return Sweep.of(compiled, allOverrides(scenario, overrides), vary, limits);
  }

  /**
   * Points {@code [first, first + count)} of the grid of {@link #sweep(List, Scenario, Map)} (fewer
   * past its end), evaluated on the calling thread: a slice of a sweep for a cluster, where each
   * core takes a slice (EMBEDDING.md §11). {@link Sweep#join} puts slices back together into the
   * whole sweep; every point is one deterministic evaluation, so it equals the local sweep. A slice
   * is checked as the whole grid is (its diagnostics are the whole grid's); {@link
   * Sweep#gridSize()} tells how many points there are.
   *
   * @param vary      the swept params and their ranges; the last varies fastest
   * @param scenario  a declared scenario, or {@link Scenario#BASE}
   * @param overrides param name to a Tok expression
   * @param first     the first point's index in the grid (0 or more)
   * @param count     how many points (0 or more)
   * @return the grid's axes and reports with the slice's points, or diagnostics saying why there is no grid
   */
  public Sweep sweep(List<Sweep.Vary> vary, Scenario scenario, Map<String, String> overrides, int first, int count) {
    return ModelRuns.sweepSlice(compiled, limits, vary, scenario, overrides, first, count);
  }

  /**
   * The split of {@link #globalSensitivity} into at most {@code slices} parts for a cluster
   * (EMBEDDING.md §11), checked here as a local run would be before evaluating: a plan with
   * diagnostics says why there is no analysis. Each part ({@link #globalSensitivityPart}) can be
   * made on another machine holding the same model; {@link GlobalSensitivity#merge} joins them
   * into exactly the local result.
   *
   * @param method    {@code sobol} or {@code morris}
   * @param output    a scalar report or value
   * @param samples   Sobol's base samples N, or Morris's trajectories r
   * @param seed      the seed of the sampling
   * @param scenario  a declared scenario, or {@link Scenario#BASE}
   * @param overrides further overrides (param name → Tok expression)
   * @param slices    how many parts at most (a Sobol split has aligned ranges of blocks of rows, so maybe fewer)
   * @return the plan
   * @throws IllegalArgumentException for an unknown method, scenario, a bad override or fewer than 1 slice
   */
  public GlobalSensitivity.Plan globalSensitivityPlan(String method, String output, int samples, long seed,
                                                      Scenario scenario, Map<String, String> overrides, int slices) {
    return GlobalSensitivity.plan(compiled, scenario, overrides, allOverrides(scenario, overrides), method, output,
        samples, seed, slices);
  }

  /**
   * One part of a planned analysis, computed on the calling thread (a cluster runs one part per core).
   *
   * @param plan  a plan made by {@link #globalSensitivityPlan} from a model with the same sources
   * @param slice which part, from 0 to {@code plan.slices() - 1}
   * @return the part, serializable
   * @throws IllegalArgumentException for a plan with diagnostics, of another model, or a slice out of range
   */
  public GlobalSensitivity.Part globalSensitivityPart(GlobalSensitivity.Plan plan, int slice) {
    return GlobalSensitivity.part(compiled, allOverrides(Scenario.named(plan.scenario()), plan.overrides()), plan, slice);
  }

  /**
   * How {@code name} (a report, param, let or {@code inst.attr}) is derived in the given scenario
   * with overrides on top, showing {@code depth} levels of inputs ({@code tok explain}).
   * IllegalArgumentException for an unknown name (with a suggestion), an instance, a negative
   * depth, an override that does not check or an unknown scenario.
   *
   * @param name a report, param, let or {@code inst.attr}
   * @param depth how many levels of inputs to show (0: the value alone)
   * @param scenario a declared scenario, or {@link Scenario#BASE}
   * @param overrides param name ({@code gross_margin}, {@code site.pue}) to a Tok expression ({@code "60 %"})
   * @return the value and the tree of the values it is derived from
   */
  public Explanation explain(String name, int depth, Scenario scenario, Map<String, String> overrides) {
    return ModelRuns.explain(compiled, name, depth, scenario, overrides);
  }

  /** A scenario's overrides, then {@code overrides} on top (checked; IllegalArgumentException when one does not). */
  List<CompiledModel.Override> allOverrides(Scenario scenario, Map<String, String> overrides) {
    return ScenarioOverrides.with(compiled, scenario.name(), overrides);
  }

  /**
   * Searches for inputs under which an assertion fails (EMBEDDING.md §6, {@code tok test}): every
   * param with a domain or a distribution (or those named in the options) is varied; each failure
   * is shrunk toward the defaults. Throws IllegalArgumentException (with the diagnostic's message)
   * when a named param cannot be varied, EvaluationException when the defaults do not evaluate.
   *
   * @param options tries, seed, threads and the params to vary
   * @return the tries spent and a shrunk counterexample per failing assertion
   */
  public TestResult test(TestOptions options) {
    return PropertyTests.test(compiled, options);
  }

  /**
   * The inputs a property-based test varies: every param with a domain or a distribution, or the
   * ones named (EMBEDDING.md §6; the jqwik bridge is built on this).
   *
   * @param names the params to list; none: every param with a domain or a distribution
   * @return each input's range, default and unit
   */
  public List<TestInput> testInputs(String... names) {
    return PropertyTests.inputs(compiled, names);
  }
}

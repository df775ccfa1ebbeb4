package org.tokenomics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tokenomics.api.OverrideParser;
import org.tokenomics.api.Runner;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.check.Type;
import org.tokenomics.diag.Suggest;
import org.tokenomics.eval.Program;
import org.tokenomics.units.DimensionFormat;

/**
 * A compiled, checked model: evaluate it as often as you like, with overrides or scenarios.
 * Immutable and safe to share between threads.
 */
public final class Model {
  static {
    org.tokenomics.api.Internals.register(m -> m.compiled);
  }

  private final CompiledModel compiled;
  private final Limits limits;

  Model(CompiledModel compiled) {
    this(compiled, Limits.DEFAULT);
  }

  Model(CompiledModel compiled, Limits limits) {
    this.compiled = compiled;
    this.limits = limits;
  }

  /** The overridable params, top-level and instance attributes. */
  public List<Param> params() {
    List<Param> out = new ArrayList<>();
    for (CompiledModel.ParamSpec p : compiled.params()) {
      out.add(new Param(p.name(), unitName(p.type()), p.defaultText(), p.dist() != null));
    }
    return out;
  }

  private static String unitName(Type t) {
    return switch (t.tag()) {
      case NUMBER -> DimensionFormat.unitText(t.dim());
      case DATE -> "date";
      case BOOL -> "bool";
      default -> t.shortName();
    };
  }

  /** The declared scenario names, in source order. */
  public List<String> scenarios() {
    return List.copyOf(compiled.scenarios().keySet());
  }

  /** Period labels ({@code 2026}, {@code 2026-Q1}, {@code 2026-01}); one label for a static model. */
  public List<String> periods() {
    return List.of(compiled.program().timeline().labels());
  }

  /** Evaluates with the base inputs. */
  public Evaluation evaluate() {
    return run(compiled.program(), "base");
  }

  /**
   * Evaluates with overrides: param name ({@code gross_margin}, {@code site.pue}) → a Tok
   * expression ({@code "60 %"}). Throws IllegalArgumentException when an override does not check.
   */
  public Evaluation evaluate(Map<String, String> overrides) {
    List<CompiledModel.Override> list = OverrideParser.compile(compiled, overrides);
    return run(Runner.apply(compiled.program(), list), "base");
  }

  /** Evaluates a declared scenario (or {@link Scenario#BASE}). */
  public Evaluation evaluate(Scenario scenario) {
    return run(programFor(scenario.name()), scenario.name());
  }

  /**
   * Evaluates a declared scenario (or {@link Scenario#BASE}) with further overrides on top (the
   * overrides win), as {@link #simulate(Scenario, Map, int, long)} does for a Monte Carlo run.
   */
  public Evaluation evaluate(Scenario scenario, Map<String, String> overrides) {
    List<CompiledModel.Override> all = new ArrayList<>(overridesFor(scenario.name()));
    all.addAll(OverrideParser.compile(compiled, overrides));
    return run(Runner.apply(compiled.program(), all), scenario.name());
  }

  /** The program of a scenario; IllegalArgumentException for an unknown name. */
  Program programFor(String scenario) {
    return Runner.apply(compiled.program(), overridesFor(scenario));
  }

  /** The overrides of a scenario (none for base); IllegalArgumentException for an unknown name. */
  List<CompiledModel.Override> overridesFor(String scenario) {
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

  /**
   * A Monte Carlo run with the base inputs: every distribution param drawn once per sample from
   * {@code seed}. Uses every core; the numbers do not depend on how many. Evaluation errors in
   * some samples are in {@link Simulation#errors()}; a run larger than {@link Limits#maxSampleValues()}
   * throws EvaluationException (TOK600).
   */
  public Simulation simulate(int samples, long seed) {
    return Simulation.run(compiled, limits, List.of(), "base", samples, seed);
  }

  /** A Monte Carlo run of a declared scenario (or {@link Scenario#BASE}). */
  public Simulation simulate(Scenario scenario, int samples, long seed) {
    return Simulation.run(compiled, limits, overridesFor(scenario.name()), scenario.name(), samples, seed);
  }

  /**
   * A Monte Carlo run with overrides (param → Tok expression, which may itself be a distribution:
   * {@code "uniform(40 %, 60 %)"}). A plain value stops a distribution param being drawn.
   */
  public Simulation simulate(Map<String, String> overrides, int samples, long seed) {
    return simulate(Scenario.BASE, overrides, samples, seed);
  }

  /** A Monte Carlo run of a scenario with further overrides on top (the overrides win). */
  public Simulation simulate(Scenario scenario, Map<String, String> overrides, int samples, long seed) {
    List<CompiledModel.Override> all = new ArrayList<>(overridesFor(scenario.name()));
    all.addAll(OverrideParser.compile(compiled, overrides));
    return Simulation.run(compiled, limits, all, scenario.name(), samples, seed);
  }

  /**
   * Searches for inputs under which an assertion fails (EMBEDDING.md §6, {@code tok test}): every
   * param with a domain or a distribution (or those named in the options) is varied; each failure
   * is shrunk toward the defaults. Throws IllegalArgumentException (with the diagnostic's message)
   * when a named param cannot be varied, EvaluationException when the defaults do not evaluate.
   */
  public TestResult test(TestOptions options) {
    org.tokenomics.mc.TestSpace space = space(options.params());
    org.tokenomics.mc.PropertySearch.Result r = org.tokenomics.mc.PropertySearch.run(space, options.tries(),
        options.seed(), options.threads());
    List<TestResult.Counterexample> found = new ArrayList<>();
    for (org.tokenomics.mc.PropertySearch.Found f : r.found()) {
      found.add(new TestResult.Counterexample(f.assertion().line(), f.assertion().message(), f.set()));
    }
    return new TestResult(r.tries(), r.seed(), found, r.errors());
  }

  /**
   * The inputs a property-based test varies: every param with a domain or a distribution, or the
   * ones named (EMBEDDING.md §6; the jqwik bridge is built on this).
   */
  public List<TestInput> testInputs(String... names) {
    List<TestInput> out = new ArrayList<>();
    for (org.tokenomics.mc.TestSpace.Axis a : space(List.of(names)).axes()) {
      double f = a.unit().factor();
      out.add(new TestInput(a.name(), a.unit().name(), a.low() / f, a.high() / f, a.defaultValue() / f,
          a.family() != null, u -> a.at(u) / f, v -> a.literal(v * f, 15)));
    }
    return out;
  }

  private org.tokenomics.mc.TestSpace space(List<String> names) {
    List<Diagnostic> errors = new ArrayList<>();
    org.tokenomics.mc.TestSpace space = org.tokenomics.mc.TestSpace.of(compiled, names, errors);
    if (space == null) {
      Diagnostic d = errors.get(0);
      if (d.code().startsWith("TOK5")) {
        throw new EvaluationException(d);
      }
      throw new IllegalArgumentException(d.message() + (d.help() == null ? "" : "; " + d.help()));
    }
    return space;
  }

  private Evaluation run(Program program, String scenario) {
    Runner.Result r = Runner.run(compiled, program, scenario);
    if (!r.errors().isEmpty()) {
      throw new EvaluationException(r.errors().get(0));
    }
    return new Evaluation(compiled, r);
  }

}

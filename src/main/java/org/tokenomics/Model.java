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
  private final CompiledModel compiled;

  Model(CompiledModel compiled) {
    this.compiled = compiled;
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

  /** The program of a scenario; IllegalArgumentException for an unknown name. */
  Program programFor(String scenario) {
    if (scenario.equals("base")) {
      return compiled.program();
    }
    List<CompiledModel.Override> overrides = compiled.scenarios().get(scenario);
    if (overrides == null) {
      String near = Suggest.closest(scenario, compiled.scenarios().keySet());
      throw new IllegalArgumentException("no scenario named '" + scenario + "'"
          + (near != null ? "; did you mean '" + near + "'?" : "; scenarios: " + compiled.scenarios().keySet()));
    }
    return Runner.apply(compiled.program(), overrides);
  }

  private Evaluation run(Program program, String scenario) {
    Runner.Result r = Runner.run(compiled, program, scenario);
    if (!r.errors().isEmpty()) {
      throw new EvaluationException(r.errors().get(0));
    }
    return new Evaluation(compiled, r);
  }

  /** The engine's form, for the library's own tools (CLI, Monte Carlo). Not part of the API. */
  public CompiledModel internal() {
    return compiled;
  }
}

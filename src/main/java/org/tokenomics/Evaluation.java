package org.tokenomics;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tokenomics.run.Runner;
import org.tokenomics.check.CellSym;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.check.Type;
import org.tokenomics.diag.Suggest;
import org.tokenomics.eval.EvalError;

/**
 * The result of evaluating a model once (base inputs, overrides or a scenario). Reports are
 * computed; other params and lets are computed on first request. Safe to share between threads.
 */
public final class Evaluation {
  private final CompiledModel model;
  private final Runner.Result result;
  private final List<String> periods;

  Evaluation(CompiledModel model, Runner.Result result) {
    this.model = model;
    this.result = result;
    this.periods = model.program().timeline().labelList();
  }

  /**
   * The scenario evaluated ({@code base} without one).
   *
   * @return the scenario evaluated ({@code base} without one)
   */
  public String scenario() {
    return result.scenario();
  }

  /**
   * The evaluation errors met (TOK500–TOK502), one per distinct error; always empty for
   * {@link Model#evaluate()}, which throws at the first. See {@link Model#tryEvaluate}.
   *
   * @return the evaluation errors, one per distinct error
   */
  public List<Diagnostic> errors() {
    return Diagnostic.of(result.errors());
  }

  /**
   * Report names that were computed, in source order.
   *
   * @return report names, in source order
   */
  public List<String> reportNames() {
    return result.reports().stream().map(r -> r.spec().name()).toList();
  }

  /**
   * Every report's value, in source order.
   *
   * @return every report's value, in source order
   */
  public List<Value> reports() {
    List<Value> out = new ArrayList<>();
    for (Runner.ReportValue r : result.reports()) {
      out.add(new Value(r.spec().name(), r.spec().type(), r.unit(), r.values(), r.series(), periodsOf(r.spec()), model.units()));
    }
    return out;
  }

  /**
   * A report, param, let or instance attribute ({@code site.capex}) by name. Throws
   * IllegalArgumentException, with a suggestion, for an unknown name.
   *
   * @param name a report, param, let or instance attribute ({@code site.capex})
   * @return a report, param, let or instance attribute ({@code site.capex}) by name
   */
  public Value value(String name) {
    for (Runner.ReportValue r : result.reports()) {
      if (r.spec().name().equals(name)) {
        return new Value(name, r.spec().type(), r.unit(), r.values(), r.series(), periodsOf(r.spec()), model.units());
      }
    }
    CellSym cell = model.valuesByName().get(name);
    for (CompiledModel.ReportSpec r : model.reports()) {
      if (r.name().equals(name) && !result.errors().isEmpty()) {
        cell = model.cells().get(r.slot()); // a report that failed: reading it again throws its error
      }
    }
    if (cell == null || cell.type().tag() == Type.Tag.INSTANCE) {
      Set<String> names = new LinkedHashSet<>(reportNames());
      names.addAll(model.valuesByName().keySet());
      String near = Suggest.closest(name, names);
      throw new IllegalArgumentException("no report or value named '" + name + "'"
          + (near != null ? "; did you mean '" + near + "'?" : ""));
    }
    double[] values;
    synchronized (result.frame()) {
      try {
        values = result.frame().values(cell.slot());
      } catch (EvalError e) {
        throw new EvaluationException(Diagnostic.of(Runner.diagnostic(model, e)));
      }
    }
    var unit = cell.type().isNumber() ? model.units().fromText(
        org.tokenomics.units.DimensionFormat.unitText(cell.type().dim())) : null;
    boolean series = result.frame().program().cell(cell.slot()).series();
    return new Value(name, cell.type(), unit, values, series, periods, model.units());
  }

  /**
   * The outcome of every {@code assert}, in source order.
   *
   * @return the outcome of every {@code assert}, in source order
   */
  public List<AssertionResult> assertions() {
    return result.asserts().stream()
        .map(a -> new AssertionResult(a.spec().message(), a.spec().line(), a.ok(), a.ok() ? 0 : 1, a.spec().file()))
        .toList();
  }

  /**
   * Period labels of the timeline.
   *
   * @return period labels of the timeline
   */
  public List<String> periods() {
    return periods;
  }

  /** A report's period labels: the timeline's, or a roll-up's years or quarters (LANGUAGE.md §13). */
  private List<String> periodsOf(CompiledModel.ReportSpec spec) {
    return spec.rolledUp() ? spec.periods() : periods;
  }

  /** The compiled model and this run's raw result, for {@link RunReports}. */
  CompiledModel compiled() {
    return model;
  }

  Runner.Result result() {
    return result;
  }
}

package org.tokenomics.mc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tokenomics.diag.Diagnostic;
import org.tokenomics.diag.Severity;
import org.tokenomics.run.Runner;
import org.tokenomics.check.CellSym;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.check.DisplayUnits;
import org.tokenomics.check.Type;
import org.tokenomics.diag.Code;
import org.tokenomics.syntax.Diagnostics;
import org.tokenomics.diag.Suggest;
import org.tokenomics.eval.EvalError;
import org.tokenomics.eval.Frame;
import org.tokenomics.syntax.SourceFile;
import org.tokenomics.syntax.Span;
import org.tokenomics.units.Unit;

/**
 * {@code tok sensitivity}: a tornado. Each uncertain param (a distribution) is set to its 5th and
 * then its 95th percentile while every other one stays at its median; the output's two values and
 * their swing |out(p95) − out(p5)| rank the params, largest swing first.
 */
public final class Tornado {
  private Tornado() {}

  /** The quantiles each param is moved to. */
  public static final double LOW = 0.05;
  public static final double HIGH = 0.95;

  /** The value studied: a report or any named value, with the unit it is shown in. */
  public record Output(String name, int slot, Type type, Unit unit) {}

  /**
   * One param's bar: its input at p5 and p95 (base units, shown in {@code unit}), the output at
   * each, and the evaluation error when one of the two runs failed.
   */
  public record Bar(String param, String distribution, Unit unit, double inLow, double inHigh, double outLow,
                    double outHigh, Diagnostic error) {
    /** |out(p95) − out(p5)|; NaN when a run failed. */
    public double swing() {
      return error != null ? Double.NaN : Math.abs(outHigh - outLow);
    }
  }

  /** The tornado: the output at the medians, and the bars ranked by swing (failed ones last). */
  public record Result(Output output, double base, List<Bar> bars) {}

  /** Runs the tornado; null after adding diagnostics when the output is unusable or the base fails. */
  public static Result run(CompiledModel cm, List<CompiledModel.Override> overrides, String name,
                           List<Diagnostic> errors) {
    Sampler sampler = Sampler.of(cm, overrides);
    Output out = output(cm, sampler, name, errors);
    if (out == null) {
      return null;
    }
    Frame f = sampler.newFrame();
    double base;
    try {
      base = f.values(out.slot())[0];
    } catch (EvalError e) {
      errors.add(Runner.diagnostic(cm, e));
      return null;
    }
    List<Bar> bars = new ArrayList<>();
    for (UncertainParam p : sampler.params()) {
      bars.add(bar(cm, sampler, f, out, p));
    }
    bars.sort(Comparator.comparing((Bar b) -> Double.isNaN(b.swing()))
        .thenComparing(Comparator.comparingDouble((Bar b) -> Double.isNaN(b.swing()) ? 0 : b.swing()).reversed())
        .thenComparing(Bar::param));
    return new Result(out, base, List.copyOf(bars));
  }

  private static Bar bar(CompiledModel cm, Sampler sampler, Frame f, Output out, UncertainParam p) {
    double[] in = new double[2];
    double[] res = new double[2];
    Diagnostic error = null;
    double[] qs = {LOW, HIGH};
    for (int k = 0; k < 2; k++) {
      f.reset();
      f.draws[p.index()] = qs[k];
      try {
        in[k] = f.values(p.slot())[0];
        res[k] = f.values(out.slot())[0];
      } catch (EvalError e) {
        if (error == null) {
          error = Runner.diagnostic(cm, e);
        }
        res[k] = Double.NaN;
      }
    }
    f.draws[p.index()] = 0.5;
    String text = distText(cm, p.dist().span());
    var dim = cm.params().stream().filter(s -> s.slot() == p.slot()).findFirst().orElseThrow().type().dim();
    Unit unit = text == null ? null : cm.units().fromLiteral(DisplayUnits.firstArgument(text), dim);
    if (unit == null) {
      unit = cm.units().forValues(dim, in);
    }
    return new Bar(p.name(), text, unit, in[0], in[1], res[0], res[1], error);
  }

  /** Resolves the output: a report, else a named value; null after adding a diagnostic. */
  static Output output(CompiledModel cm, Sampler sampler, String name, List<Diagnostic> errors) {
    Type type = null;
    int slot = -1;
    Unit unit = null;
    Span where = null;
    for (CompiledModel.ReportSpec r : cm.reports()) {
      if (r.name().equals(name)) {
        type = r.type();
        slot = r.slot();
        unit = r.unit();
        where = r.span();
        break;
      }
    }
    if (type == null) {
      CellSym cell = cm.valuesByName().get(name);
      if (cell == null) {
        Set<String> names = new LinkedHashSet<>();
        cm.reports().forEach(r -> names.add(r.name()));
        names.addAll(cm.valuesByName().keySet());
        String near = Suggest.closest(name, names);
        errors.add(error(cm, Code.TOK200, "no report or value named '" + name + "'",
            near != null ? "did you mean " + near + "?" : null));
        return null;
      }
      type = cell.type();
      slot = cell.slot();
      where = cell.nameSpan();
    }
    if (!type.isNumber()) {
      errors.add(error(cm, Code.TOK302, where, "sensitivity needs a number; " + name + " is " + type.describe(), null));
      return null;
    }
    if (sampler.program().cell(slot).series()) {
      errors.add(error(cm, Code.TOK302, where, "sensitivity needs a single number; " + name + " varies by period",
          "rank a value that sums it up, e.g. report total = sum(x * dt), last(x), x[2030-01] or npv(…)"));
      return null;
    }
    if (unit == null) {
      double[] v = {Double.NaN};
      try {
        v = sampler.newFrame().values(slot);
      } catch (EvalError e) {
        // reported by the caller's base run
      }
      unit = cm.units().forValues(type.dim(), v);
    }
    return new Output(name, slot, type, unit);
  }

  private static String distText(CompiledModel cm, Span span) {
    SourceFile file = span == null ? null : cm.sources().get(span.file());
    return file == null ? null : file.slice(span).replaceAll("\\s+", " ").strip();
  }

  private static Diagnostic error(CompiledModel cm, Code code, String message, String help) {
    return error(cm, code, null, message, help);
  }

  private static Diagnostic error(CompiledModel cm, Code code, Span span, String message, String help) {
    return Diagnostics.make(cm.sources(), Severity.ERROR, code, span, message, help, null);
  }
}

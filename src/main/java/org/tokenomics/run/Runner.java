package org.tokenomics.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tokenomics.diag.Diagnostic;
import org.tokenomics.diag.Severity;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.diag.Code;
import org.tokenomics.syntax.Diagnostics;
import org.tokenomics.eval.Cell;
import org.tokenomics.eval.EvalError;
import org.tokenomics.eval.Frame;
import org.tokenomics.eval.Program;

/**
 * Runs a compiled model once: applies overrides, computes every report and assertion, and
 * collects evaluation errors as diagnostics (one per failing report) instead of stopping at the
 * first.
 */
public final class Runner {
  private Runner() {}

  /** One report's values in base units, and the unit to show them in ({@link ReportUnits}; null for dates and bools). */
  public record ReportValue(CompiledModel.ReportSpec spec, double[] values, boolean series, org.tokenomics.units.Unit unit) {
    /** The display unit's text: the {@code as} unit as written, a readable choice, {@code ""} when dimensionless. */
    public String unitText() {
      return unit == null ? spec.unitText() : unit.name();
    }
  }

  /** One assertion's outcome. */
  public record AssertValue(CompiledModel.AssertSpec spec, boolean ok) {}

  /** Everything one run produced. */
  public record Result(String scenario, List<ReportValue> reports, List<AssertValue> asserts, List<Diagnostic> errors,
                       Frame frame) {
    public boolean ok() {
      return errors.isEmpty() && asserts.stream().allMatch(AssertValue::ok);
    }
  }

  /** The program with overrides applied (later overrides win). */
  public static Program apply(Program base, List<CompiledModel.Override> overrides) {
    if (overrides.isEmpty()) {
      return base;
    }
    Map<Integer, Cell> replaced = new HashMap<>();
    for (CompiledModel.Override o : overrides) {
      replaced.put(o.slot(), o.cell());
      for (Cell h : o.hidden()) {
        replaced.put(h.slot(), h);
      }
    }
    return base.with(replaced);
  }

  public static Result run(CompiledModel model, Program program, String scenario) {
    Frame frame = program.newFrame();
    frame.run(program.plan(roots(model)));
    List<ReportValue> reports = new ArrayList<>(model.reports().size());
    List<AssertValue> asserts = model.asserts().isEmpty() ? List.of() : new ArrayList<>(model.asserts().size());
    List<Diagnostic> errors = null; // no list until the first error
    // an error met only under a scenario's overrides says which scenario (the source line alone
    // points at the base model, which may evaluate fine)
    String where = !model.scenarios().isEmpty() && model.scenarios().containsKey(scenario) ? scenario : null;
    List<CompiledModel.ReportSpec> specs = model.reports();
    for (int i = 0, n = specs.size(); i < n; i++) { // by index: no iterator allocated on every evaluation's path
      CompiledModel.ReportSpec r = specs.get(i);
      try {
        double[] v = frame.values(r.slot());
        if (r.rolledUp()) { // one value per year or quarter: the cell's first values (RollUp)
          v = java.util.Arrays.copyOf(v, r.periods().size());
        }
        Diagnostic overflow = Display.overflow(model, r, v, program.cell(r.slot()).checkFinite(), frame.bound(r.slot()));
        if (overflow != null) {
          errors = addOnce(errors, overflow);
          continue;
        }
        reports.add(new ReportValue(r, v, program.cell(r.slot()).series(), ReportUnits.of(model, r, v)));
      } catch (EvalError e) {
        errors = addOnce(errors, inScenario(diagnostic(model, e), where));
      }
    }
    for (CompiledModel.AssertSpec a : model.asserts()) {
      try {
        double[] v = frame.values(a.slot());
        boolean ok = true;
        for (double x : v) {
          ok &= x != 0;
        }
        asserts.add(new AssertValue(a, ok));
      } catch (EvalError e) {
        errors = addOnce(errors, inScenario(diagnostic(model, e), where));
      }
    }
    return new Result(scenario, Collections.unmodifiableList(reports),
        asserts.isEmpty() ? List.of() : Collections.unmodifiableList(asserts),
        errors == null ? List.of() : Collections.unmodifiableList(errors), frame);
  }

  /** The slots a run reads, in order: every report, then every assertion. */
  public static int[] roots(CompiledModel model) {
    List<CompiledModel.ReportSpec> reports = model.reports();
    List<CompiledModel.AssertSpec> asserts = model.asserts();
    int[] roots = new int[reports.size() + asserts.size()];
    for (int i = 0; i < reports.size(); i++) { // by index: no iterator on every evaluation's path
      roots[i] = reports.get(i).slot();
    }
    for (int i = 0; i < asserts.size(); i++) {
      roots[reports.size() + i] = asserts.get(i).slot();
    }
    return roots;
  }

  /** {@code errors} (made when null) with {@code d} added unless it is there already. */
  private static List<Diagnostic> addOnce(List<Diagnostic> errors, Diagnostic d) {
    List<Diagnostic> out = errors == null ? new ArrayList<>(1) : errors;
    if (!out.contains(d)) {
      out.add(d);
    }
    return out;
  }

  /** The diagnostic with {@code (in scenario NAME)} after its message; unchanged for null. */
  static Diagnostic inScenario(Diagnostic d, String scenario) {
    if (scenario == null) {
      return d;
    }
    return new Diagnostic(d.severity(), d.code(), d.message() + " (in scenario " + scenario + ")", d.file(), d.line(),
        d.column(), d.endLine(), d.endColumn(), d.help(), d.sourceLine(), d.label());
  }

  /** An evaluation error as a diagnostic with its source line. */
  public static Diagnostic diagnostic(CompiledModel model, EvalError e) {
    Code code = e.code();
    return Diagnostics.make(model.sources(), Severity.ERROR, code, e.span(), e.getMessage(), e.help(), null);
  }
}

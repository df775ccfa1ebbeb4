package org.tokenomics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.check.Type;
import org.tokenomics.diag.Code;
import org.tokenomics.syntax.Diagnostics;
import org.tokenomics.mc.McDiagnostics;
import org.tokenomics.mc.McResult;
import org.tokenomics.run.Runner;
import org.tokenomics.spi.RunReport;
import org.tokenomics.time.Dates;

/**
 * Builds the {@link RunReport} that reporters render ({@code tok run --format …}) from evaluations
 * and simulations, the way {@code tok run} does: one run per evaluation, values in each report's
 * display unit, a failed assertion as a TOK501 diagnostic, and under Monte Carlo the statistics
 * beside the deterministic values.
 *
 * <pre>{@code
 * RunReport r = RunReports.builder("model.tok", model.periods())
 *     .add(model.tryEvaluate(Scenario.BASE, Map.of()))
 *     .build();
 * String page = reporter.render(r);
 * }</pre>
 *
 * Not thread-safe; the report it builds is immutable.
 */
public final class RunReports {
  private RunReports() {}

  /**
   * A builder for the runs of the model in {@code file} over {@code periods} ({@link Model#periods()}).
   *
   * @param file    the model's file as named on the command line
   * @param periods the model's period labels ({@link Model#periods()})
   * @return a builder with no runs and no diagnostics yet
   */
  public static Builder builder(String file, List<String> periods) {
    return new Builder(file, periods);
  }

  /**
   * A diagnostic as reporters see it.
   *
   * @param d a diagnostic of the API
   * @return the same diagnostic as a plain {@link RunReport.Message}, rendered text included
   */
  public static RunReport.Message message(Diagnostic d) {
    return new RunReport.Message(d.severity().word(), d.code(), d.message(), d.file(), d.line(), d.column(), d.endLine(),
        d.endColumn(), d.help(), d.render());
  }

  /** Collects runs and diagnostics. */
  public static final class Builder {
    private final String file;
    private final List<String> periods;
    private final List<RunReport.Run> runs = new ArrayList<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    /** The unit each report of the last deterministic run is shown in; its statistics use the same. */
    private final Map<String, org.tokenomics.units.Unit> units = new java.util.HashMap<>();

    private Builder(String file, List<String> periods) {
      this.file = Objects.requireNonNull(file, "file");
      this.periods = List.copyOf(periods);
    }

    /**
     * Adds diagnostics (compile warnings, override errors …), each once.
     *
     * @param more diagnostics to add; those already added are skipped
     * @return this builder
     */
    public Builder diagnostics(List<Diagnostic> more) {
      more.forEach(this::diagnostic);
      return this;
    }

    private void diagnostic(Diagnostic d) {
      if (!diagnostics.contains(d)) {
        diagnostics.add(d);
      }
    }

    /**
     * Adds a deterministic run: its reports, its assertions, its errors and its failed assertions.
     *
     * @param e an evaluation, e.g. from {@link Model#tryEvaluate}
     * @return this builder
     */
    public Builder add(Evaluation e) {
      runs.add(deterministic(e));
      return this;
    }

    /**
     * Adds a run with Monte Carlo statistics: the deterministic values of {@code e} with, per
     * report, the mean and the {@code quantiles} (shares: 0.05 is p5) of {@code s}, and each
     * assertion's failed share. Evaluation errors met in some samples and assertions that failed in
     * some become diagnostics.
     *
     * @param e         the deterministic evaluation of the scenario simulated
     * @param s         the Monte Carlo run of that scenario
     * @param quantiles the quantiles to report, as shares between 0 and 1 (0.05 for p5)
     * @return this builder
     * @throws IllegalArgumentException when a quantile is outside 0 to 1
     */
    public Builder add(Evaluation e, Simulation s, List<Double> quantiles) {
      for (double q : quantiles) {
        if (!(q >= 0 && q <= 1)) {
          throw new IllegalArgumentException("a quantile is a share between 0 and 1 (0.05 for p5), got " + q);
        }
      }
      RunReport.Run det = deterministic(e);
      McResult mc = s.result();
      CompiledModel cm = s.compiled();
      List<Diagnostic> errors = s.errors();
      for (int i = 0; i < errors.size(); i++) {
        Diagnostic d = errors.get(i);
        boolean known = diagnostics.stream().anyMatch(o -> o.code().equals(d.code()) && o.line() == d.line()
            && o.column() == d.column() && Objects.equals(o.file(), d.file()));
        if (!(known && mc.errors().get(i).samples() == mc.samples())) { // the deterministic run already said it
          diagnostic(d);
        }
      }
      List<RunReport.Report> reports = new ArrayList<>();
      for (RunReport.Report rep : det.reports()) {
        McResult.ReportStats st = mc.reports().stream().filter(x -> x.spec().name().equals(rep.name())).findFirst()
            .orElse(null);
        reports.add(st == null || !st.numeric() || st.failed() == mc.samples() ? rep
            : new RunReport.Report(rep.name(), rep.unit(), rep.series(), rep.values(), rep.text(),
                stats(st, units.get(rep.name()), quantiles), rep.periods()));
      }
      List<RunReport.Assertion> checks = new ArrayList<>();
      for (int i = 0; i < det.assertions().size(); i++) {
        RunReport.Assertion c = det.assertions().get(i);
        McResult.AssertStats a = i < mc.asserts().size() ? mc.asserts().get(i) : null;
        if (a == null) {
          checks.add(c);
          continue;
        }
        checks.add(new RunReport.Assertion(c.message(), c.line(), c.ok() && a.failed() == 0, a.failedShare(), c.file()));
        if (c.ok()) {
          org.tokenomics.diag.Diagnostic d = McDiagnostics.assertion(cm, a, mc.samples(), det.scenario());
          if (d != null) {
            diagnostic(Diagnostic.of(d));
          }
        }
      }
      runs.add(new RunReport.Run(det.scenario(), mc.samples(), reports, checks));
      return this;
    }

    /**
     * Every diagnostic so far, in the order added.
     *
     * @return a copy of the diagnostics added so far, in the order added
     */
    public List<Diagnostic> diagnostics() {
      return List.copyOf(diagnostics);
    }

    /**
     * The report.
     *
     * @return the runs added so far and every diagnostic, as reporters see them
     */
    public RunReport build() {
      return new RunReport(file, periods, runs, diagnostics.stream().map(RunReports::message).toList());
    }

    private RunReport.Run deterministic(Evaluation e) {
      CompiledModel cm = e.compiled();
      Runner.Result r = e.result();
      diagnostics(e.errors());
      List<RunReport.Report> reports = new ArrayList<>();
      for (Runner.ReportValue v : r.reports()) {
        CompiledModel.ReportSpec spec = v.spec();
        double[] shown = v.values().clone();
        String[] text = null;
        Type.Tag tag = spec.type().tag();
        if (tag == Type.Tag.DATE || tag == Type.Tag.BOOL) {
          text = new String[shown.length];
          for (int i = 0; i < shown.length; i++) {
            text[i] = tag == Type.Tag.DATE ? Dates.format(shown[i]) : String.valueOf(shown[i] != 0);
          }
        } else if (v.unit() != null) {
          for (int i = 0; i < shown.length; i++) {
            shown[i] = v.unit().fromBase(shown[i]);
          }
          units.put(spec.name(), v.unit());
        }
        String unit = tag == Type.Tag.DATE ? "date" : tag == Type.Tag.BOOL ? "bool" : v.unitText();
        reports.add(new RunReport.Report(spec.name(), unit, v.series(), shown, text, null, spec.periods()));
      }
      List<RunReport.Assertion> checks = new ArrayList<>();
      for (Runner.AssertValue a : r.asserts()) {
        checks.add(new RunReport.Assertion(a.spec().message(), a.spec().line(), a.ok(), a.ok() ? 0 : 1, a.spec().file()));
        if (!a.ok()) {
          diagnostic(Diagnostic.of(Diagnostics.make(cm.sources(), org.tokenomics.diag.Severity.ERROR, Code.TOK501,
              a.spec().span(), "assertion failed" + (r.scenario().equals("base") ? "" : " in scenario " + r.scenario())
                  + ": " + a.spec().message(), null, null)));
        }
      }
      return new RunReport.Run(r.scenario(), 0, reports, checks);
    }
  }

  /**
   * mean, then each quantile asked for, then {@code se} (the standard error of the mean), all in
   * the report's display unit, and for money {@code below_zero} (a share of the samples). No
   * {@code se} with fewer than two samples (it has no value then, and no NaN is ever shown).
   */
  private static Map<String, double[]> stats(McResult.ReportStats s, org.tokenomics.units.Unit unit, List<Double> quantiles) {
    Map<String, double[]> out = new LinkedHashMap<>();
    out.put("mean", display(unit, s.mean()));
    for (double q : quantiles) {
      double percent = Math.round(q * 100 * 1e9) / 1e9; // 0.05 → 5, not 5.000000000000001
      out.putIfAbsent(McDiagnostics.statName(percent), display(unit, s.quantile(q)));
    }
    double[] se = display(unit, s.se());
    if (java.util.Arrays.stream(se).allMatch(Double::isFinite)) {
      out.put(McDiagnostics.STANDARD_ERROR, se);
    }
    if (s.money()) {
      out.put(McDiagnostics.BELOW_ZERO, s.belowZero());
    }
    return out;
  }

  private static double[] display(org.tokenomics.units.Unit unit, double[] base) {
    double[] out = base.clone();
    if (unit != null) {
      for (int i = 0; i < out.length; i++) {
        out[i] = unit.fromBase(out[i]);
      }
    }
    return out;
  }
}

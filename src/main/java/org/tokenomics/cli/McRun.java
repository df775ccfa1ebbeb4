package org.tokenomics.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tokenomics.Diagnostic;
import org.tokenomics.Limits;
import org.tokenomics.Severity;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.diag.Code;
import org.tokenomics.diag.Diagnostics;
import org.tokenomics.mc.McDiagnostics;
import org.tokenomics.mc.McResult;
import org.tokenomics.mc.MonteCarlo;

/** {@code tok run --samples N}: the Monte Carlo statistics added to a deterministic run's output. */
final class McRun {
  private McRun() {}

  /** Why a {@code --quantiles} list is unusable, or null. */
  static String checkQuantiles(List<Double> quantiles) {
    if (quantiles.isEmpty()) {
      return "--quantiles needs at least one percentile, e.g. 5,50,95";
    }
    for (double q : quantiles) {
      if (!(q >= 0 && q <= 100)) {
        return "--quantiles takes percentiles from 0 to 100 (e.g. 5,50,95), got " + q;
      }
    }
    return null;
  }

  /**
   * Simulates one scenario and returns {@code det} with statistics and assertion shares added;
   * evaluation errors in some samples, assertions failing in some and a run over the limits become
   * diagnostics.
   */
  static RunOutput.Run simulate(CompiledModel cm, List<CompiledModel.Override> overrides, RunOutput.Run det,
                                String scenario, int samples, long seed, List<Double> quantiles,
                                List<Diagnostic> diagnostics, PrintWriter err) {
    String problem = MonteCarlo.limitProblem(cm, samples, Limits.DEFAULT.maxSampleValues());
    if (problem != null) {
      diagnostics.add(Diagnostics.make(cm.sources(), Severity.ERROR, Code.TOK600, null,
          problem, "use fewer --samples", null));
      return det;
    }
    McResult mc;
    try (ProgressBar bar = ProgressBar.onStderr(err, scenario.equals("base") ? "sampling" : "sampling " + scenario)) {
      mc = MonteCarlo.run(cm, overrides, samples, seed, MonteCarlo.Options.defaults().withProgress(bar));
    }
    List<Diagnostic> errors = McDiagnostics.errors(cm, mc);
    for (int i = 0; i < errors.size(); i++) {
      Diagnostic d = errors.get(i);
      boolean known = diagnostics.stream().anyMatch(o -> o.code().equals(d.code()) && o.line() == d.line()
          && o.column() == d.column() && java.util.Objects.equals(o.file(), d.file()));
      boolean everySample = mc.errors().get(i).samples() == samples;
      if (!(known && everySample)) { // the deterministic run already said it
        diagnostics.add(d);
      }
    }
    List<RunOutput.Report> reports = new ArrayList<>();
    for (RunOutput.Report rep : det.reports()) {
      McResult.ReportStats s = mc.reports().stream().filter(x -> x.spec().name().equals(rep.name())).findFirst().orElse(null);
      if (s == null || !s.numeric() || s.failed() == samples) {
        reports.add(rep);
        continue;
      }
      Diagnostic overflow = overflow(cm, s, quantiles);
      if (overflow != null) { // a sampled value too large for the display unit: TOK500, not Infinity
        diagnostics.add(overflow);
        continue;
      }
      reports.add(new RunOutput.Report(rep.name(), rep.unit(), rep.series(), rep.values(), rep.text(), stats(s, quantiles)));
    }
    List<RunOutput.Check> checks = new ArrayList<>();
    for (int i = 0; i < det.assertions().size(); i++) {
      RunOutput.Check c = det.assertions().get(i);
      McResult.AssertStats a = i < mc.asserts().size() ? mc.asserts().get(i) : null;
      if (a == null) {
        checks.add(c);
        continue;
      }
      checks.add(new RunOutput.Check(c.message(), c.line(), c.ok() && a.failed() == 0, a.failedShare()));
      if (c.ok()) {
        Diagnostic d = McDiagnostics.assertion(cm, a, samples, scenario);
        if (d != null) {
          diagnostics.add(d);
        }
      }
    }
    return new RunOutput.Run(det.scenario(), samples, reports, checks);
  }

  private static Diagnostic overflow(CompiledModel cm, McResult.ReportStats s, List<Double> quantiles) {
    Diagnostic d = org.tokenomics.api.Display.overflow(cm, s.spec(), s.mean());
    for (int i = 0; d == null && i < quantiles.size(); i++) {
      d = org.tokenomics.api.Display.overflow(cm, s.spec(), s.quantile(quantiles.get(i) / 100));
    }
    return d;
  }

  /** mean, then the quantiles asked for, in the report's display unit. */
  static Map<String, double[]> stats(McResult.ReportStats s, List<Double> quantiles) {
    Map<String, double[]> out = new LinkedHashMap<>();
    out.put("mean", display(s, s.mean()));
    for (double q : quantiles) {
      out.putIfAbsent(McDiagnostics.statName(q), display(s, s.quantile(q / 100)));
    }
    return out;
  }

  private static double[] display(McResult.ReportStats s, double[] base) {
    double[] out = base.clone();
    if (s.spec().unit() != null) {
      for (int i = 0; i < out.length; i++) {
        out[i] = s.spec().unit().fromBase(out[i]);
      }
    }
    return out;
  }
}

package org.tokenomics.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.tokenomics.AssertionResult;
import org.tokenomics.Tokenomics;
import org.tokenomics.api.Plugins;
import org.tokenomics.spi.RunReport;
import org.tokenomics.spi.TokReporter;

/** {@code tok run --format NAME} for formats that plugins provide ({@link TokReporter}). */
final class PluginFormats {
  private PluginFormats() {}

  /** The plugin reporter for {@code format}; null for a built-in format or an unknown one. */
  static TokReporter find(String format, PrintWriter err) {
    if (Plugins.BUILT_IN_FORMATS.contains(format)) {
      return null;
    }
    try {
      return Tokenomics.standard().reporter(format).orElse(null);
    } catch (IllegalArgumentException e) {
      err.println("tok: " + e.getMessage());
      return null;
    }
  }

  /** The formats available, for the usage message: {@code table, json, csv, html}. */
  static String names() {
    List<String> all = new ArrayList<>(Plugins.BUILT_IN_FORMATS);
    try {
      all.addAll(Tokenomics.standard().reporterFormats());
    } catch (IllegalArgumentException e) {
      // reported by find
    }
    return String.join(", ", all);
  }

  /** Renders with a plugin reporter; a reporter that fails is one line on stderr, never a stack trace. */
  static String render(TokReporter reporter, RunOutput out, PrintWriter err) {
    String text;
    try {
      text = reporter.render(view(out));
    } catch (RuntimeException e) {
      err.println("tok: the " + reporter.format() + " reporter (" + reporter.getClass().getName() + ") failed: "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      return "";
    }
    if (!reporter.rendersDiagnostics()) {
      out.diagnostics().forEach(d -> err.println(d.render()));
    }
    return text == null ? "" : text;
  }

  /** The public, stable view of a run for reporters. */
  static RunReport view(RunOutput out) {
    List<RunReport.Run> runs = new ArrayList<>();
    for (RunOutput.Run r : out.runs()) {
      List<RunReport.Report> reports = new ArrayList<>();
      for (RunOutput.Report rep : r.reports()) {
        reports.add(new RunReport.Report(rep.name(), rep.unit(), rep.series(), rep.values(), rep.text(), rep.stats()));
      }
      List<AssertionResult> checks = r.assertions().stream()
          .map(c -> new AssertionResult(c.message(), c.line(), c.ok(), c.failedShare())).toList();
      runs.add(new RunReport.Run(r.scenario(), r.samples(), reports, checks));
    }
    return new RunReport(out.file(), out.periods(), runs, out.diagnostics());
  }
}

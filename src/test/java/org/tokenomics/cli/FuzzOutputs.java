package org.tokenomics.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tokenomics.Compilation;
import org.tokenomics.Diagnostic;
import org.tokenomics.Evaluation;
import org.tokenomics.Explanation;
import org.tokenomics.Model;
import org.tokenomics.RunReports;
import org.tokenomics.Scenario;
import org.tokenomics.report.CsvReporter;
import org.tokenomics.report.HtmlReporter;
import org.tokenomics.report.JsonReporter;
import org.tokenomics.report.TableReporter;
import org.tokenomics.spi.RunReport;

/**
 * For the fuzzer: what {@code tok run} prints in every format (table, json, csv, html; with a
 * short Monte Carlo when {@code samples > 0}) and what {@code tok explain} prints for every
 * report, built through the public API as {@code RunCommand} and {@code ExplainCommand} do,
 * without a file or a JVM per input.
 */
public final class FuzzOutputs {
  private FuzzOutputs() {}

  /** Output name → text; the HTML page only when {@code html}. */
  public static Map<String, String> render(Compilation c, int samples, long seed, boolean html) {
    Model m = c.model();
    RunReports.Builder b = RunReports.builder("fuzz.tok", m.periods()).diagnostics(c.diagnostics());
    Evaluation e = m.tryEvaluate(Scenario.BASE, Map.of());
    if (samples > 0) {
      b.add(e, m.simulate(Scenario.BASE, Map.of(), samples, seed), List.of(0.05, 0.5, 0.95));
    } else {
      b.add(e);
    }
    RunReport out = b.build();
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("table", TableReporter.render(out));
    texts.put("json", JsonReporter.render(out));
    texts.put("csv", CsvReporter.render(out));
    if (html) { // charts make it the slowest format by far
      texts.put("html", HtmlReporter.render(out));
    }
    StringBuilder diags = new StringBuilder();
    List<Diagnostic> all = new ArrayList<>(b.diagnostics());
    all.forEach(d -> diags.append(d.render()).append('\n'));
    texts.put("diagnostics", diags.toString());
    for (String name : m.reportNames()) {
      try {
        Explanation tree = m.explain(name, 6, Scenario.BASE, Map.of());
        texts.put("explain " + name, ExplainText.render(tree, m.periods()));
        texts.put("explain json " + name, ExplainText.json("fuzz.tok", tree, m.periods()));
      } catch (IllegalArgumentException | org.tokenomics.EvaluationException ex) {
        texts.put("explain " + name, ex.getMessage());
      }
    }
    return texts;
  }
}

package org.tokenomics.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tokenomics.Compilation;
import org.tokenomics.Diagnostic;
import org.tokenomics.api.Internals;
import org.tokenomics.api.Runner;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.explain.ExplainNode;
import org.tokenomics.explain.Explainer;

/**
 * For the fuzzer: what {@code tok run} prints in every format (table, json, csv, html; with a
 * short Monte Carlo when {@code samples > 0}) and what {@code tok explain} prints for every
 * report, as {@code RunCommand} and {@code ExplainCommand} build them, without a file or a JVM
 * per input.
 */
public final class FuzzOutputs {
  private FuzzOutputs() {}

  /** Output name → text; the HTML page only when {@code html}. */
  public static Map<String, String> render(Compilation c, int samples, long seed, boolean html) {
    CompiledModel cm = Internals.compiled(c.model());
    List<Diagnostic> diagnostics = new ArrayList<>(c.diagnostics());
    Runner.Result r = Runner.run(cm, cm.program(), "base");
    diagnostics.addAll(r.errors());
    RunOutput.Run run = RunCommand.toOutput(r);
    if (samples > 0) {
      run = McRun.simulate(cm, List.of(), run, "base", samples, seed, List.of(5.0, 50.0, 95.0), diagnostics,
          new PrintWriter(Writer.nullWriter()));
    }
    RunOutput out = new RunOutput("fuzz.tok", List.of(run), diagnostics, c.model().periods());
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("table", TableReporter.render(out));
    texts.put("json", JsonReporter.render(out));
    texts.put("csv", CsvReporter.render(out));
    if (html) { // charts make it the slowest format by far
      texts.put("html", HtmlReporter.render(out));
    }
    StringBuilder diags = new StringBuilder();
    diagnostics.forEach(d -> diags.append(d.render()).append('\n'));
    texts.put("diagnostics", diags.toString());
    List<String> periods = List.of(cm.program().timeline().labels());
    for (CompiledModel.ReportSpec spec : cm.reports()) {
      List<Diagnostic> errors = new ArrayList<>();
      ExplainNode tree = Explainer.explain(cm, List.of(), spec.name(), 6, errors);
      if (tree != null) {
        texts.put("explain " + spec.name(), ExplainText.render(tree, periods));
        texts.put("explain json " + spec.name(), ExplainText.json("fuzz.tok", tree, periods));
      }
    }
    return texts;
  }
}

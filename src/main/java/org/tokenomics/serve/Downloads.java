package org.tokenomics.serve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tokenomics.AssertionResult;
import org.tokenomics.Diagnostic;
import org.tokenomics.Evaluation;
import org.tokenomics.EvaluationException;
import org.tokenomics.Model;
import org.tokenomics.Scenario;
import org.tokenomics.Simulation;
import org.tokenomics.Value;
import org.tokenomics.cli.CsvReporter;
import org.tokenomics.cli.HtmlReporter;
import org.tokenomics.cli.JsonReporter;
import org.tokenomics.cli.RunOutput;
import org.tokenomics.time.Dates;

/**
 * The page's downloads: what {@code tok run --scenario all [--samples N]} would print for the
 * model as the page shows it (the sliders' overrides applied), rendered by the command line's
 * own JSON, CSV and HTML reporters so that the files are the same formats.
 */
final class Downloads {
  /** A download: its file name, media type and body. */
  record File(String name, String contentType, String body) {}

  private Downloads() {}

  static File render(Models.Entry e, Map<String, String> overrides, String format, int samples, long seed) {
    String base = e.file().replaceAll(".*/", "").replaceAll("\\.tok$", "");
    RunOutput out = output(e, overrides, samples, seed);
    return switch (format) {
      case "json" -> new File(base + ".json", "application/json", JsonReporter.render(out) + "\n");
      case "csv" -> new File(base + ".csv", "text/csv", CsvReporter.render(out));
      case "html" -> new File(base + ".html", "text/html", HtmlReporter.render(out));
      default -> throw new Refused(400, Messages.unknownFormat(format));
    };
  }

  static RunOutput output(Models.Entry e, Map<String, String> overrides, int samples, long seed) {
    Model model = e.model();
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<RunOutput.Run> runs = new ArrayList<>();
    List<String> names = new ArrayList<>(List.of("base"));
    names.addAll(model.scenarios());
    for (String name : names) {
      Scenario scenario = Scenario.named(name);
      try {
        Evaluation ev = model.evaluate(scenario, overrides);
        Simulation sim = samples > 0 ? model.simulate(scenario, overrides, samples, seed) : null;
        if (sim != null) {
          sim.errors().stream().filter(d -> !diagnostics.contains(d)).forEach(diagnostics::add);
        }
        runs.add(run(ev, sim));
      } catch (EvaluationException ex) {
        diagnostics.add(ex.diagnostic());
      } catch (IllegalArgumentException ex) {
        throw new Refused(400, ex.getMessage());
      }
    }
    return new RunOutput(e.file(), runs, diagnostics, model.periods());
  }

  private static RunOutput.Run run(Evaluation ev, Simulation sim) {
    List<RunOutput.Report> reports = new ArrayList<>();
    for (Value v : ev.reports()) {
      double[] values = v.values();
      String[] text = null;
      if (v.unit().equals("date") || v.unit().equals("bool")) {
        text = new String[values.length];
        for (int i = 0; i < values.length; i++) {
          text[i] = v.unit().equals("date") ? Dates.format(values[i]) : String.valueOf(values[i] != 0);
        }
      }
      reports.add(new RunOutput.Report(v.name(), v.unit(), v.isSeries(), values, text,
          text == null && sim != null ? stats(sim, v.name()) : null));
    }
    List<RunOutput.Check> checks = new ArrayList<>();
    List<AssertionResult> mc = sim == null ? List.of() : sim.assertions();
    List<AssertionResult> det = ev.assertions();
    for (int i = 0; i < det.size(); i++) {
      AssertionResult a = det.get(i);
      AssertionResult m = i < mc.size() ? mc.get(i) : null;
      checks.add(m == null ? new RunOutput.Check(a.message(), a.line(), a.ok(), a.ok() ? 0 : 1)
          : new RunOutput.Check(a.message(), a.line(), a.ok() && m.ok(), m.failedShare()));
    }
    return new RunOutput.Run(ev.scenario(), sim == null ? 0 : sim.samples(), reports, checks);
  }

  /** mean, p5, p50, p95 in the report's display unit; null when the report failed in every sample. */
  private static Map<String, double[]> stats(Simulation sim, String name) {
    try {
      Map<String, double[]> out = new LinkedHashMap<>();
      out.put("mean", sim.mean(name).values());
      for (double q : Playground.FAN) {
        out.put("p" + Math.round(q * 100), sim.quantile(name, q).values());
      }
      return out;
    } catch (IllegalArgumentException | EvaluationException ex) {
      return null;
    }
  }
}

package org.tokenomics.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tokenomics.Evaluation;
import org.tokenomics.EvaluationException;
import org.tokenomics.Model;
import org.tokenomics.Scenario;
import org.tokenomics.RunReports;
import org.tokenomics.report.CsvReporter;
import org.tokenomics.report.HtmlReporter;
import org.tokenomics.report.JsonReporter;
import org.tokenomics.spi.RunReport;

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
    RunReport out = output(e, overrides, samples, seed);
    return switch (format) {
      case "json" -> new File(base + ".json", "application/json", JsonReporter.render(out) + "\n");
      case "csv" -> new File(base + ".csv", "text/csv", CsvReporter.render(out));
      case "html" -> new File(base + ".html", "text/html", HtmlReporter.render(out));
      default -> throw new Refused(400, Messages.unknownFormat(format));
    };
  }

  /** Every scenario's run under the overrides (with statistics under {@code samples}), as {@code tok run} reports it. */
  static RunReport output(Models.Entry e, Map<String, String> overrides, int samples, long seed) {
    Model model = e.model();
    RunReports.Builder out = RunReports.builder(e.file(), model.periods());
    List<String> names = new ArrayList<>(List.of("base"));
    names.addAll(model.scenarios());
    for (String name : names) {
      Scenario scenario = Scenario.named(name);
      try {
        Evaluation ev = model.tryEvaluate(scenario, overrides);
        if (samples > 0) {
          out.add(ev, model.simulate(scenario, overrides, samples, seed), QUANTILES);
        } else {
          out.add(ev);
        }
      } catch (EvaluationException ex) {
        out.diagnostics(List.of(ex.diagnostic()));
      } catch (IllegalArgumentException ex) {
        throw new Refused(400, ex.getMessage());
      }
    }
    return out.build();
  }

  /** The statistics a download carries: the playground's fan (p5, p50, p95). */
  private static final List<Double> QUANTILES = List.of(0.05, 0.5, 0.95);
}

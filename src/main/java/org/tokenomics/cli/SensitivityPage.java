package org.tokenomics.cli;

import java.util.Locale;
import org.tokenomics.GlobalSensitivity;
import org.tokenomics.Sensitivity;
import org.tokenomics.chart.ChartFiles;
import org.tokenomics.report.HtmlReporter;
import org.tokenomics.text.Fmt;

/**
 * {@code tok sensitivity --format html}: one self-contained page (inline CSS and SVG, as the run
 * report's) with the tornado and, for {@code --method sobol}, the Sobol bar chart beside it and
 * both tables; for {@code --method morris}, the Morris plot (μ* against σ) and the elementary effects.
 */
final class SensitivityPage {
  private SensitivityPage() {}

  private static final String SIDE_BY_SIDE = ".pair{display:flex;flex-wrap:wrap;gap:1rem}.pair figure{flex:1 1 460px;margin:0}\n";

  /**
   * The page.
   *
   * @param file    the model's file as given
   * @param tornado the one-at-a-time tornado
   * @param global  the Sobol or Morris result, or null for the tornado alone
   */
  static String render(String file, Sensitivity tornado, GlobalSensitivity global) {
    StringBuilder b = new StringBuilder(32_768);
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
        .append(esc(file)).append(" — sensitivity of ").append(esc(tornado.output())).append("</title>\n<style>\n")
        .append(HtmlReporter.style()).append(SIDE_BY_SIDE).append("</style>\n</head>\n<body>\n<h1>")
        .append(esc(file)).append("</h1>\n<p class=\"meta\">sensitivity of ").append(esc(tornado.output()))
        .append(tornado.unit().isEmpty() ? "" : " (" + esc(tornado.unit()) + ")").append(": ")
        .append(esc(Fmt.quantity(tornado.base(), tornado.unit()))).append(" with every uncertain param at its median</p>\n");
    int params = tornado.bars().size();
    if (params == 0) {
      return b.append("<p>No param is a distribution: nothing to rank.</p>\n</body>\n</html>\n").toString();
    }
    b.append("<div class=\"pair\">\n<figure>\n")
        .append(ChartFiles.svg(SensitivityCharts.tornado(tornado), 560, SensitivityCharts.height(params)))
        .append("\n</figure>\n");
    if (global != null) {
      b.append("<figure>\n").append(ChartFiles.svg(SensitivityCharts.global(global), 560, SensitivityCharts.height(params)))
          .append("\n</figure>\n");
    }
    b.append("</div>\n<h2>Tornado</h2>\n<p class=\"meta\">each param at its p5 and its p95, the others at their median;"
        + " largest swing first</p>\n<table>\n<tr><th>param</th><th>p5</th><th>p95</th><th>at p5</th><th>at p95</th>"
        + "<th>swing</th></tr>\n");
    for (Sensitivity.Bar bar : tornado.bars()) {
      b.append("<tr><td>").append(esc(bar.param())).append("</td><td>").append(esc(Fmt.quantity(bar.low(), bar.unit())))
          .append("</td><td>").append(esc(Fmt.quantity(bar.high(), bar.unit()))).append("</td>");
      if (bar.error() != null) {
        b.append("<td colspan=\"3\" class=\"fail\">").append(esc(bar.error().message())).append("</td></tr>\n");
        continue;
      }
      b.append("<td>").append(esc(Fmt.quantity(bar.outputAtLow(), tornado.unit()))).append("</td><td>")
          .append(esc(Fmt.quantity(bar.outputAtHigh(), tornado.unit()))).append("</td><td>")
          .append(esc(Fmt.quantity(bar.swing(), tornado.unit()))).append("</td></tr>\n");
    }
    b.append("</table>\n");
    if (global != null) {
      globalTable(b, global);
    }
    return b.append("</body>\n</html>\n").toString();
  }

  private static void globalTable(StringBuilder b, GlobalSensitivity g) {
    boolean sobol = g.method().equals("sobol");
    b.append("<h2>").append(sobol ? "Sobol indices" : "Morris elementary effects").append("</h2>\n<p class=\"meta\">")
        .append(String.format(Locale.ROOT, sobol ? "%,d base samples; 95 %% bootstrap intervals; largest total first"
            : "%,d trajectories; the output's change when a param moves up by half of its distribution", g.samples()))
        .append("</p>\n<table>\n<tr><th>param</th>")
        .append(sobol ? "<th>first</th><th>first 95 %</th><th>total</th><th>total 95 %</th>"
            : "<th>mu*</th><th>mu</th><th>sigma</th>").append("</tr>\n");
    for (GlobalSensitivity.Index i : g.params()) {
      b.append("<tr><td>").append(esc(i.name())).append("</td>");
      if (sobol) {
        b.append(String.format(Locale.ROOT, "<td>%.3f</td><td>[%.3f, %.3f]</td><td>%.3f</td><td>[%.3f, %.3f]</td>",
            i.first(), i.firstLow(), i.firstHigh(), i.total(), i.totalLow(), i.totalHigh()));
      } else {
        b.append("<td>").append(esc(Fmt.quantity(i.muStar(), g.unit()))).append("</td><td>")
            .append(esc(Fmt.quantity(i.mu(), g.unit()))).append("</td><td>")
            .append(esc(Fmt.quantity(i.sigma(), g.unit()))).append("</td>");
      }
      b.append("</tr>\n");
    }
    b.append("</table>\n");
  }

  private static String esc(String s) {
    return HtmlReporter.esc(s);
  }
}

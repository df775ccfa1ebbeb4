package org.tokenomics.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.tokenomics.spi.RunReport;
import org.tokenomics.chart.ChartFiles;
import org.tokenomics.chart.Charts;
import org.tokenomics.text.Fmt;

/**
 * {@code tok run --format html}: one self-contained page (inline CSS and SVG, no scripts, nothing
 * fetched) with each scenario's scalar and series tables, its assertions, a chart per series
 * report (a line per scenario, or a p5–p95 fan when Monte Carlo statistics are present) and the
 * diagnostics.
 */
public final class HtmlReporter {
  private HtmlReporter() {}

  private static final String STYLE = """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:2rem auto;
      max-width:1100px;padding:0 1rem;color:#1a202c;background:#fff}
      h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.25rem;border-bottom:2px solid #e2e8f0;padding-bottom:.3rem;
      margin-top:2.2rem}h3{font-size:1rem;margin:1.4rem 0 .4rem}.meta{color:#4a5568;margin-top:0}
      table{border-collapse:collapse;margin:.5rem 0 1rem;font-variant-numeric:tabular-nums}
      th,td{padding:.3rem .7rem;border-bottom:1px solid #e2e8f0;text-align:right;white-space:nowrap}
      th:first-child,td:first-child{text-align:left}th{background:#f7fafc;font-weight:600}
      .wide{overflow-x:auto}.unit{color:#718096;font-size:.9em}
      .ok{color:#2f855a}.fail{color:#c53030;font-weight:600}
      summary{cursor:pointer;color:#2b6cb0;margin:.6rem 0}
      figure{margin:1rem 0 2rem}svg{max-width:100%;height:auto;display:block}
      pre{background:#fff5f5;border-left:4px solid #c53030;padding:.8rem;overflow-x:auto;font-size:.85rem}
      """;

  /**
   * The page's style sheet, for other pages that should look the same ({@code tok sensitivity --format html}).
   *
   * @return the CSS
   */
  public static String style() {
    return STYLE;
  }

  /**
   * Writes the page to {@code file} (and the diagnostics to {@code err}), or to {@code out} when file
   * is null; false (after saying why) if it cannot.
   */
  public static boolean write(RunReport result, Path file, PrintWriter out, PrintWriter err) {
    String page = render(result);
    if (file == null) {
      out.print(page);
      return true;
    }
    result.diagnostics().forEach(d -> err.println(d.rendered())); // the page has them too; so does the terminal
    try {
      Files.writeString(file, page, StandardCharsets.UTF_8);
      return true;
    } catch (IOException e) {
      err.println("tok: cannot write " + file + ": " + e.getMessage());
      return false;
    }
  }

  public static String render(RunReport result) {
    StringBuilder b = new StringBuilder(16_384);
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(esc(result.file())).append(" — Tok report</title>\n<style>\n").append(STYLE)
        .append("</style>\n</head>\n<body>\n<h1>").append(esc(result.file())).append("</h1>\n<p class=\"meta\">");
    List<String> periods = result.periods();
    b.append(result.runs().size()).append(result.runs().size() == 1 ? " scenario" : " scenarios");
    if (periods.size() > 1) {
      b.append(" · ").append(periods.size()).append(" periods, ").append(esc(periods.get(0))).append(" to ")
          .append(esc(periods.get(periods.size() - 1)));
    }
    b.append("</p>\n");
    if (!result.diagnostics().isEmpty()) {
      b.append("<h2>Diagnostics</h2>\n<pre>");
      for (RunReport.Message d : result.diagnostics()) {
        b.append(esc(d.rendered())).append('\n');
      }
      b.append("</pre>\n");
    }
    charts(b, result);
    boolean compared = Comparison.applies(result);
    if (compared) {
      comparison(b, Comparison.scalars(result));
    }
    for (RunReport.Run run : compared ? Comparison.seriesOnly(result) : result.runs()) {
      run(b, run, periods);
    }
    return b.append("</body>\n</html>\n").toString();
  }

  /** The scalar reports of every scenario, a column each. */
  private static void comparison(StringBuilder b, List<RunReport.Run> runs) {
    b.append("<h2>Scenarios compared</h2>\n<table>\n<tr><th>report</th>");
    runs.forEach(r -> b.append("<th>").append(esc(r.scenario())).append("</th>"));
    b.append("</tr>\n");
    for (int i = 0; i < runs.get(0).reports().size(); i++) {
      b.append("<tr><td>").append(esc(runs.get(0).reports().get(i).name())).append("</td>");
      for (RunReport.Run r : runs) {
        RunReport.Report x = r.reports().get(i);
        b.append("<td>").append(esc(cell(x, x.values(), 0))).append("</td>");
      }
      b.append("</tr>\n");
    }
    b.append("</table>\n");
  }

  private static void run(StringBuilder b, RunReport.Run run, List<String> periods) {
    b.append("<h2>Scenario ").append(esc(run.scenario()));
    if (run.samples() > 0) {
      b.append(" <span class=\"unit\">(").append(run.samples()).append(" samples)</span>");
    }
    b.append("</h2>\n");
    List<RunReport.Report> scalars = run.reports().stream().filter(r -> !r.series()).toList();
    List<RunReport.Report> series = run.reports().stream().filter(RunReport.Report::series).map(Fmt::scaledMoney).toList();
    if (!scalars.isEmpty()) {
      List<String> stats = statNames(scalars);
      b.append("<table>\n<tr><th>report</th><th>value</th>");
      stats.forEach(s -> b.append("<th>").append(esc(s)).append("</th>"));
      b.append("</tr>\n");
      for (RunReport.Report r : scalars) {
        b.append("<tr><td>").append(esc(r.name())).append("</td><td>").append(esc(cell(r, r.values(), 0))).append("</td>");
        for (String s : stats) {
          double[] v = r.stats() == null ? null : r.stats().get(s);
          b.append("<td>").append(v == null ? "" : esc(Fmt.stat(s, v[0], r.unit()))).append("</td>");
        }
        b.append("</tr>\n");
      }
      b.append("</table>\n");
    }
    // the timeline's series in one table, each set of roll-ups (years, quarters) in one of its own
    Map<List<String>, List<RunReport.Report>> byPeriods = new LinkedHashMap<>();
    for (RunReport.Report r : series) {
      byPeriods.computeIfAbsent(r.periodsIn(periods), k -> new ArrayList<>()).add(r);
    }
    byPeriods.forEach((labels, reports) -> seriesTable(b, reports, labels));
    if (!run.assertions().isEmpty()) {
      b.append("<h3>Assertions</h3>\n<table>\n");
      for (RunReport.Assertion c : run.assertions()) {
        b.append("<tr><td>").append(esc(c.where())).append("</td><td style=\"text-align:left\">").append(esc(c.message()))
            .append("</td><td class=\"").append(c.ok() ? "ok\">ok" : "fail\">FAILED");
        if (!c.ok() && run.samples() > 0) {
          b.append(String.format(java.util.Locale.ROOT, " in %.1f%% of samples", 100 * c.failedShare()));
        }
        b.append("</td></tr>\n");
      }
      b.append("</table>\n");
    }
  }

  /** Few periods: one column per period; many: one row per period and a column per report, folded away. */
  private static void seriesTable(StringBuilder b, List<RunReport.Report> series, List<String> periods) {
    if (periods.size() > 12) {
      b.append("<details><summary>Series values (").append(periods.size()).append(" periods)</summary>\n");
    }
    b.append("<div class=\"wide\"><table>\n<tr><th></th>");
    if (periods.size() <= 12) {
      periods.forEach(p -> b.append("<th>").append(esc(p)).append("</th>"));
      b.append("</tr>\n");
      for (RunReport.Report r : series) {
        b.append("<tr><td>").append(esc(r.name())).append(unitSpan(r)).append("</td>");
        for (int i = 0; i < periods.size() && i < r.values().length; i++) {
          b.append("<td>").append(esc(plain(r, i))).append("</td>");
        }
        b.append("</tr>\n");
      }
    } else {
      series.forEach(r -> b.append("<th>").append(esc(r.name())).append(unitSpan(r)).append("</th>"));
      b.append("</tr>\n");
      for (int i = 0; i < periods.size(); i++) {
        b.append("<tr><td>").append(esc(periods.get(i))).append("</td>");
        for (RunReport.Report r : series) {
          b.append("<td>").append(i < r.values().length ? esc(plain(r, i)) : "").append("</td>");
        }
        b.append("</tr>\n");
      }
    }
    b.append("</table></div>\n");
    if (periods.size() > 12) {
      b.append("</details>\n");
    }
  }

  /**
   * One chart per numeric series report: a line per scenario, or the base run's fan under Monte
   * Carlo. The rows of a family-wide report ({@code cash[2026]}, {@code cash[2027]} …, LANGUAGE.md
   * §15) share one chart, a line per member.
   */
  private static void charts(StringBuilder b, RunReport result) {
    Map<String, List<Charts.Line>> lines = new LinkedHashMap<>();
    Map<String, RunReport.Report> first = new LinkedHashMap<>();
    for (RunReport.Run run : result.runs()) {
      for (RunReport.Report r : run.reports()) {
        if (r.series() && r.text() == null) {
          java.util.regex.Matcher member = MEMBER.matcher(r.name());
          boolean grouped = (r.stats() == null || r.stats().isEmpty()) && member.matches();
          String key = grouped ? member.group(1) : r.name();
          String label = !grouped ? run.scenario()
              : result.runs().size() > 1 ? run.scenario() + " " + member.group(2) : r.name();
          first.putIfAbsent(key, grouped ? renamed(r, key) : r);
          lines.computeIfAbsent(key, k -> new ArrayList<>()).add(new Charts.Line(label, r.values()));
        }
      }
    }
    if (first.isEmpty()) {
      return;
    }
    b.append("<h2>Charts</h2>\n");
    for (Map.Entry<String, RunReport.Report> e : first.entrySet()) {
      RunReport.Report r = e.getValue();
      Map<String, double[]> s = r.stats();
      JFreeChart chart = s != null && s.containsKey("p5") && s.containsKey("p50") && s.containsKey("p95")
          ? Charts.fan(r.name(), r.unit(), r.periodsIn(result.periods()), s.get("p5"),
              s.containsKey("p75") ? s.get("p25") : null, s.get("p50"), s.containsKey("p25") ? s.get("p75") : null, s.get("p95"))
          : Charts.line(r.name(), r.unit(), r.periodsIn(result.periods()), lines.get(e.getKey()));
      b.append("<figure>\n").append(ChartFiles.svg(chart, 860, 400)).append("\n</figure>\n");
    }
  }

  /** A member's row of a family-wide report: {@code NAME[KEY]}. */
  private static final java.util.regex.Pattern MEMBER = java.util.regex.Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(\\[[^\\]]+\\])");

  private static RunReport.Report renamed(RunReport.Report r, String name) {
    return new RunReport.Report(name, r.unit(), r.series(), r.values(), r.text(), r.stats());
  }

  private static List<String> statNames(List<RunReport.Report> reports) {
    List<String> names = new ArrayList<>();
    for (RunReport.Report r : reports) {
      if (r.stats() != null) {
        r.stats().keySet().stream().filter(k -> !names.contains(k)).forEach(names::add);
      }
    }
    return names;
  }

  private static String unitSpan(RunReport.Report r) {
    return r.unit().isEmpty() ? "" : " <span class=\"unit\">" + esc(r.unit()) + "</span>";
  }

  private static String cell(RunReport.Report r, double[] values, int i) {
    return r.text() != null ? r.text()[i] : Fmt.quantity(values[i], r.unit());
  }

  /** A number without its unit (the unit is in the header). */
  private static String plain(RunReport.Report r, int i) {
    return r.text() != null ? r.text()[i] : Fmt.number(r.values()[i]);
  }

  public static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}

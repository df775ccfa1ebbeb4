package org.tokenomics.report;

import org.tokenomics.spi.RunReport;


/** CSV: one row per report and period ({@code period} empty for a scalar). */
public final class CsvReporter {
  private CsvReporter() {}

  public static String render(RunReport out) {
    StringBuilder b = new StringBuilder("scenario,report,period,value,unit");
    boolean stats = out.runs().stream().anyMatch(r -> r.samples() > 0);
    java.util.List<String> statNames = new java.util.ArrayList<>();
    if (stats) {
      // every report's keys, in order: below_zero is there for money reports only
      out.runs().stream().flatMap(r -> r.reports().stream()).flatMap(r -> r.stats().keySet().stream())
          .filter(k -> !statNames.contains(k)).forEach(statNames::add);
      statNames.forEach(s -> b.append(',').append(s));
    }
    b.append('\n');
    for (RunReport.Run run : out.runs()) {
      for (RunReport.Report rep : run.reports()) {
        int n = rep.series() ? rep.values().length : 1;
        for (int i = 0; i < n; i++) {
          b.append(cell(run.scenario())).append(',').append(cell(rep.name())).append(',')
              .append(rep.series() ? rep.periodsIn(out.periods()).get(i) : "").append(',')
              .append(rep.text() != null ? cell(rep.text()[i]) : num(rep.values()[i])).append(',')
              .append(cell(rep.unit()));
          for (String s : statNames) {
            double[] v = rep.stats() == null ? null : rep.stats().get(s);
            b.append(',').append(v == null ? "" : num(v[i]));
          }
          b.append('\n');
        }
      }
    }
    return b.toString();
  }

  private static String num(double v) {
    return org.tokenomics.text.Fmt.significant(v);
  }

  public static String cell(String s) {
    if (s == null) {
      return "";
    }
    if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}

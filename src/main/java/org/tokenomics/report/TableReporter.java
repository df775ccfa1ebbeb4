package org.tokenomics.report;

import java.util.ArrayList;
import java.util.List;
import org.tokenomics.spi.RunReport;
import org.tokenomics.text.Fmt;

/**
 * The table a person reads: scalars as aligned name / value rows; short series as one column per
 * period; long series as a grid (years × months or quarters), or wrapped rows.
 */
public final class TableReporter {
  private TableReporter() {}

  public static String render(RunReport out) {
    StringBuilder b = new StringBuilder();
    boolean several = out.runs().size() > 1;
    if (several && sameShape(out)) {
      sideBySide(b, out.runs(), true);
    } else if (several && Comparison.applies(out)) {
      // scalars compared across scenarios in one table, then each scenario's series
      sideBySide(b, Comparison.scalars(out), false);
      for (RunReport.Run run : Comparison.seriesOnly(out)) {
        b.append("\n== scenario ").append(run.scenario()).append(" ==\n");
        run(b, run, out.periods());
      }
    } else {
      for (RunReport.Run run : out.runs()) {
        if (several || !run.scenario().equals("base")) {
          b.append("== scenario ").append(run.scenario()).append(" ==\n");
        }
        run(b, run, out.periods());
        if (several) {
          b.append('\n');
        }
      }
    }
    for (RunReport.Message d : out.diagnostics()) {
      b.append(d.rendered()).append('\n');
    }
    return b.toString();
  }

  private static boolean sameShape(RunReport out) {
    return out.runs().stream().allMatch(r -> r.samples() == 0 && r.reports().stream().noneMatch(RunReport.Report::series))
        && out.runs().stream().map(r -> r.reports().size()).distinct().count() == 1;
  }

  /** Several scenarios of scalars: one column per scenario; their assertions when {@code checks}. */
  private static void sideBySide(StringBuilder b, List<RunReport.Run> runs, boolean checks) {
    List<String[]> rows = new ArrayList<>();
    List<String> header = new ArrayList<>();
    header.add("");
    runs.forEach(r -> header.add(r.scenario()));
    rows.add(header.toArray(String[]::new));
    RunReport.Run first = runs.get(0);
    for (int i = 0; i < first.reports().size(); i++) {
      List<String> row = new ArrayList<>();
      row.add(first.reports().get(i).name());
      for (RunReport.Run r : runs) {
        row.add(i < r.reports().size() ? scalar(r.reports().get(i), 0) : "");
      }
      rows.add(row.toArray(String[]::new));
    }
    table(b, rows, true);
    if (checks) {
      acrossScenarios(b, runs);
    }
  }

  /**
   * The assertions of several scenarios, each once: {@code ok} when it holds in all of them, else
   * {@code FAILED} naming the scenarios where it fails (a scenario's table column says nothing
   * about its assertions, so repeating each line per scenario would not say which one failed).
   */
  private static void acrossScenarios(StringBuilder b, List<RunReport.Run> runs) {
    List<RunReport.Assertion> first = runs.get(0).assertions();
    for (int i = 0; i < first.size(); i++) {
      List<String> failed = new ArrayList<>();
      for (RunReport.Run r : runs) {
        if (i < r.assertions().size() && !r.assertions().get(i).ok()) {
          failed.add(r.scenario());
        }
      }
      RunReport.Assertion c = first.get(i);
      b.append(failed.isEmpty() ? "  ok     " : "  FAILED ").append(c.where()).append(": ").append(c.message());
      if (!failed.isEmpty()) {
        b.append(" (in ").append(failed.size() == runs.size() ? "every scenario" : String.join(", ", failed)).append(')');
      }
      b.append('\n');
    }
  }

  private static void run(StringBuilder b, RunReport.Run run, List<String> periods) {
    if (run.samples() > 0) { // said, because --samples auto chooses it
      b.append(String.format(java.util.Locale.ROOT, "  %,d samples", run.samples())).append('\n');
    }
    List<String[]> scalars = new ArrayList<>();
    List<RunReport.Report> series = new ArrayList<>();
    for (RunReport.Report r : run.reports()) {
      if (r.series()) {
        series.add(Fmt.scaledMoney(r));
      } else {
        List<String> row = new ArrayList<>(List.of(r.name(), scalar(r, 0)));
        if (r.stats() != null) {
          r.stats().forEach((k, v) -> row.add(k + " " + Fmt.stat(k, v[0], r.unit())));
        }
        scalars.add(row.toArray(String[]::new));
      }
    }
    if (!scalars.isEmpty()) {
      table(b, scalars, false);
    }
    if (!series.isEmpty()) {
      if (!scalars.isEmpty()) {
        b.append('\n');
      }
      List<RunReport.Report> fans = series.stream().filter(r -> r.stats() != null && !r.stats().isEmpty()).toList();
      series = series.stream().filter(r -> !fans.contains(r)).toList();
      for (RunReport.Report r : fans) {
        fan(b, r, r.periodsIn(periods));
      }
      // the timeline's series in one table, then each set of roll-ups (years, quarters) in one of its own
      java.util.Map<List<String>, List<RunReport.Report>> byPeriods = new java.util.LinkedHashMap<>();
      for (RunReport.Report r : series) {
        byPeriods.computeIfAbsent(r.periodsIn(periods), k -> new ArrayList<>()).add(r);
      }
      boolean firstTable = true;
      for (java.util.Map.Entry<List<String>, List<RunReport.Report>> e : byPeriods.entrySet()) {
        if (!firstTable) {
          b.append('\n');
        }
        firstTable = false;
        seriesTable(b, e.getValue(), e.getKey());
      }
    }
    checks(b, run);
  }

  /** Series over the same periods: a row each when there are at most twelve periods, else a grid each. */
  private static void seriesTable(StringBuilder b, List<RunReport.Report> series, List<String> periods) {
    if (periods.size() <= 12) {
      List<String[]> rows = new ArrayList<>();
      List<String> header = new ArrayList<>(List.of(""));
      header.addAll(periods);
      rows.add(header.toArray(String[]::new));
      for (RunReport.Report r : series) {
        List<String> row = new ArrayList<>(List.of(r.name() + (r.unit().isEmpty() ? "" : " (" + r.unit() + ")")));
        for (int i = 0; i < periods.size(); i++) {
          row.add(plain(r, i));
        }
        rows.add(row.toArray(String[]::new));
      }
      table(b, rows, true);
    } else {
      for (RunReport.Report r : series) {
        b.append(r.name()).append(r.unit().isEmpty() ? "" : " (" + r.unit() + ")").append('\n');
        grid(b, r, periods);
        b.append('\n');
      }
    }
  }

  /** A series under Monte Carlo: one row per period, the deterministic value and each statistic. */
  private static void fan(StringBuilder b, RunReport.Report r, List<String> periods) {
    b.append(r.name()).append(r.unit().isEmpty() ? "" : " (" + r.unit() + ")").append('\n');
    List<String[]> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("", "value"));
    header.addAll(r.stats().keySet());
    rows.add(header.toArray(String[]::new));
    for (int i = 0; i < periods.size(); i++) {
      List<String> row = new ArrayList<>(List.of(periods.get(i), plain(r, i)));
      for (java.util.Map.Entry<String, double[]> e : r.stats().entrySet()) {
        double v = e.getValue()[i];
        row.add(e.getKey().equals("below_zero") ? Fmt.stat(e.getKey(), v, "") : Fmt.compact(v));
      }
      rows.add(row.toArray(String[]::new));
    }
    table(b, rows, true);
    b.append('\n');
  }

  private static void checks(StringBuilder b, RunReport.Run run) {
    for (RunReport.Assertion c : run.assertions()) {
      String share = run.samples() > 0 ? String.format(" (failed in %.1f%% of samples)", 100 * c.failedShare()) : "";
      b.append(c.ok() ? "  ok     " : "  FAILED ").append(c.where()).append(": ").append(c.message())
          .append(c.ok() ? "" : share).append('\n');
    }
  }

  /** Long series: rows of a year with a column per month or quarter; other steps wrap at 10. */
  private static void grid(StringBuilder b, RunReport.Report r, List<String> periods) {
    List<String[]> rows = new ArrayList<>();
    String first = periods.get(0);
    boolean monthly = first.matches("\\d{4}-\\d{2}");
    boolean quarterly = first.matches("\\d{4}-Q\\d");
    if (monthly || quarterly) {
      int per = monthly ? 12 : 4;
      List<String> header = new ArrayList<>(List.of(""));
      for (int i = 1; i <= per; i++) {
        header.add(monthly ? new java.text.DateFormatSymbols(java.util.Locale.ROOT).getShortMonths()[i - 1] : "Q" + i);
      }
      rows.add(header.toArray(String[]::new));
      String[] row = null;
      String year = null;
      for (int i = 0; i < periods.size(); i++) {
        String label = periods.get(i);
        String y = label.substring(0, 4);
        int col = monthly ? Integer.parseInt(label.substring(5, 7)) : Integer.parseInt(label.substring(6, 7));
        if (!y.equals(year)) {
          row = new String[per + 1];
          java.util.Arrays.fill(row, "");
          row[0] = y;
          rows.add(row);
          year = y;
        }
        row[col] = plain(r, i);
      }
    } else {
      for (int start = 0; start < periods.size(); start += 10) {
        int end = Math.min(periods.size(), start + 10);
        List<String> header = new ArrayList<>(List.of(""));
        List<String> row = new ArrayList<>(List.of(""));
        for (int i = start; i < end; i++) {
          header.add(periods.get(i));
          row.add(plain(r, i));
        }
        rows.add(header.toArray(String[]::new));
        rows.add(row.toArray(String[]::new));
      }
    }
    table(b, rows, true);
  }

  private static String scalar(RunReport.Report r, int i) {
    if (r.text() != null) {
      return r.text()[i];
    }
    return Fmt.quantity(r.values()[i], r.unit());
  }

  /** A number without its unit (the unit is in the row's label). */
  private static String plain(RunReport.Report r, int i) {
    if (r.text() != null) {
      return r.text()[i];
    }
    return Fmt.compact(r.values()[i]);
  }

  /**
   * Cells longer than this do not widen their column (they overflow their own line): one
   * 500,000-character report name must not pad every other row to its width.
   */
  static final int MAX_ALIGNED_WIDTH = 80;

  /** Columns aligned; numbers right-aligned, the first column left-aligned. */
  private static void table(StringBuilder b, List<String[]> rows, boolean header) {
    int cols = rows.stream().mapToInt(r -> r.length).max().orElse(0);
    int[] width = new int[cols];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        int w = r[i] == null ? 0 : r[i].length();
        width[i] = Math.max(width[i], w > MAX_ALIGNED_WIDTH ? 0 : w);
      }
    }
    for (int k = 0; k < rows.size(); k++) {
      String[] r = rows.get(k);
      StringBuilder line = new StringBuilder("  ");
      for (int i = 0; i < r.length; i++) {
        String cell = r[i] == null ? "" : r[i];
        if (i == 0) {
          line.append(cell).append(" ".repeat(Math.max(0, width[i] - cell.length())));
        } else {
          line.append("  ").append(" ".repeat(Math.max(0, width[i] - cell.length()))).append(cell);
        }
      }
      String text = line.toString().stripTrailing();
      b.append(text).append('\n');
      if (header && k == 0) {
        b.append("  ").append("-".repeat(Math.max(0, Math.min(text.length(), 2 + MAX_ALIGNED_WIDTH * cols) - 2))).append('\n');
      }
    }
  }
}

package org.tokenomics.xlsx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.tokenomics.spi.RunReport;

/**
 * The Reports sheet: each report in its display unit, a formula over its Calculations cell; the
 * roll-ups ({@code sum(x, by: yr)}) after them under headers of their own groups ({@code 2026},
 * {@code 2026-Q1}), as the table output shows them; the assertions; and, after a Monte Carlo run,
 * its statistics as values with a comment saying where they come from and why Excel cannot
 * recompute them.
 */
final class ReportsSheet {
  /** The row of the column headers; reports start below it. */
  static final int HEADER = 2;

  private final WorkbookWriter w;
  private final Plan plan;
  private final XlsxExport.MonteCarlo monteCarlo;

  ReportsSheet(WorkbookWriter w, Plan plan, XlsxExport.MonteCarlo monteCarlo) {
    this.w = w;
    this.plan = plan;
    this.monteCarlo = monteCarlo;
  }

  void write(Sheet sh) {
    Calc calc = plan.calc;
    WorkbookWriter.text(sh, 0, 0, "Reports — each report in its unit, read from the Calculations sheet (scenario: "
        + plan.scenarios.get(plan.selected) + "; change it on the Inputs sheet).", w.styles.title);
    List<String> periods = new ArrayList<>();
    for (int p = 0; p < calc.periods; p++) {
      periods.add(calc.timeline.declared() ? calc.timeline.label(p) : "static");
    }
    header(sh, HEADER, "Report", periods);
    plan.reportRows = new int[plan.reports.size()];
    int at = HEADER + 1;
    for (int i = 0; i < plan.reports.size(); i++) {
      if (plan.reports.get(i).groups() == null) {
        plan.reportRows[i] = at;
        report(sh, at++, plan.reports.get(i));
      }
    }
    // a header per set of groups (years, quarters), the roll-ups with those groups under it, as the table output does
    java.util.Set<List<String>> done = new java.util.HashSet<>();
    for (Plan.Report first : plan.reports) {
      if (first.groups() == null || !done.add(first.groups())) {
        continue;
      }
      header(sh, ++at, "Roll-up", first.groups());
      at++;
      for (int i = 0; i < plan.reports.size(); i++) {
        if (first.groups().equals(plan.reports.get(i).groups())) {
          plan.reportRows[i] = at;
          report(sh, at++, plan.reports.get(i));
        }
      }
    }
    if (!plan.checks.isEmpty()) {
      at++;
      org.apache.poi.ss.usermodel.Row hh = sh.createRow(at++);
      WorkbookWriter.cell(hh, 0, "Assertion", w.styles.header);
      WorkbookWriter.cell(hh, 2, "Holds", w.styles.header);
      for (Plan.Check c : plan.checks) {
        org.apache.poi.ss.usermodel.Row row = sh.createRow(at++);
        WorkbookWriter.cell(row, 0, c.message(), null);
        String src = c.row().series ? "AND('" + Calc.SHEET + "'!" + plan.calc.range(c.row()) + ")"
            : "'" + Calc.SHEET + "'!" + WorkbookWriter.cellOf(c.row(), -1);
        w.formula(sh, row.createCell(Calc.VALUE_COL), src, Double.NaN, null);
      }
    }
    if (monteCarlo != null) {
      for (RunReport.Run run : monteCarlo.report().runs()) {
        if (run.samples() > 0) {
          at = monteCarlo(sh, at + 1, run, periods);
        }
      }
    }
    sh.setColumnWidth(0, 36 * 256);
    sh.setColumnWidth(1, 12 * 256);
    sh.setColumnWidth(2, 14 * 256);
    for (int p = 0; p < calc.periods; p++) {
      sh.setColumnWidth(Calc.PERIOD_COL + p, 12 * 256);
    }
    sh.createFreezePane(Calc.PERIOD_COL, HEADER + 1);
    w.workbook().setActiveSheet(w.workbook().getSheetIndex(sh));
  }

  private void header(Sheet sh, int at, String first, List<String> labels) {
    org.apache.poi.ss.usermodel.Row h = sh.createRow(at);
    WorkbookWriter.cell(h, 0, first, w.styles.header);
    WorkbookWriter.cell(h, 1, "Unit", w.styles.header);
    WorkbookWriter.cell(h, 2, "Value", w.styles.header);
    for (int p = 0; p < labels.size(); p++) {
      WorkbookWriter.cell(h, Calc.PERIOD_COL + p, labels.get(p), w.styles.header);
    }
  }

  /** One report's row: formulas over its Calculations cells (a roll-up's first columns, one per group). */
  private void report(Sheet sh, int at, Plan.Report r) {
    org.apache.poi.ss.usermodel.Row row = sh.createRow(at);
    WorkbookWriter.cell(row, 0, r.name(), null);
    WorkbookWriter.cell(row, 1, r.unit(), w.styles.unit);
    CellStyle num = w.styles.number(r.values());
    if (!r.series()) {
      String src = r.row() == null ? r.input() : "'" + Calc.SHEET + "'!" + WorkbookWriter.cellOf(r.row(), -1);
      w.formula(sh, row.createCell(Calc.VALUE_COL), WorkbookWriter.scaled(src, r.factor()),
          r.values() == null ? Double.NaN : r.values()[0], num);
      return;
    }
    int n = r.groups() == null ? plan.calc.periods : r.groups().size();
    for (int p = 0; p < n; p++) {
      String src = "'" + Calc.SHEET + "'!" + WorkbookWriter.cellOf(r.row(), p);
      w.formula(sh, row.createCell(Calc.PERIOD_COL + p), WorkbookWriter.scaled(src, r.factor()),
          r.values() == null ? Double.NaN : r.values()[p], num);
    }
  }

  /**
   * A Monte Carlo run's statistics (mean, se, quantiles, below_zero, as the JSON output names
   * them) per report: values, grey, each row's first cell commented with the samples and seed.
   */
  private int monteCarlo(Sheet sh, int at, RunReport.Run run, List<String> periods) {
    String origin = String.format(java.util.Locale.ROOT, "%,d", run.samples()) + " Monte Carlo samples, seed "
        + monteCarlo.seed() + ", scenario " + run.scenario();
    WorkbookWriter.text(sh, at++, 0, "Monte Carlo statistics — " + origin + ". Values, not formulas: Excel cannot "
        + "draw the samples.", w.styles.title);
    for (RunReport.Report r : run.reports()) {
      if (r.stats().isEmpty()) {
        continue;
      }
      header(sh, at++, r.name(), r.series() ? r.periodsIn(periods) : List.of());
      for (Map.Entry<String, double[]> s : r.stats().entrySet()) {
        org.apache.poi.ss.usermodel.Row row = sh.createRow(at++);
        WorkbookWriter.cell(row, 0, r.name() + " · " + s.getKey(), null);
        WorkbookWriter.cell(row, 1, s.getKey().equals("below_zero") ? "share" : r.unit(), w.styles.unit);
        double[] v = s.getValue();
        Cell first = null;
        for (int p = 0; p < v.length; p++) {
          Cell c = row.createCell(r.series() ? Calc.PERIOD_COL + p : Calc.VALUE_COL);
          if (Double.isFinite(v[p])) {
            c.setCellValue(v[p]);
          }
          c.setCellStyle(w.styles.valueOnly);
          first = first == null ? c : first;
        }
        if (first != null) {
          w.comment(sh, first, "Not a formula: " + describe(s.getKey()) + " of " + r.name() + " over " + origin
              + " (tok run " + monteCarlo.report().file() + " --samples " + run.samples() + " --seed " + monteCarlo.seed()
              + (run.scenario().equals("base") ? "" : " --scenario " + run.scenario()) + "). Excel has no "
              + "formula that draws Tok's distributions from a seed, so the statistic is Tok's value; the formulas "
              + "above compute the deterministic run (each distribution at its median).");
        }
      }
    }
    plan.notes.add("Monte Carlo statistics (" + origin + "): values on the Reports sheet");
    return at;
  }

  /** What a statistic's key means. */
  private static String describe(String key) {
    return switch (key) {
      case "mean" -> "the mean";
      case "se" -> "the standard error of the mean";
      case "below_zero" -> "the share of samples below zero";
      default -> key.matches("p[0-9.]+") ? "the " + key.substring(1) + "th percentile" : key;
    };
  }
}

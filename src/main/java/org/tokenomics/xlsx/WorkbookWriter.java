package org.tokenomics.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a {@link Plan} with Apache POI: the Inputs sheet (a scenario selector, a row per
 * single-value param, a column per scenario, named value cells), the Calculations sheet (the
 * timeline's rows, then a row per value) and the Reports sheet (each report in its display unit).
 * Formula cells also carry Tok's value as their cached result, and the workbook asks to be
 * recalculated when opened.
 */
final class WorkbookWriter {
  static final String INPUTS = "Inputs";
  static final String REPORTS = "Reports";

  private final Plan plan;
  private final XSSFWorkbook wb = new XSSFWorkbook();
  final Styles styles;
  /** Monte Carlo statistics to write as values, or null. */
  private final XlsxExport.MonteCarlo monteCarlo;

  /** Whether formula cells carry Tok's values as cached results (tests leave them out, so every number read back was computed). */
  private final boolean cached;

  private WorkbookWriter(Plan plan, boolean cached, XlsxExport.MonteCarlo monteCarlo) {
    this.plan = plan;
    this.cached = cached;
    this.monteCarlo = monteCarlo;
    this.styles = new Styles(wb);
  }

  static void write(Plan plan, OutputStream out, boolean cached) throws IOException {
    write(plan, out, cached, null);
  }

  /** Writes the workbook, with a Monte Carlo run's statistics as values when {@code monteCarlo} is given. */
  static void write(Plan plan, OutputStream out, boolean cached, XlsxExport.MonteCarlo monteCarlo) throws IOException {
    new WorkbookWriter(plan, cached, monteCarlo).writeTo(out);
  }

  XSSFWorkbook workbook() {
    return wb;
  }

  private void writeTo(OutputStream out) throws IOException {
    Sheet inputs = wb.createSheet(INPUTS);
    Sheet calc = wb.createSheet(Calc.SHEET);
    Sheet reports = wb.createSheet(REPORTS);
    names();
    inputs(inputs);
    calculations(calc);
    new ReportsSheet(this, plan, monteCarlo).write(reports);
    wb.setForceFormulaRecalculation(true);
    wb.write(out);
    wb.close();
  }

  /** Names first: POI reads formulas as they are set, and they refer to the names. */
  private void names() {
    name("scenario", INPUTS + "!$B$2");
    for (Input in : plan.inputs) {
      if (in.name != null) {
        name(in.name, INPUTS + "!$B$" + (in.row + 1));
      }
    }
    for (Row r : plan.calc.rows) {
      if (r.name != null) {
        name(r.name, "'" + Calc.SHEET + "'!$" + Row.column(Calc.VALUE_COL) + "$" + (r.index + 1));
      }
    }
  }

  private void name(String name, String ref) {
    Name n = wb.createName();
    n.setNameName(name);
    n.setRefersToFormula(ref);
  }

  private void inputs(Sheet sh) {
    text(sh, 0, 0, "Inputs — every param the model reads as one value. Edit a scenario's column; column B (named) is "
        + "what the formulas read. Units are the workbook's: time in years, energy in W*yr (see the unit column).",
        styles.title);
    text(sh, 1, 0, "Scenario", styles.header);
    Cell sel = sh.createRow(1).createCell(1);
    sel.setCellValue(plan.scenarios.get(plan.selected));
    sel.setCellStyle(styles.input);
    comment(sh, sel, "The scenario the workbook computes: one of " + String.join(", ", plan.scenarios)
        + ". Column B of each input picks its value from that scenario's column.");
    DataValidationHelper dvh = sh.getDataValidationHelper();
    DataValidation dv = dvh.createValidation(dvh.createExplicitListConstraint(plan.scenarios.toArray(new String[0])),
        new CellRangeAddressList(1, 1, 1, 1));
    sh.addValidationData(dv);
    int header = Plan.INPUT_FIRST_ROW - 1;
    org.apache.poi.ss.usermodel.Row h = sh.createRow(header);
    String[] heads = new String[3 + plan.scenarios.size() + 2];
    heads[0] = "Name";
    heads[1] = "Value";
    heads[2] = "Unit";
    for (int s = 0; s < plan.scenarios.size(); s++) {
      heads[3 + s] = plan.scenarios.get(s);
    }
    heads[heads.length - 2] = "As written in Tok";
    heads[heads.length - 1] = "Source";
    for (int i = 0; i < heads.length; i++) {
      cell(h, i, heads[i], styles.header);
    }
    int n = plan.scenarios.size();
    String first = Row.column(3);
    String last = Row.column(2 + n);
    for (Plan.Heading hd : plan.inputHeadings) {
      cell(sh.createRow(hd.row()), 0, hd.label(), styles.title);
    }
    for (Input in : plan.inputs) {
      org.apache.poi.ss.usermodel.Row row = sh.createRow(in.row);
      cell(row, 0, in.label, null);
      Cell value = row.createCell(1);
      String pick = n == 1 ? first + (in.row + 1)
          : "INDEX(" + first + (in.row + 1) + ":" + last + (in.row + 1) + ",MATCH(scenario,$" + first + "$" + (header + 1)
          + ":$" + last + "$" + (header + 1) + ",0))";
      formula(sh, value, pick, in.values[plan.selected], styles.number(in.values));
      cell(row, 2, in.unit, styles.unit);
      for (int s = 0; s < n; s++) {
        Cell c = row.createCell(3 + s);
        if (in.formulas[s] != null) {
          formula(sh, c, in.formulas[s], in.values[s], styles.number(in.values));
        } else if (!Double.isNaN(in.values[s])) {
          c.setCellValue(in.values[s]);
          c.setCellStyle(in.note != null ? styles.valueOnly : styles.input(in.values));
        }
      }
      if (in.note != null) {
        comment(sh, row.getCell(1), in.note);
      }
      cell(row, 3 + n, in.written, styles.unit);
      cell(row, 4 + n, in.where, styles.unit);
    }
    sh.setColumnWidth(0, 28 * 256);
    sh.setColumnWidth(1, 16 * 256);
    sh.setColumnWidth(2, 12 * 256);
    for (int s = 0; s < n; s++) {
      sh.setColumnWidth(3 + s, 14 * 256);
    }
    sh.setColumnWidth(3 + n, 36 * 256);
    sh.setColumnWidth(4 + n, 22 * 256);
    sh.createFreezePane(1, header + 1);
  }

  private void calculations(Sheet sh) {
    Calc calc = plan.calc;
    text(sh, 0, 0, "Calculations — a row per value of the model, a column per period; each cell is a formula over the "
        + "Inputs (by name) and the rows here. Units: time in years, energy in W*yr; dates are years (2026.5 is 2026-07).",
        styles.title);
    org.apache.poi.ss.usermodel.Row h = sh.createRow(Calc.HEADER);
    cell(h, 0, "Name", styles.header);
    cell(h, 1, "Unit", styles.header);
    cell(h, 2, "Value", styles.header);
    for (int p = 0; p < calc.periods; p++) {
      cell(h, Calc.PERIOD_COL + p, calc.timeline.declared() ? calc.timeline.label(p) : "static", styles.header);
    }
    timeRow(sh, Calc.PERIOD, "period", "", p -> p);
    timeRow(sh, Calc.START, "date (period start)", "date (yr)", p -> calc.timeline.start(p) / org.tokenomics.units.Units.YEAR);
    timeRow(sh, Calc.END, "period end", "date (yr)", p -> calc.timeline.end(p) / org.tokenomics.units.Units.YEAR);
    timeRow(sh, Calc.DT, "dt", "yr", p -> calc.timeline.length() / org.tokenomics.units.Units.YEAR);
    timeRow(sh, Calc.T, "t (at period start)", "yr", p -> calc.timeline.startYears()[p]);
    timeRow(sh, Calc.T_END, "t at period end", "yr", p -> calc.timeline.endYears()[p]);
    timeRow(sh, Calc.YEAR, "year", "", p -> calc.timeline.year(p));
    for (Row r : calc.rows) {
      org.apache.poi.ss.usermodel.Row row = sh.createRow(r.index);
      if (r.heading) {
        cell(row, 0, r.label, styles.title);
        continue;
      }
      cell(row, 0, r.label, r.label.startsWith("↳") ? styles.helper : null);
      cell(row, 1, r.unit, styles.unit);
      if (r.list != null) {
        list(sh, row, r);
        continue;
      }
      CellStyle num = r.valuesBecause != null ? styles.valueOnly
          : r.type.tag() == org.tokenomics.check.Type.Tag.BOOL ? null : r.values == null ? styles.general : styles.number(r.values);
      Cell firstCell = null;
      for (int i = 0; i <= calc.periods; i++) {
        if (i == 0 && r.series && r.formulas[0] == null || i > 0 && !r.series && r.formulas[i] == null) {
          continue;
        }
        Cell c = row.createCell(i == 0 ? Calc.VALUE_COL : Calc.PERIOD_COL + i - 1);
        double v = r.values == null ? Double.NaN : r.values[i == 0 || !r.series ? 0 : Math.min(i - 1, r.values.length - 1)];
        if (r.valuesBecause != null) {
          if (!Double.isNaN(v)) {
            c.setCellValue(v);
          }
          c.setCellStyle(num);
        } else if (r.data && r.formulas[i] != null) {
          c.setCellValue(Double.parseDouble(r.formulas[i])); // data read when the model compiled
          c.setCellStyle(num);
        } else if (r.formulas[i] != null) {
          formula(sh, c, r.formulas[i], i == 0 && r.series ? Double.NaN : v, num);
        }
        if (firstCell == null) {
          firstCell = c;
        }
      }
      String note = r.valuesBecause == null ? r.note : r.note == null ? r.valuesBecause : r.valuesBecause + " " + r.note;
      if (note != null && firstCell != null) {
        comment(sh, firstCell, note);
      }
    }
    sh.setColumnWidth(0, 40 * 256);
    sh.setColumnWidth(1, 12 * 256);
    sh.setColumnWidth(2, 16 * 256);
    for (int p = 0; p < calc.periods; p++) {
      sh.setColumnWidth(Calc.PERIOD_COL + p, 15 * 256);
    }
    sh.createFreezePane(Calc.PERIOD_COL, Calc.HEADER + 1);
  }

  /** A list row: its cells from column C on; hidden unless it is meant to be read (its label says what it holds). */
  private void list(Sheet sh, org.apache.poi.ss.usermodel.Row row, Row r) {
    for (int i = 0; i < r.list.length; i++) {
      Cell c = row.createCell(Calc.VALUE_COL + i);
      if (r.data) {
        c.setCellValue(Double.parseDouble(r.list[i]));
      } else {
        formula(sh, c, r.list[i], Double.NaN, styles.general);
      }
    }
    row.setZeroHeight(!r.shown);
  }

  private void timeRow(Sheet sh, int index, String label, String unit, java.util.function.IntToDoubleFunction value) {
    org.apache.poi.ss.usermodel.Row row = sh.createRow(index);
    cell(row, 0, label, styles.helper);
    cell(row, 1, unit, styles.unit);
    for (int p = 0; p < plan.calc.periods; p++) {
      Cell c = row.createCell(Calc.PERIOD_COL + p);
      c.setCellValue(value.applyAsDouble(p));
      c.setCellStyle(styles.time);
    }
  }

  static String cellOf(Row r, int p) {
    int col = r.series ? Calc.PERIOD_COL + p : Calc.VALUE_COL;
    return "$" + Row.column(col) + "$" + (r.index + 1);
  }

  static String scaled(String src, double factor) {
    return factor == 1 ? src : src + "/" + Formulas.number(factor).text();
  }

  void formula(Sheet sh, Cell c, String formula, double cached, CellStyle style) {
    try {
      c.setCellFormula(formula);
    } catch (RuntimeException e) { // a formula POI cannot read: keep Tok's value and say so
      c.setBlank();
      if (!Double.isNaN(cached)) {
        c.setCellValue(cached);
      }
      comment(sh, c, "Not a formula: Apache POI could not read " + formula + " (" + e.getMessage() + ").");
      plan.notes.add("unreadable formula " + formula);
      return;
    }
    if (this.cached && Double.isFinite(cached)) {
      c.setCellValue(cached);
    }
    if (style != null) {
      c.setCellStyle(style);
    }
  }

  void comment(Sheet sh, Cell c, String text) {
    Drawing<?> d = sh.createDrawingPatriarch();
    ClientAnchor a = wb.getCreationHelper().createClientAnchor();
    a.setCol1(c.getColumnIndex() + 1);
    a.setCol2(c.getColumnIndex() + 6);
    a.setRow1(c.getRowIndex());
    a.setRow2(c.getRowIndex() + 5);
    Comment cm = d.createCellComment(a);
    cm.setString(wb.getCreationHelper().createRichTextString(text));
    cm.setAuthor("Tok");
    c.setCellComment(cm);
  }

  static void cell(org.apache.poi.ss.usermodel.Row row, int col, String text, CellStyle style) {
    Cell c = row.createCell(col);
    c.setCellValue(text);
    if (style != null) {
      c.setCellStyle(style);
    }
  }

  static void text(Sheet sh, int row, int col, String text, CellStyle style) {
    org.apache.poi.ss.usermodel.Row r = sh.getRow(row) != null ? sh.getRow(row) : sh.createRow(row);
    cell(r, col, text, style);
  }

  /** For the tests: every sheet name in order. */
  static List<String> sheets() {
    return List.of(INPUTS, Calc.SHEET, REPORTS);
  }
}

package org.tokenomics.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.tokenomics.check.CompiledModel;

/**
 * Every sample exported once per scenario, for the recalculation tests: the workbook (formulas
 * only, no cached values, so every number read back was computed by the engine under test), the
 * plan it was written from and Tok's report values.
 */
record Exported(String sample, String scenario, Path file, Plan plan) {
  static final Path SAMPLES = Path.of("samples");

  /** Models written for these tests: every operation the exporter knows, a static model, scenarios. */
  static final Path OWN = Path.of("src/test/resources/xlsx");

  /** Every sample file and this test's own models, sorted. */
  static List<Path> samples() throws IOException {
    List<Path> all = new ArrayList<>();
    for (Path root : List.of(SAMPLES, OWN)) {
      try (Stream<Path> s = Files.walk(root)) {
        s.filter(p -> p.toString().endsWith(".tok") && !p.toString().contains("/src/main") && !p.toString().contains("/src/test/java"))
            .sorted().forEach(all::add);
      }
    }
    return all;
  }

  /** Exports every sample in every scenario into {@code dir}. */
  static List<Exported> all(Path dir) throws IOException {
    List<Exported> out = new ArrayList<>();
    for (Path sample : samples()) {
      CompiledModel cm = XlsxExport.compile(sample, null);
      if (cm == null) {
        throw new AssertionError(sample + " does not check");
      }
      List<String> names = new ArrayList<>(List.of("base"));
      names.addAll(cm.scenarios().keySet());
      XlsxExport.Runs runs = XlsxExport.runs(cm, names, Map.of()); // each scenario run once, for every selection
      for (String s : names) {
        Plan plan = runs.plan(s);
        String name = (sample.startsWith(SAMPLES) ? SAMPLES.relativize(sample) : Path.of("own").resolve(sample.getFileName()))
            .toString();
        String id = name.replace('/', '_').replace(".tok", "") + "-" + s;
        Path file = dir.resolve(id + ".xlsx");
        try (OutputStream o = Files.newOutputStream(file)) {
          WorkbookWriter.write(plan, o, false);
        }
        out.add(new Exported(name, s, file, plan));
      }
    }
    return out;
  }

  static XSSFWorkbook open(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new XSSFWorkbook(in);
    }
  }

  /** The Reports sheet's cell of report {@code i}, period or group {@code p} (-1: a single value). */
  static Cell reportCell(XSSFWorkbook wb, Plan plan, int i, int p) {
    Sheet sh = wb.getSheet(WorkbookWriter.REPORTS);
    org.apache.poi.ss.usermodel.Row row = sh.getRow(plan.reportRows[i]);
    return row == null ? null : row.getCell(p < 0 ? Calc.VALUE_COL : Calc.PERIOD_COL + p);
  }

  /** Compares a number LibreOffice wrote as CSV text with Tok's ({@link #close}). */
  static String compare(String what, double tok, String text, double scale) {
    double got;
    if (text.equals("TRUE") || text.equals("FALSE")) {
      got = text.equals("TRUE") ? 1 : 0;
    } else {
      try {
        got = Double.parseDouble(text);
      } catch (NumberFormatException x) {
        return what + ": LibreOffice gives '" + text + "' (Tok " + tok + ")";
      }
    }
    return close(tok, got, scale) ? null : what + ": Tok " + tok + ", LibreOffice " + got;
  }

  static boolean close(double tok, double got, double scale) {
    // relative 1e-9 of the value. A value that is a cancellation of the row's amounts (a balance
    // paid down to 0, a principal that is what is left of it) has no relative error to speak of:
    // both engines keep the rounding of the amounts it cancels, about 1e-16 of the row's largest
    // value (Tok -9.5e-16, LibreOffice 0, POI 2e-14 on a balance of 30 $M). So a trillionth of the
    // row's largest value is allowed besides; for any value above a thousandth of that largest
    // value the relative 1e-9 is the tighter bound.
    // A row that is exactly 0 throughout in Tok cancels amounts the report does not show: the only
    // such report is families/futures_strip.tok's hedge, quantity × (index − strike) with index and
    // strike equal in Tok; both engines keep one rounding of the ~50 $M terms (POI 4e-14 $M). Such
    // a row alone gets an absolute 1e-12 of its display unit.
    double tol = 1e-9 * Math.max(Math.abs(tok), Math.abs(got)) + (scale > 0 ? 1e-12 * scale : 1e-12);
    return Math.abs(tok - got) <= tol;
  }

  static double scale(double[] values) {
    double m = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        m = Math.max(m, Math.abs(v));
      }
    }
    return m;
  }
}

package org.tokenomics.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19's check: every sample, in every scenario, exported as formulas only and recalculated by
 * two engines that are not Tok (LibreOffice headless, one process for all files, and POI's formula
 * evaluator); every report agrees with Tok to a relative 1e-9. The samples that cannot be fully
 * formulaic are listed with the reason, and the workbook says so in a comment.
 */
class XlsxRecalculationTest {
  /** A solve: Excel has no formula that solves (the cell says how to redo it with Goal Seek). */
  static final String GOAL_SEEK = "goal seek";
  /** A distribution param: the workbook holds its median, the deterministic run's value. */
  static final String MEDIAN = "the median of";

  /** Samples with values that are not formulas, and why (their notes must say so, and only theirs may have notes). */
  static final Map<String, String> NOT_FULLY_FORMULAIC = Map.ofEntries(
      Map.entry("debt/contract_backed_debt.tok", GOAL_SEEK),
      Map.entry("gigawatt/buy_or_lease.tok", GOAL_SEEK),
      Map.entry("gigawatt/gw_to_chips_and_dollars.tok", MEDIAN),
      Map.entry("growth/arr_nine_to_thirty.tok", GOAL_SEEK),
      Map.entry("growth/cagr_curves.tok", GOAL_SEEK),
      Map.entry("growth/cone_of_uncertainty.tok", MEDIAN),
      Map.entry("rentals/rental_dispersion.tok", MEDIAN),
      Map.entry("tokens/breakeven_price.tok", GOAL_SEEK),
      Map.entry("tokens/cost_curves.tok", GOAL_SEEK),
      Map.entry("tokens/interactivity_pricing.tok", MEDIAN),
      Map.entry("tokens/tokens_per_joule.tok", GOAL_SEEK),
      Map.entry("uncertainty/breakeven-token-price.tok", MEDIAN),
      Map.entry("uncertainty/correlated-rent-and-token.tok", MEDIAN),
      Map.entry("uncertainty/gigawatt-npv-drivers.tok", MEDIAN),
      Map.entry("uncertainty/grid-connection-delay.tok", MEDIAN),
      Map.entry("uncertainty/grid-delay-months.tok", MEDIAN),
      Map.entry("uncertainty/growth-cone.tok", MEDIAN),
      Map.entry("valuation/merchant_margin.tok", GOAL_SEEK));

  @TempDir
  static Path dir;
  static List<Exported> exported;

  @BeforeAll
  static void export() throws Exception {
    exported = Exported.all(Files.createDirectories(dir.resolve("in")));
  }

  @Test
  void libreOfficeRecalculatesEveryReportToTokValues() throws Exception {
    LibreOffice.require();
    Path out = Files.createDirectories(dir.resolve("lo"));
    // one process recalculates every workbook and writes its Reports sheet (the third) as CSV, with
    // numbers to 15 significant digits (not as formatted): reading CSV is far quicker than an
    // xlsx written back, and 15 digits are a million times finer than the 1e-9 compared
    LibreOffice.convert(exported.stream().map(Exported::file).toList(),
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,3", out);
    List<String> problems = new ArrayList<>();
    for (Exported e : exported) {
      String name = e.file().getFileName().toString().replace(".xlsx", "-" + WorkbookWriter.REPORTS + ".csv");
      List<List<String>> rows = LibreOffice.csv(out.resolve(name));
      List<Plan.Report> reports = e.plan().reports;
      for (int i = 0; i < reports.size(); i++) {
        Plan.Report r = reports.get(i);
        if (r.values() == null) {
          continue; // Tok could not compute it either (its error is the run's)
        }
        List<String> row = rows.get(e.plan().reportRows[i]);
        double scale = Exported.scale(r.values());
        for (int p = 0; p < r.values().length; p++) {
          int col = r.series() ? Calc.PERIOD_COL + p : Calc.VALUE_COL;
          String what = e.sample() + " [" + e.scenario() + "] " + r.name() + (r.series() ? "[" + p + "]" : "");
          String problem = Exported.compare(what, r.values()[p], col < row.size() ? row.get(col) : "", scale);
          if (problem != null) {
            problems.add(problem);
          }
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  /** The workbook a person opens: LibreOffice prints each sheet on a page of its own, pdftoppm renders them. */
  @Test
  void theSheetsRenderAsPages() throws Exception {
    LibreOffice.require();
    Exported two = exported.stream().filter(e -> e.sample().equals("gigawatt/two_dark_years.tok")).findFirst().orElseThrow();
    Path out = Files.createDirectories(dir.resolve("pdf"));
    LibreOffice.convert(List.of(two.file()),
        "pdf:calc_pdf_Export:{\"SinglePageSheets\":{\"type\":\"boolean\",\"value\":\"true\"}}", out);
    Path pdf = out.resolve(two.file().getFileName().toString().replace(".xlsx", ".pdf"));
    assertTrue(Files.size(pdf) > 10_000, "a PDF of the three sheets");
    Path ppm = LibreOffice.find("pdftoppm");
    if (ppm == null) {
      org.junit.jupiter.api.Assertions.fail("pdftoppm is missing: install Debian's poppler-utils, as .ci/run does");
    }
    Process p = new ProcessBuilder(ppm.toString(), "-png", "-r", "50", pdf.toString(), out.resolve("page").toString())
        .redirectErrorStream(true).start();
    assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0, "pdftoppm renders the PDF");
    for (int page = 1; page <= 3; page++) {
      Path png = out.resolve("page-" + page + ".png");
      assertTrue(Files.isRegularFile(png) && Files.size(png) > 2_000, "sheet " + page + " renders: " + png);
    }
  }

  @Test
  void poiEvaluatesEveryReportToTokValues() throws Exception {
    List<String> problems = poiProblems();
    assertEquals(List.of(), problems);
  }

  @Test
  void onlyTheListedSamplesHoldValuesAndTheySayWhy() {
    Map<String, List<String>> notes = new TreeMap<>();
    for (Exported e : exported) {
      if (!e.plan().notes.isEmpty()) {
        notes.computeIfAbsent(e.sample(), k -> new ArrayList<>()).addAll(e.plan().notes);
      }
    }
    assertEquals(new java.util.TreeSet<>(NOT_FULLY_FORMULAIC.keySet()), notes.keySet());
    NOT_FULLY_FORMULAIC.forEach((s, why) -> assertTrue(notes.get(s).stream().anyMatch(n -> n.contains(why)),
        s + " should say " + why + ": " + notes.get(s)));
  }

  /** Every report of every workbook, evaluated by POI's formula evaluator. */
  private List<String> poiProblems() throws Exception {
    List<String> problems = new ArrayList<>();
    for (Exported e : exported) {
      try (XSSFWorkbook wb = Exported.open(e.file())) {
        XSSFFormulaEvaluator ev = XSSFFormulaEvaluator.create(wb, null, null);
        List<Plan.Report> reports = e.plan().reports;
        for (int i = 0; i < reports.size(); i++) {
          Plan.Report r = reports.get(i);
          if (r.values() == null) {
            continue; // Tok could not compute it either (its error is the run's)
          }
          double scale = Exported.scale(r.values());
          for (int p = 0; p < r.values().length; p++) {
            Cell c = Exported.reportCell(wb, e.plan(), i, r.series() ? p : -1);
            String what = e.sample() + " [" + e.scenario() + "] " + r.name() + (r.series() ? "[" + p + "]" : "");
            String problem = evaluated(what, r.values()[p], c, ev, scale);
            if (problem != null) {
              problems.add(problem);
            }
          }
        }
      }
    }
    return problems;
  }

  private static String evaluated(String what, double tok, Cell c, XSSFFormulaEvaluator ev, double scale) {
    if (c == null) {
      return what + ": no cell";
    }
    CellValue v;
    try {
      v = ev.evaluate(c);
    } catch (RuntimeException x) {
      return what + ": POI cannot evaluate " + c.getCellFormula() + ": " + x;
    }
    if (v.getCellType() == CellType.ERROR) {
      return what + ": POI gives an error (Tok " + tok + ")";
    }
    double got = v.getCellType() == CellType.BOOLEAN ? (v.getBooleanValue() ? 1 : 0) : v.getNumberValue();
    return Exported.close(tok, got, scale) ? null : what + ": Tok " + tok + ", POI " + got;
  }
}

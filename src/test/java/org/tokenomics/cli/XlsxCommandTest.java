package org.tokenomics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tok run --format xlsx}: usage errors, and the workbook a person opens. */
class XlsxCommandTest {
  @TempDir
  Path dir;

  private static int run(StringWriter out, StringWriter err, String... args) {
    return Main.execute(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void aWorkbookNeedsOut() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(2, run(out, err, "run", "samples/gigawatt/two_dark_years.tok", "--format", "xlsx"));
    assertTrue(err.toString().contains("--format xlsx writes a workbook: give the file with --out FILE.xlsx"), err.toString());
    err = new StringWriter();
    assertEquals(2, run(out, err, "run", "samples/gigawatt/two_dark_years.tok", "--format", "xls"));
    assertTrue(err.toString().contains("xlsx"), "the list of formats names xlsx: " + err);
    assertFalse(Files.exists(dir.resolve("x.xlsx")));
    assertEquals("", out.toString());
  }

  @Test
  void aModelThatDoesNotCheckWritesNoWorkbook() throws Exception {
    Path bad = dir.resolve("bad.tok");
    Files.writeString(bad, "let x = 1 GW + $1\nreport x\n");
    StringWriter err = new StringWriter();
    assertEquals(1, run(new StringWriter(), err, "run", bad.toString(), "--format", "xlsx", "--out",
        dir.resolve("bad.xlsx").toString()));
    assertTrue(err.toString().contains("error[TOK300]"), err.toString());
    assertFalse(err.toString().contains("Exception"), err.toString());
    assertFalse(Files.exists(dir.resolve("bad.xlsx")));
  }

  @Test
  void theWorkbookHasNamedInputsFormulasAndAScenarioColumnEach() throws Exception {
    Path book = dir.resolve("two.xlsx");
    StringWriter err = new StringWriter();
    Path model = dir.resolve("m.tok");
    Files.writeString(model, """
        timeline 2026 to 2030 yearly
        param capex_per_gw = $50B/GW
        param capacity = 1 GW
        param margin = 50 %
        let capex = capex_per_gw * capacity
        let revenue = capex / 5 yr / (1 - margin) * active(from: 2028-01)
        report npv = npv(revenue * dt, 8 %, initial: capex) as $B
        scenario cheap { capex_per_gw = $40B/GW }
        """);
    assertEquals(0, run(new StringWriter(), err, "run", model.toString(), "--format", "xlsx", "--out", book.toString(),
        "--scenario", "all"), err.toString());
    try (InputStream in = Files.newInputStream(book); XSSFWorkbook wb = new XSSFWorkbook(in)) {
      assertEquals("Inputs", wb.getSheetName(0));
      assertEquals("Calculations", wb.getSheetName(1));
      assertEquals("Reports", wb.getSheetName(2));
      Sheet inputs = wb.getSheet("Inputs");
      assertEquals("base", inputs.getRow(1).getCell(1).getStringCellValue());
      assertEquals("cheap", inputs.getRow(4).getCell(4).getStringCellValue());
      assertEquals(50.0, inputs.getRow(5).getCell(3).getNumericCellValue(), 1e-12, "$50B/GW is 50 $/W");
      assertEquals(40.0, inputs.getRow(5).getCell(4).getNumericCellValue(), 1e-12);
      assertEquals("Inputs!$B$6", wb.getName("capex_per_gw").getRefersToFormula());
      Sheet calc = wb.getSheet("Calculations");
      Cell capex = null;
      for (org.apache.poi.ss.usermodel.Row r : calc) {
        if (r.getCell(0) != null && r.getCell(0).toString().equals("capex")) {
          capex = r.getCell(2);
        }
      }
      assertEquals("capex_per_gw*capacity", capex.getCellFormula());
      Cell npv = wb.getSheet("Reports").getRow(3).getCell(2);
      assertTrue(npv.getCellFormula().endsWith("/1000000000"), npv.getCellFormula());
      assertEquals(-5.811094182992, npv.getNumericCellValue(), 1e-9, "Tok's value is the cached result");
    }
  }

  /** Under --samples the formulas are the deterministic run's and the statistics are values with comments. */
  @Test
  void aMonteCarloRunWritesItsStatisticsAsCommentedValues() throws Exception {
    Path model = dir.resolve("mc.tok");
    Files.writeString(model, """
        timeline 2026 to 2028 yearly
        param price = uniform($1M/yr, $3M/yr)
        param cost = $4M
        let cash = price * dt
        report npv = npv(cash, 8 %, initial: cost) as $M
        report cash as $M
        report per_year = sum(cash, by: yr) as $M
        """);
    Path book = dir.resolve("mc.xlsx");
    StringWriter err = new StringWriter();
    assertEquals(0, run(new StringWriter(), err, "run", model.toString(), "--format", "xlsx", "--out", book.toString(),
        "--samples", "500", "--seed", "7"), err.toString());
    assertTrue(err.toString().contains("Monte Carlo statistics (500 Monte Carlo samples, seed 7, scenario base)"),
        err.toString());
    StringWriter json = new StringWriter();
    assertEquals(0, run(json, new StringWriter(), "run", model.toString(), "--format", "json", "--samples", "500",
        "--seed", "7"));
    com.fasterxml.jackson.databind.JsonNode npv = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toString())
        .get("runs").get(0).get("reports").get(0);
    try (InputStream in = Files.newInputStream(book); XSSFWorkbook wb = new XSSFWorkbook(in)) {
      Sheet reports = wb.getSheet("Reports");
      assertTrue(reports.getRow(3).getCell(2).getCellFormula().startsWith("'Calculations'!"), "the npv is a formula");
      java.util.Map<String, Cell> stats = new java.util.HashMap<>();
      for (org.apache.poi.ss.usermodel.Row r : reports) {
        if (r.getCell(0) != null && r.getCell(0).toString().startsWith("npv · ")) {
          stats.put(r.getCell(0).toString().substring(6), r.getCell(2));
        }
      }
      assertEquals(java.util.Set.of("mean", "se", "p5", "p50", "p95", "below_zero"), stats.keySet());
      for (String k : stats.keySet()) {
        Cell c = stats.get(k);
        assertEquals(org.apache.poi.ss.usermodel.CellType.NUMERIC, c.getCellType(), k + " is a value");
        assertEquals(npv.get("stats").get(k).asDouble(), c.getNumericCellValue(), 1e-9, k);
        String comment = c.getCellComment().getString().getString();
        assertTrue(comment.contains("500 Monte Carlo samples, seed 7") && comment.contains("Excel has no formula"), comment);
      }
      int perYear = -1;
      for (org.apache.poi.ss.usermodel.Row r : reports) {
        if (r.getCell(0) != null && r.getCell(0).toString().equals("per_year · mean")) {
          perYear = r.getRowNum();
        }
      }
      assertEquals("2028", reports.getRow(perYear - 1).getCell(5).getStringCellValue(), "a roll-up's own group labels");
    }
  }

  /** A roll-up gets its own group columns on the Reports sheet; a family's members are labelled blocks. */
  @Test
  void rollUpsHaveTheirGroupsAndMembersTheirBlocks() throws Exception {
    Path model = dir.resolve("fam.tok");
    Files.writeString(model, """
        timeline 2026-01 to 2027-12 quarterly
        param plan = series([2026-01: $10M, 2027-01: $20M])
        purchase vintage[y in 2026 to 2027 yearly] { amount = plan[y]; at = y; life = 4 yr }
        let spend = -total(vintage.cash)
        report spend as $M
        report by_year = sum(spend, by: yr) as $M
        report depreciation = total(vintage.depreciation) as $M/yr
        """);
    Path book = dir.resolve("fam.xlsx");
    StringWriter err = new StringWriter();
    assertEquals(0, run(new StringWriter(), err, "run", model.toString(), "--format", "xlsx", "--out", book.toString()),
        err.toString());
    try (InputStream in = Files.newInputStream(book); XSSFWorkbook wb = new XSSFWorkbook(in)) {
      Sheet reports = wb.getSheet("Reports");
      org.apache.poi.ss.usermodel.Row byYear = null;
      for (org.apache.poi.ss.usermodel.Row r : reports) {
        if (r.getCell(0) != null && r.getCell(0).toString().equals("by_year")) {
          byYear = r;
        }
      }
      org.apache.poi.ss.usermodel.Row head = reports.getRow(byYear.getRowNum() - 1);
      assertEquals("Roll-up", head.getCell(0).getStringCellValue());
      assertEquals("2026", head.getCell(3).getStringCellValue());
      assertEquals("2027", head.getCell(4).getStringCellValue());
      assertEquals(null, head.getCell(5), "two groups, two columns");
      assertEquals(null, byYear.getCell(5));
      assertEquals(10.0, byYear.getCell(3).getNumericCellValue(), 1e-9);
      assertEquals(20.0, byYear.getCell(4).getNumericCellValue(), 1e-9);
      Sheet calc = wb.getSheet("Calculations");
      java.util.List<String> labels = new java.util.ArrayList<>();
      for (org.apache.poi.ss.usermodel.Row r : calc) {
        if (r.getCell(0) != null) {
          labels.add(r.getCell(0).toString());
        }
      }
      int first = labels.indexOf("vintage[2026]");
      int second = labels.indexOf("vintage[2027]");
      assertTrue(first > 0 && second > first, "a label row per member: " + labels);
      assertTrue(labels.subList(first + 1, second).stream().allMatch(l -> l.startsWith("vintage[2026].") || l.startsWith("↳")),
          "the first member's rows follow its label: " + labels.subList(first, second));
      Sheet inputs = wb.getSheet("Inputs");
      java.util.List<String> names = new java.util.ArrayList<>();
      inputs.forEach(r -> names.add(r.getCell(0) == null ? "" : r.getCell(0).toString()));
      assertTrue(names.indexOf("vintage[2027]") == names.indexOf("vintage[2027].amount") - 1, names.toString());
      for (org.apache.poi.ss.usermodel.Row r : calc) {
        if (r.getCell(0) != null && r.getCell(0).toString().equals("report depreciation")) {
          assertTrue(r.getCell(3).getCellFormula().matches("SUM\\(D\\d+,D\\d+\\)"), r.getCell(3).getCellFormula());
        }
      }
    }
  }
}

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
  void aWorkbookNeedsOutAndNoSamples() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(2, run(out, err, "run", "samples/gigawatt/two_dark_years.tok", "--format", "xlsx"));
    assertTrue(err.toString().contains("--format xlsx writes a workbook: give the file with --out FILE.xlsx"), err.toString());
    err = new StringWriter();
    assertEquals(2, run(out, err, "run", "samples/gigawatt/two_dark_years.tok", "--format", "xlsx", "--out",
        dir.resolve("x.xlsx").toString(), "--samples", "100"));
    assertTrue(err.toString().contains("Monte Carlo statistics are not formulas"), err.toString());
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
}

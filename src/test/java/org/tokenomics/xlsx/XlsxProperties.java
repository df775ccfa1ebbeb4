package org.tokenomics.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.tokenomics.check.CompiledModel;

/**
 * The workbook is the model for any inputs, not just the defaults: a model written from drawn
 * numbers (rates, dates, lags, a timeline's step) is exported and POI's evaluator agrees with Tok
 * on every report, and so it does after a param is changed in the workbook and under --set.
 */
class XlsxProperties {
  @Property(tries = 25)
  void theWorkbookComputesWhatTokComputes(@ForAll @DoubleRange(min = 1, max = 90) double capex,
                                          @ForAll @DoubleRange(min = -0.5, max = 0.5) double growth,
                                          @ForAll @DoubleRange(min = 0.01, max = 0.3) double rate,
                                          @ForAll @IntRange(min = 0, max = 23) int startMonth,
                                          @ForAll @IntRange(min = 0, max = 5) int lag,
                                          @ForAll @IntRange(min = 0, max = 2) int step) throws Exception {
    String timeline = List.of("2026 to 2031 yearly", "2026-01 to 2028-12 quarterly", "2026-01 to 2027-12 monthly").get(step);
    String source = String.format(java.util.Locale.ROOT, """
        timeline %s
        param capex = $%.6fB
        param growth = %.6f
        param rate = %.6f
        param start: date = %04d-%02d
        let revenue = $9B/yr * grow(by: growth, every: yr) * ramp(from: start, over: 9 month)
        let cash = revenue * dt - lag(revenue * dt, %d) * 10 %% + once(-$1B, at: start)
        report cash as $B
        report total = sum(cash, from: start) as $B
        report npv = npv(cash, rate, initial: capex) as $B
        report ratio = max(cash) / (1 + abs(mean(cash) / 1 $B)) as $B
        report back = cumsum(cash) as $B
        """, timeline, capex, growth, rate, 2026 + startMonth / 12, 1 + startMonth % 12, lag);
    Path file = Files.createTempFile("tok-xlsx-prop-", ".tok");
    try {
      Files.writeString(file, source);
      CompiledModel cm = XlsxExport.compile(file, null);
      assertTrue(cm != null, source);
      check(cm, Map.of(), source);
      check(cm, Map.of("capex", "$" + (capex / 2) + "B"), source);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  static void check(CompiledModel cm, Map<String, String> sets, String source) throws Exception {
    Plan plan = XlsxExport.plan(cm, List.of("base"), "base", sets);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    WorkbookWriter.write(plan, bytes, false);
    List<String> problems = new ArrayList<>();
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
      XSSFFormulaEvaluator ev = XSSFFormulaEvaluator.create(wb, null, null);
      for (int i = 0; i < plan.reports.size(); i++) {
        Plan.Report r = plan.reports.get(i);
        if (r.values() == null) {
          continue;
        }
        double scale = Exported.scale(r.values());
        for (int p = 0; p < r.values().length; p++) {
          CellValue v = ev.evaluate(Exported.reportCell(wb, plan, i, r.series() ? p : -1));
          double got = v.getCellType() == CellType.NUMERIC ? v.getNumberValue() : Double.NaN;
          if (!Exported.close(r.values()[p], got, scale)) {
            problems.add(r.name() + "[" + p + "]: Tok " + r.values()[p] + ", POI " + got);
          }
        }
      }
    }
    assertEquals(List.of(), problems, sets + "\n" + source);
  }
}

package org.tokenomics.points;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenomics.Compilation;
import org.tokenomics.Diagnostic;
import org.tokenomics.EvaluationException;
import org.tokenomics.Model;
import org.tokenomics.Scenario;
import org.tokenomics.TestModels;
import org.tokenomics.Tokenomics;
import org.tokenomics.syntax.Diagnostics;
import org.tokenomics.syntax.Printer;
import org.tokenomics.syntax.SourceFile;
import org.tokenomics.syntax.SyntaxParser;
import org.tokenomics.syntax.TokFile;

/** Keyed lists, series, curve, lookup and csv (LANGUAGE.md §11, §12) as a modeler uses them, through the public API. */
class PointsTest {
  @TempDir
  Path dir;

  private static final String PLAN = """
      timeline 2026 to 2029 yearly
      param capex = series([2026: $10B, 2027-07: $20B])
      param p0 = 2 $/GPU/h
      let rent = curve([2026: p0, 2028: 1 $/GPU/h])
      report capex as $B
      report rent as $/GPU/h
      report total = sum(capex) as $B
      scenario late { capex = series([2028: $30B]) }
      scenario flat { capex = $5B }
      """;

  @Test
  void seriesSumsAmountsIntoPeriodsAndScenariosAndSetReplaceIt() {
    Model m = TestModels.compile(PLAN);
    assertArrayEquals(new double[] {10, 20, 0, 0}, m.evaluate().value("capex").series("$B"), 1e-9);
    assertArrayEquals(new double[] {0, 0, 30, 0}, m.evaluate(Scenario.named("late")).value("capex").series("$B"), 1e-9);
    assertArrayEquals(new double[] {5, 5, 5, 5}, m.evaluate(Scenario.named("flat")).value("capex").series("$B"), 1e-9);
    Map<String, String> set = Map.of("capex", "series([2029: $1B, 2029-06: $2B])");
    assertArrayEquals(new double[] {0, 0, 0, 3}, m.evaluate(set).value("capex").series("$B"), 1e-9);
    assertEquals(3, m.evaluate(set).value("total").in("$B"), 1e-9);
  }

  @Test
  void aCurveReadsParamsAndAnOverrideOfThemMovesIt() {
    Model m = TestModels.compile(PLAN);
    assertArrayEquals(new double[] {2, 1.5, 1, 1}, m.evaluate().value("rent").series("$/GPU/h"), 1e-9);
    assertArrayEquals(new double[] {4, 2.5, 1, 1}, m.evaluate(Map.of("p0", "4 $/GPU/h")).value("rent").series("$/GPU/h"), 1e-9);
  }

  @Test
  void lookupIsElementWiseOnASeriesAndFlatBeyondTheEnds() {
    Model m = TestModels.compile("""
        timeline 2026 to 2029 yearly
        let speed = curve([2026: 10 tok/s, 2029: 130 tok/s])
        report tput = lookup(speed, [20 tok/s: 3000 tok/s/GPU, 50 tok/s: 1800 tok/s/GPU, 100 tok/s: 1000 tok/s/GPU]) as tok/s/GPU
        report stepped = lookup(35 tok/s, [20 tok/s: 3000 tok/s/GPU, 50 tok/s: 1800 tok/s/GPU], interpolate: step) as tok/s/GPU
        """);
    // speed: 10, 50, 90, 130 tok/s
    assertArrayEquals(new double[] {3000, 1800, 1160, 1000}, m.evaluate().value("tput").series("tok/s/GPU"), 1e-6);
    assertEquals(3000, m.evaluate().value("stepped").in("tok/s/GPU"), 1e-9);
  }

  @Test
  void solveSeeksAParamInsideACurveAndALookup() {
    Model m = TestModels.compile("""
        timeline 2026 to 2029 yearly
        param p0 = 2 $/GPU/h
        param speed = 35 tok/s
        let rent = curve([2026: p0, 2028: 1 $/GPU/h])
        let tput = lookup(speed, [20 tok/s: 3000 tok/s/GPU, 50 tok/s: 1800 tok/s/GPU, 100 tok/s: 1000 tok/s/GPU])
        solve start_price for p0 so that rent[2027-01] == 2 $/GPU/h within 0.1 $/GPU/h to 10 $/GPU/h
        solve target_speed for speed so that tput == 1500 tok/s/GPU within 20 tok/s to 100 tok/s
        report start_price as $/GPU/h
        report target_speed as tok/s
        """);
    assertEquals(3, m.evaluate().value("start_price").in("$/GPU/h"), 1e-7);
    assertEquals(68.75, m.evaluate().value("target_speed").in("tok/s"), 1e-6);
  }

  @Test
  void sweepSensitivityAndExplainSeeParamsInsidePoints() throws Exception {
    Path model = dir.resolve("s.tok");
    Files.writeString(model, """
        timeline 2026 to 2029 yearly
        param p0 = uniform(1 $/GPU/h, 3 $/GPU/h)
        param speed = 35 tok/s
        let rent = curve([2026: p0, 2028: 1 $/GPU/h], interpolate: log)
        report first_rent = rent[2026-01] as $/GPU/h
        report tput = lookup(speed, [20 tok/s: 3000 tok/s/GPU, 50 tok/s: 1800 tok/s/GPU]) as tok/s/GPU
        """);
    String sweep = cli("sweep", model.toString(), "--vary", "speed=20 tok/s..50 tok/s:3");
    assertTrue(sweep.contains("20,2,3000") && sweep.contains("35,2,2400") && sweep.contains("50,2,1800"), sweep);
    String tornado = cli("sensitivity", model.toString(), "--output", "first_rent");
    assertTrue(tornado.contains("p0") && tornado.contains("swing"), tornado);
    String explain = cli("explain", model.toString(), "first_rent");
    assertTrue(explain.contains("curve([2026: p0") && explain.contains("p0 ="), explain);
  }

  private static String cli(String... args) {
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    int exit = org.tokenomics.cli.Main.execute(args, new java.io.PrintWriter(out), new java.io.PrintWriter(err));
    assertEquals(0, exit, () -> out + "\n" + err);
    return out.toString();
  }

  @Test
  void aStaticModelHasOnePeriodStartingIn2026() {
    Model m = TestModels.compile("report y = curve([2025: 1, 2027: 3])\nreport z = series([2026-03: $1B]) as $B\n");
    assertEquals(2, m.evaluate().value("y").in("1"), 1e-9);
    assertEquals(1, m.evaluate().value("z").in("$B"), 1e-9);
    Model late = TestModels.compile("report z = series([2026-03: $1B, 2027: $5B]) as $B\n");
    EvaluationException e = assertThrows(EvaluationException.class, late::evaluate);
    assertEquals("TOK500", e.diagnostic().code());
    assertEquals(34, e.diagnostic().column());
  }

  @Test
  void keyedListsPrintAndParseBack() {
    String src = "let rent = curve([2026: 2 $/GPU/h, 2028-07: p0], interpolate: log)\n"
        + "let d = csv(\"rents.csv\", column: \"h \\\"100\\\"\")\n";
    TokFile f = new SyntaxParser().parse(new SourceFile("x.tok", src, false), new Diagnostics());
    String printed = Printer.print(f.decls());
    TokFile again = new SyntaxParser().parse(new SourceFile("y.tok", printed, false), new Diagnostics());
    assertEquals(f.decls(), again.decls(), printed);
    assertTrue(printed.contains("2028-07: p0], interpolate: log)"), printed);
  }

  @Test
  void fmtSpacesKeyedListsAndLinesUpAClosingBracket() {
    String src = "param capex = series([\n  2026: $10B,   // first\n  2027-07: $20B,\n])\n"
        + "let x=lookup(5 tok/s,[1 tok/s:2,10 tok/s:3],interpolate:step)\nlet y = x[2026-01]\n";
    String want = "param capex = series([\n    2026: $10B,  // first\n    2027-07: $20B,\n])\n"
        + "let x = lookup(5 tok/s, [1 tok/s: 2, 10 tok/s: 3], interpolate: step)\nlet y = x[2026-01]\n";
    org.tokenomics.syntax.Formatter.Result r = org.tokenomics.syntax.Formatter.format("t.tok", src);
    assertEquals(want, r.text());
    assertEquals(want, org.tokenomics.syntax.Formatter.format("t.tok", want).text(), "stable");
  }

  @Test
  void csvIsReadAtCompileTimeAndAggregatedIntoPeriods() throws Exception {
    Files.writeString(dir.resolve("rents.csv"), "date,h100,note\n2025-Q4,2.60,old\n2026-01,2.40,a\n\"2026-07-15\",\"2.00\",\"b, c\"\n2027,1.70,d\n");
    Path model = dir.resolve("m.tok");
    Files.writeString(model, """
        timeline 2026 to 2028 yearly
        let mean = csv("rents.csv", column: "h100") * 1 $/GPU/h
        let total = csv("rents.csv", column: "h100", aggregate: sum)
        let last = csv("rents.csv", column: "h100", aggregate: last)
        report mean as $/GPU/h
        report total
        report last
        """);
    Model m = Tokenomics.standard().compile(model).model();
    // The file is read once, when the model compiles: deleting it changes nothing.
    Files.delete(dir.resolve("rents.csv"));
    assertArrayEquals(new double[] {2.2, 1.7, 1.7}, m.evaluate().value("mean").series("$/GPU/h"), 1e-12);
    assertArrayEquals(new double[] {4.4, 1.7, 0}, m.evaluate().value("total").series("1"), 1e-12);
    assertArrayEquals(new double[] {2.0, 1.7, 1.7}, m.evaluate().value("last").series("1"), 1e-12);
  }

  @Test
  void csvProblemsAreTok203AtTheDataFilesLineAndColumn() throws Exception {
    Files.writeString(dir.resolve("bad.csv"), "date,h100\n2026-01,2.40\n2026-02,2.3O\n");
    Files.writeString(dir.resolve("short.csv"), "date,h100\n2026-01\n");
    Files.writeString(dir.resolve("dates.csv"), "date,h100\n2026-13,1\n");
    Path model = dir.resolve("m.tok");
    Files.writeString(model, """
        let a = csv("bad.csv", column: "h100")
        let b = csv("short.csv", column: "h100")
        let c = csv("dates.csv", column: "h100")
        let d = csv("bad.csv", column: "h100", aggregate: median)
        report a + b + c + d
        """);
    Compilation c = Tokenomics.standard().compile(model);
    assertFalse(c.ok());
    List<Diagnostic> ds = c.diagnostics();
    Diagnostic bad = ds.stream().filter(d -> d.file().endsWith("bad.csv")).findFirst().orElseThrow();
    assertEquals("TOK203", bad.code());
    assertEquals(3, bad.line());
    assertEquals(9, bad.column());
    assertTrue(ds.stream().anyMatch(d -> d.file().endsWith("short.csv") && d.line() == 2 && d.code().equals("TOK203")), ds.toString());
    assertTrue(ds.stream().anyMatch(d -> d.file().endsWith("dates.csv") && d.line() == 2 && d.message().contains("not a date")), ds.toString());
    assertTrue(ds.stream().anyMatch(d -> d.code().equals("TOK302") && d.line() == 4 && d.message().contains("mean, sum, last")), ds.toString());
  }

  @Test
  void aModelCompiledFromAStringReadsDataAgainstItsRootOrNotAtAll() throws Exception {
    Files.writeString(dir.resolve("r.csv"), "date,x\n2026,3\n");
    String src = "report x = csv(\"r.csv\", column: \"x\")\n";
    assertEquals(3, Tokenomics.builder().root(dir).build().compile("s.tok", src).model().evaluate().value("x").in("1"), 1e-12);
    Compilation none = Tokenomics.standard().compile("s.tok", src);
    assertEquals("TOK202", none.diagnostics().get(0).code());
    // An override never reads a file.
    Model m = Tokenomics.builder().root(dir).build().compile("s.tok", "param p = 1\nreport p\n").model();
    assertThrows(IllegalArgumentException.class, () -> m.evaluate(Map.of("p", "csv(\"r.csv\", column: \"x\")")));
  }

  @Test
  void aDataFileLargerThanTheSourceLimitIsTok600AndBinaryIsNeverEchoed() throws Exception {
    byte[] big = new byte[10 << 20];
    java.util.Arrays.fill(big, (byte) '1');
    Files.write(dir.resolve("big.csv"), big);
    Files.write(dir.resolve("bin.csv"), new byte[] {'d', ',', 'x', '\n', 0, 1, (byte) 0xff, (byte) 0xfe, 7});
    Path model = dir.resolve("m.tok");
    Files.writeString(model, "let a = csv(\"big.csv\", column: \"x\")\nlet b = csv(\"bin.csv\", column: \"x\")\nreport a + b\n");
    List<Diagnostic> ds = Tokenomics.standard().compile(model).diagnostics();
    assertTrue(ds.stream().anyMatch(d -> d.code().equals("TOK600") && d.line() == 1), ds.toString());
    Diagnostic bin = ds.stream().filter(d -> d.file() != null && d.file().endsWith("bin.csv")).findFirst().orElseThrow();
    assertEquals("TOK203", bin.code());
    assertFalse(bin.render().contains("\u0001"), bin.render());
  }

  @Test
  void manyRowsAndHugeKeyedListsCompileAndEvaluate() throws Exception {
    StringBuilder csv = new StringBuilder("date,x\n");
    java.time.LocalDate d = java.time.LocalDate.of(1800, 1, 1);
    for (int i = 0; i < 60_000; i++, d = d.plusDays(1)) {
      csv.append(d).append(',').append(i % 7).append('\n');
    }
    Files.writeString(dir.resolve("rows.csv"), csv);
    StringBuilder list = new StringBuilder("[");
    for (int i = 0; i < 20_000; i++) {
      list.append(i == 0 ? "" : ", ").append(i).append(" tok/s: ").append(i % 13).append(" $");
    }
    Path model = dir.resolve("m.tok");
    Files.writeString(model, "timeline 1800-01 to 1801-12 monthly\nreport x = csv(\"rows.csv\", column: \"x\", aggregate: sum)\n"
        + "report y = lookup(19_998.5 tok/s, " + list + "]) as $\n");
    Model m = Tokenomics.standard().compile(model).model();
    assertEquals(4 * 21 + 3, m.evaluate().value("x").series("1")[0], 1e-9, "January 1800: 31 days of i % 7");
    assertEquals(4.5, m.evaluate().value("y").in("$"), 1e-9); // between 19998 (4 $) and 19999 (5 $)
  }
}

package org.tokenomics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java API of EMBEDDING.md §4, call by call. */
class ApiTest {
  static final String PAYBACK = org.tokenomics.testing.Models.PAYBACK;

  static final Tokenomics TOK = Tokenomics.standard();

  static Model payback() {
    return TOK.compile("payback.tok", PAYBACK).model();
  }

  @Test
  void compilesTextAndEvaluatesTheBaseRun() {
    Compilation c = TOK.compile("payback.tok", PAYBACK);
    assertTrue(c.ok(), () -> c.diagnostics().toString());
    assertEquals("payback.tok", c.file());
    assertTrue(c.diagnostics().stream().noneMatch(Diagnostic::isError));
    Evaluation e = c.model().evaluate();
    assertEquals("base", e.scenario());
    assertEquals(List.of("depreciation", "revenue", "npv"), e.reportNames());
    assertEquals(10.0, e.value("depreciation").in("$B/yr"), 1e-12);
    assertEquals(1e10 / Units.YEAR_SECONDS, e.value("depreciation").in("$/s"), 1e-6);
    assertFalse(e.value("depreciation").isSeries());
    assertTrue(e.value("revenue").isSeries());
    assertArrayEquals(new double[] {0, 0, 20, 20, 20}, e.value("revenue").series("$B/yr"), 1e-9);
    assertEquals(List.of("2026", "2027", "2028", "2029", "2030"), e.value("revenue").periods());
    assertEquals("$B/yr", e.value("revenue").unit());
    // lets and params can be read too, in any unit of their dimension
    assertEquals(50, e.value("capex").in("$B"), 1e-9);
    assertEquals(0.5, e.value("gross_margin").in("1"), 1e-12);
    assertEquals(50, e.value("gross_margin").in("%"), 1e-9);
  }

  @Test
  void compilesAFileWithImportsBesideIt(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("rates.tok"), "param hurdle = 8 %\n");
    Files.writeString(dir.resolve("main.tok"), "import \"rates.tok\"\nreport h = hurdle as %\n");
    Compilation c = TOK.compile(dir.resolve("main.tok"));
    assertTrue(c.ok(), () -> c.diagnostics().toString());
    assertEquals(8, c.model().evaluate().value("h").in("%"), 1e-12);
  }

  @Test
  void aMissingFileIsADiagnosticNotAnException(@TempDir Path dir) {
    Compilation c = TOK.compile(dir.resolve("nope.tok"));
    assertFalse(c.ok());
    assertEquals("TOK202", c.diagnostics().get(0).code());
  }

  @Test
  void paramsListTheOverridableInputs() {
    List<Param> params = payback().params();
    assertEquals(List.of("capex_per_gw", "gross_margin"), params.stream().map(Param::name).toList());
    Param margin = params.get(1);
    assertEquals("", margin.unit());
    assertEquals("50 %", margin.defaultValue());
    assertFalse(margin.uncertain());
    assertEquals("$/W", params.get(0).unit());
  }

  @Test
  void overridesAndScenarios() {
    Model m = payback();
    Evaluation e2 = m.evaluate(Map.of("gross_margin", "60 %"));
    assertArrayEquals(new double[] {0, 0, 25, 25, 25}, e2.value("revenue").series("$B/yr"), 1e-9);
    Evaluation e3 = m.evaluate(Scenario.named("bear"));
    assertEquals("bear", e3.scenario());
    assertEquals(10 / 0.7, e3.value("revenue").series("$B/yr")[4], 1e-9);
    assertEquals(m.evaluate().value("npv").in("$B"), m.evaluate(Scenario.BASE).value("npv").in("$B"), 0);
    assertEquals(List.of("bear"), m.scenarios());
    // the base model is unchanged by overrides
    assertEquals(20, m.evaluate().value("revenue").series("$B/yr")[4], 1e-9);
  }

  @Test
  void assertionsAreResultsNotExceptions() {
    Model m = payback();
    List<AssertionResult> ok = m.evaluate().assertions();
    assertEquals(1, ok.size());
    assertTrue(ok.get(0).ok());
    assertEquals(10, ok.get(0).line());
    AssertionResult failed = m.evaluate(Map.of("gross_margin", "120 %")).assertions().get(0);
    assertFalse(failed.ok());
    assertEquals(1.0, failed.failedShare());
    assertEquals("a gross margin of 100% or more is not a margin", failed.message());
  }

  @Test
  void aWrongDimensionNamesBothDimensions() {
    Value v = payback().evaluate().value("depreciation");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> v.in("$B"));
    assertTrue(e.getMessage().contains("money per time"), e.getMessage());
    assertTrue(e.getMessage().contains("$B is $ (money)"), e.getMessage());
  }

  @Test
  void anUnknownUnitSuggestsOne() {
    Value v = payback().evaluate().value("depreciation");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> v.in("$B/yrr"));
    assertTrue(e.getMessage().contains("did you mean"), e.getMessage());
    assertTrue(e.getMessage().contains("yr"), e.getMessage());
  }

  @Test
  void aScalarIsNotASeriesAndBack() {
    Evaluation e = payback().evaluate();
    IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> e.value("revenue").in("$B/yr"));
    assertTrue(ex.getMessage().contains("series(\"$B/yr\")"), ex.getMessage());
    assertArrayEquals(new double[] {10}, e.value("depreciation").series("$B/yr"), 1e-12);
  }

  @Test
  void anUnknownNameSuggestsOne() {
    Evaluation e = payback().evaluate();
    IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> e.value("revenu"));
    assertTrue(ex.getMessage().contains("did you mean 'revenue'"), ex.getMessage());
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> payback().evaluate(Map.of("gross_margn", "60 %")));
    assertTrue(bad.getMessage().contains("gross_margin"), bad.getMessage());
    IllegalArgumentException scen = assertThrows(IllegalArgumentException.class,
        () -> payback().evaluate(Scenario.named("baer")));
    assertTrue(scen.getMessage().contains("did you mean 'bear'"), scen.getMessage());
  }

  @Test
  void anOverrideOfTheWrongDimensionIsRejected() {
    IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
        () -> payback().evaluate(Map.of("capex_per_gw", "$40B")));
    assertTrue(ex.getMessage().contains("TOK300"), ex.getMessage());
  }

  @Test
  void compileErrorsThrowCompilationExceptionFromModel() {
    Compilation c = TOK.compile("bad.tok", "let revenue = $1/yr\nlet capex = $1\nlet profit = revenue - capex\n");
    assertFalse(c.ok());
    Diagnostic d = c.diagnostics().get(0);
    assertEquals("TOK300", d.code());
    assertEquals(Severity.ERROR, d.severity());
    assertEquals(3, d.line());
    assertEquals(14, d.column());
    assertTrue(d.render().startsWith("bad.tok:3:14: error[TOK300]"), d.render());
    CompilationException ex = assertThrows(CompilationException.class, c::model);
    assertEquals(c.diagnostics(), ex.diagnostics());
    assertTrue(ex.getMessage().contains("TOK300"));
  }

  @Test
  void evaluationErrorsCarryADiagnostic() {
    Model m = TOK.compile("div.tok", "param n = 0\nlet x = 1 / n\nreport x\n").model();
    EvaluationException ex = assertThrows(EvaluationException.class, m::evaluate);
    assertEquals("TOK500", ex.diagnostic().code());
    assertEquals(2, ex.diagnostic().line());
    assertEquals(4, m.evaluate(Map.of("n", "0.25")).value("x").in("1"), 1e-12);
  }

  @Test
  void noSolutionIsTok502() {
    Model m = TOK.compile("irr.tok", """
        timeline 2026 to 2028 yearly
        report r = irr($1B/yr * dt, initial: -$1B) as %
        """).model();
    EvaluationException ex = assertThrows(EvaluationException.class, m::evaluate);
    assertEquals("TOK502", ex.diagnostic().code());
  }

  @Test
  void datesAndConditions() {
    Evaluation e = TOK.compile("d.tok", "param start = 2027-06\nlet late = start > 2027-01\nreport start\nreport late\n")
        .model().evaluate();
    assertEquals("2027-06", e.value("start").asDate());
    assertTrue(e.value("late").asBool());
    assertThrows(IllegalArgumentException.class, () -> e.value("start").asBool());
    assertThrows(IllegalArgumentException.class, () -> e.value("late").in("$"));
  }

  @Test
  void limitsAreEnforced() {
    Tokenomics small = Tokenomics.builder().limits(Limits.DEFAULT.withMaxSourceBytes(100)).build();
    Compilation c = small.compile("big.tok", "let x = 1\n".repeat(20));
    assertFalse(c.ok());
    assertEquals("TOK600", c.diagnostics().get(0).code());
    assertNotNull(small.limits());
  }

  /** Seconds in a year, for unit checks. */
  static final class Units {
    static final double YEAR_SECONDS = 365 * 24 * 3600.0;
  }
}

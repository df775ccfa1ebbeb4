package org.tokenomics.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tokenomics.Compilation;
import org.tokenomics.Diagnostic;
import org.tokenomics.EvaluationException;
import org.tokenomics.Evaluation;
import org.tokenomics.Tokenomics;

/** Plugins a host registers through {@link Tokenomics#builder()}, wired into the compiler. */
class ExplicitPluginsTest {
  static final TokFunction PAYMENT = TokFunction.of("payment", "$M/yr",
      List.of(TokFunction.Parameter.required("principal", "$M"), TokFunction.Parameter.optional("rate", "%", 8),
          TokFunction.Parameter.required("term", "yr")),
      a -> {
        double r = a[1] / 100;
        return a[0] * r / (1 - Math.pow(1 + r, -a[2]));
      });

  static Tokenomics tok(TokFunction... fs) {
    Tokenomics.Builder b = Tokenomics.builder().discoverPlugins(false);
    for (TokFunction f : fs) {
      b.function(f);
    }
    return b.build();
  }

  @Test
  void aJavaFunctionIsCalledInItsDeclaredUnits() {
    Evaluation e = tok(PAYMENT).compile("f.tok", """
        param loan = $1B
        report p = payment(loan, term: 10 yr) as $M/yr
        report q = payment(principal: $100M, rate: 5 %, term: 10 yr) as $M/yr
        """).model().evaluate();
    assertEquals(1000 * 0.08 / (1 - Math.pow(1.08, -10)), e.value("p").in("$M/yr"), 1e-9);
    assertEquals(100 * 0.05 / (1 - Math.pow(1.05, -10)), e.value("q").in("$M/yr"), 1e-9);
    EvaluationException ex = assertThrows(EvaluationException.class,
        () -> tok(PAYMENT).compile("f.tok", "report q = payment($100M, 0 %, 10 yr) as $M/yr\n").model().evaluate());
    assertEquals("TOK500", ex.diagnostic().code()); // 0/0 is NaN: the function's result is checked
    assertTrue(ex.getMessage().contains("payment returned NaN"), ex.getMessage());
  }

  @Test
  void aWrongDimensionIsTok300AtTheArgument() {
    Compilation c = tok(PAYMENT).compile("f.tok", "let p = payment($1B/yr, term: 10 yr)\n");
    assertFalse(c.ok());
    Diagnostic d = c.diagnostics().get(0);
    assertEquals("TOK300", d.code());
    assertEquals(17, d.column());
    assertTrue(d.message().contains("argument principal of payment is $ (money), found $/yr"), d.message());
    assertEquals("payment takes principal in $M", d.help());
  }

  @Test
  void bindingErrorsAreTok302AndUnknownNamesSuggestPlugins() {
    assertEquals("TOK302", tok(PAYMENT).compile("f.tok", "let p = payment($1B)\n").diagnostics().get(0).code());
    assertEquals("TOK302", tok(PAYMENT).compile("f.tok", "let p = payment($1B, term: 1 yr, tem: 2 yr)\n")
        .diagnostics().get(0).code());
    Diagnostic d = tok(PAYMENT).compile("f.tok", "let p = paymnt($1B, term: 1 yr)\n").diagnostics().get(0);
    assertEquals("TOK200", d.code());
    assertTrue(d.help().contains("payment"), d.help());
    assertEquals("TOK302", tok(PAYMENT).compile("f.tok", "let p = payment(2027-01, term: 1 yr)\n")
        .diagnostics().get(0).code());
  }

  @Test
  void seriesArgumentsGiveASeriesAndConstantsFold() {
    AtomicInteger calls = new AtomicInteger();
    TokFunction twice = TokFunction.of("twice", "$/yr", List.of(TokFunction.Parameter.required("x", "$/yr")), a -> {
      calls.incrementAndGet();
      return 2 * a[0];
    });
    Compilation c = tok(twice).compile("s.tok", """
        timeline 2026 to 2028 yearly
        let r = $1/yr * (year - 2025)
        report s = twice(r) as $/yr
        report k = twice($5/yr) as $/yr
        """);
    int atCompile = calls.get();
    assertEquals(1, atCompile); // twice($5/yr) folded once at compile time
    Evaluation e = c.model().evaluate();
    assertTrue(e.value("s").isSeries());
    assertArrayEquals(new double[] {2, 4, 6}, e.value("s").series("$/yr"), 1e-12);
    assertEquals(10, e.value("k").in("$/yr"), 1e-12);
    assertEquals(atCompile + 3, calls.get());
  }

  @Test
  void anExceptionInTheFunctionIsTok500() {
    TokFunction boom = TokFunction.of("boom", "1", List.of(), a -> {
      throw new IllegalStateException("no data");
    });
    EvaluationException ex = assertThrows(EvaluationException.class,
        () -> tok(boom).compile("b.tok", "param k = 1\nreport x = boom() * k\n").model().evaluate());
    assertEquals("TOK500", ex.diagnostic().code());
    assertTrue(ex.getMessage().contains("boom failed: no data"), ex.getMessage());
  }

  @Test
  void aBadDeclaredUnitIsADiagnostic() {
    TokFunction bad = TokFunction.of("bad", "furlong", List.of(), a -> 1);
    Diagnostic d = tok(bad).compile("b.tok", "let x = bad()\n").diagnostics().get(0);
    assertEquals("TOK301", d.code());
    assertTrue(d.message().contains("declares its result in 'furlong'"), d.message());
  }

  @Test
  void invalidOrClashingFunctionsAreRejectedAtBuild() {
    TokFunction npv = TokFunction.of("npv", "1", List.of(), a -> 1);
    assertThrows(IllegalArgumentException.class, () -> tok(npv));
    TokFunction other = TokFunction.of("payment", "1", List.of(), a -> 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tok(PAYMENT, other));
    assertTrue(e.getMessage().contains("two plugins provide the Tok function payment"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TokFunction.Parameter.required("a b", "1"));
  }

  @Test
  void aUserFunctionOfTheSameNameWins() {
    Evaluation e = tok(PAYMENT).compile("u.tok", "fn payment(x) = x * 2\nreport y = payment(3)\n").model().evaluate();
    assertEquals(6, e.value("y").in("1"), 0);
  }

  @Test
  void modulesUnitsAndReporters() {
    TokReporter lines = new TokReporter() {
      @Override
      public String format() {
        return "lines";
      }

      @Override
      public String render(RunReport report) {
        return report.runs().size() + " run";
      }
    };
    Tokenomics tok = Tokenomics.builder().discoverPlugins(false)
        .module(TokModule.of("acme", Map.of("chips", "param acme_chip_power = 1 kW/GPU\n")))
        .units(TokUnits.of(UnitDefinition.derived("rack", "72 GPU"), UnitDefinition.base("widget"),
            UnitDefinition.derived("MMBtu", 1.055056e9, "J")))
        .reporter(lines)
        .build();
    Evaluation e = tok.compile("m.tok", """
        import "acme:chips"
        let racks = 10 rack
        let rack_power = acme_chip_power * 1 rack
        param widgets = 3 widget
        report racks as GPU
        report rack_power as kW
        report w = widgets / 1 widget
        report heat = 2 MMBtu as GJ
        """).model().evaluate();
    assertEquals(720, e.value("racks").in("GPU"), 1e-9);
    assertEquals(10, e.value("racks").in("rack"), 1e-9);
    assertEquals(72, e.value("rack_power").in("kW"), 1e-9);
    assertEquals(3, e.value("w").in("1"), 0);
    assertEquals(2.110112, e.value("heat").in("GJ"), 1e-9);
    assertEquals("1 run", tok.reporter("lines").orElseThrow().render(new RunReport("f", List.of(),
        List.of(new RunReport.Run("base", 0, List.of(), List.of())), List.of())));
    assertTrue(tok.reporterFormats().contains("lines"));
    Diagnostic missing = tok.compile("m.tok", "import \"acme:nope\"\n").diagnostics().get(0);
    assertEquals("TOK202", missing.code());
    Diagnostic clash = tok.compile("m.tok", "unit rack\n").diagnostics().get(0);
    assertEquals("TOK201", clash.code());
  }

  @Test
  void stdModulesComeFromTheLibraryFirst() {
    Tokenomics tok = Tokenomics.builder().discoverPlugins(false)
        .module(TokModule.of("std", Map.of("chips", "this is not Tok", "extra", "let extra_value = 7\n"))).build();
    Compilation c = tok.compile("s.tok", "import \"std:chips\"\nimport \"std:extra\"\nreport extra_value\n");
    assertTrue(c.ok(), () -> c.diagnostics().toString());
    assertEquals(7, c.model().evaluate().value("extra_value").in("1"), 0);
  }

  @Test
  void reportersMayNotTakeBuiltInFormats() {
    TokReporter json = new TokReporter() {
      @Override
      public String format() {
        return "json";
      }

      @Override
      public String render(RunReport report) {
        return "";
      }
    };
    assertThrows(IllegalArgumentException.class, () -> Tokenomics.builder().reporter(json).build());
  }

  @Test
  void theRunReportViewIsImmutable() {
    double[] values = {1, 2};
    RunReport.Report r = new RunReport.Report("x", "$", true, values, null, Map.of("p5", new double[] {0.5, 1}));
    values[0] = 99;
    r.values()[1] = 99;
    r.stats().get("p5")[0] = 99;
    assertArrayEquals(new double[] {1, 2}, r.values(), 0);
    assertArrayEquals(new double[] {0.5, 1}, r.stats().get("p5"), 0);
  }
}

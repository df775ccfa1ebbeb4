package org.tokenomics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tokenomics.syntax.Printer;
import org.tokenomics.syntax.SourceFile;
import org.tokenomics.syntax.SyntaxParser;

/** Param domains (LANGUAGE.md §16) through the API: defaults, overrides, ends, derived values, printing. */
class DomainsTest {
  private static final String MODEL = """
      param utilization = 70 % within 0 % to 100 %
      param life = 5 yr within 3 yr to 8 yr
      param rent = uniform(1.5 $/GPU/h, 2.5 $/GPU/h) within 1 $/GPU/h to 4 $/GPU/h
      let earned = rent * utilization
      report earned as $/GPU/h
      """;

  @Test
  void overridesInsideTheDomainIncludingItsEndsAreAccepted() {
    Model m = TestModels.compile(MODEL);
    assertEquals(2.0, m.evaluate(Map.of("utilization", "100 %")).value("earned").in("$/GPU/h"), 1e-12);
    assertEquals(0, m.evaluate(Map.of("utilization", "0 %")).value("earned").in("$/GPU/h"), 1e-12);
    assertEquals(2.8, m.evaluate(Map.of("rent", "4 $/GPU/h")).value("earned").in("$/GPU/h"), 1e-12);
  }

  @Test
  void anOverrideOutsideTheDomainNamesIt() {
    Model m = TestModels.compile(MODEL);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> m.evaluate(Map.of("utilization", "120 %")));
    assertTrue(e.getMessage().contains("utilization = 120 % is outside its domain 0 % to 100 %"), e.getMessage());
    // A distribution override is checked at its median; its draws are not clipped.
    assertThrows(IllegalArgumentException.class, () -> m.evaluate(Map.of("rent", "uniform(5 $/GPU/h, 6 $/GPU/h)")));
    Simulation s = m.simulate(Map.of("rent", "uniform(0.5 $/GPU/h, 5 $/GPU/h)"), 2_000, 1L);
    assertTrue(s.quantile("earned", 0.01).in("$/GPU/h") < 0.7, "draws below the domain are kept");
  }

  @Test
  void aComputedValueIsCheckedWhenItIsEvaluated() {
    Model m = TestModels.compile("""
        param base_price = $3/Mtok
        param discount = 10 %
        param price = base_price * (1 - discount) within $1.5/Mtok to $5/Mtok
        report price as $/Mtok
        """);
    assertEquals(2.7, m.evaluate().value("price").in("$/Mtok"), 1e-12);
    EvaluationException e = assertThrows(EvaluationException.class, () -> m.evaluate(Map.of("discount", "60 %")));
    assertEquals("TOK302", e.diagnostic().code());
    assertTrue(e.diagnostic().message().contains("price = $1.2/Mtok is outside its domain $1.5/Mtok to $5/Mtok"),
        e.diagnostic().message());
  }

  @Test
  void aDomainOnAParamThatIsNotASingleNumberIsRefused() {
    Compilation c = TestModels.TOK.compile("x.tok", """
        timeline 2026 to 2028 yearly
        param growth = ramp(from: 2026, to: 2028) within 0 to 1
        param start = 2026-01 within 2026-01 to 2027-01
        report growth
        """);
    List<String> codes = c.diagnostics().stream().map(Diagnostic::code).toList();
    assertEquals(List.of("TOK302", "TOK302"), codes, c.diagnostics().toString());
  }

  @Test
  void thePrinterAndTheFormatterKeepTheDomain() {
    String src = "param   life = 5 yr   within 3 yr to 8 yr\nreport life as yr\n";
    var file = new SourceFile("x.tok", src, false);
    var ast = new SyntaxParser().parse(file, new org.tokenomics.syntax.Diagnostics());
    String printed = Printer.print(ast.decls());
    assertTrue(printed.contains("param life = 5 yr within 3 yr to 8 yr"), printed);
    assertEquals(5, TestModels.compile(printed).evaluate().value("life").in("yr"), 1e-12);
    String formatted = org.tokenomics.syntax.Formatter.format("x.tok", src).text();
    assertEquals("param life = 5 yr within 3 yr to 8 yr\nreport life as yr\n", formatted);
  }

  @Test
  void explainShowsTheDomain() {
    java.io.StringWriter out = new java.io.StringWriter();
    int exit = org.tokenomics.cli.Main.execute(new String[] {"explain", "samples/testing/guarantee_corner.tok", "per_used"},
        new java.io.PrintWriter(out), new java.io.PrintWriter(new java.io.StringWriter()));
    assertEquals(0, exit, out.toString());
    assertTrue(out.toString().contains("within 20 % to 100 %"), out.toString());
    assertTrue(out.toString().contains("within $10k/chip to $25k/chip"), out.toString());
  }

  @Test
  void sweepBoundsOutsideTheDomainAreRefused() {
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    int exit = org.tokenomics.cli.Main.execute(new String[] {"sweep", "samples/testing/guarantee_corner.tok",
        "--vary", "usage=10 %..50 %:3"}, new java.io.PrintWriter(out), new java.io.PrintWriter(err));
    assertEquals(1, exit, out + "\n" + err);
    assertTrue((out + "" + err).contains("usage = 10 % is outside its domain 20 % to 100 %"), out + "\n" + err);
  }
}

package org.tokenomics.finance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokenomics.Compilation;
import org.tokenomics.Diagnostic;
import org.tokenomics.Evaluation;
import org.tokenomics.Severity;
import org.tokenomics.Tok;

/** Where cash sits inside a period (LANGUAGE.md §14) and the warning about first-day amounts. */
class TimingTest {
  @Test
  void npvAtTheEndMiddleOrStartOfEachPeriod() {
    Evaluation e = Tok.eval("timeline 2026 to 2027 yearly\nlet a = $100/yr * dt\n"
        + "report e = npv(a, 10 %)\nreport at_mid = npv(a, 10 %, timing: mid)\nreport at_start = npv(a, 10 %, timing: start)\n"
        + "report i = npv(a, 10 %, initial: $150, timing: mid)");
    assertEquals(100 / 1.1 + 100 / 1.21, e.value("e").in("$"), 1e-9);
    assertEquals(100 / Math.sqrt(1.1) + 100 / Math.pow(1.1, 1.5), e.value("at_mid").in("$"), 1e-9);
    assertEquals(100 + 100 / 1.1, e.value("at_start").in("$"), 1e-9);
    assertEquals(e.value("at_mid").in("$") - 150, e.value("i").in("$"), 1e-9, "initial stays at the timeline's start");
  }

  @Test
  void irrUnderEachTiming() {
    Evaluation e = Tok.eval("timeline 2026 to 2027 yearly\nlet a = $100/yr * dt\n"
        + "report at_start = irr(a, initial: $150, timing: start)\nreport at_mid = irr(a, initial: $150, timing: mid)");
    assertEquals(100, e.value("at_start").in("%"), 1e-6); // -150 + 100 + 100 / (1 + r) = 0
    double r = e.value("at_mid").in("") ;
    assertEquals(150, 100 / Math.sqrt(1 + r) + 100 / Math.pow(1 + r, 1.5), 1e-6);
  }

  @Test
  void paybackUnderMidAndStartIsAPointWhereCashArrives() {
    String flows = "timeline 2026 to 2029 yearly\nlet a = $40/yr * dt\n";
    Evaluation e = Tok.eval(flows + "report e = payback(a, initial: $100)\nreport at_mid = payback(a, initial: $100, timing: mid)\n"
        + "report at_start = payback(a, initial: $100, timing: start)");
    assertEquals(2.5, e.value("e").in("yr"), 1e-9, "end: the third year's amount flows evenly through it");
    assertEquals(2.5, e.value("at_mid").in("yr"), 1e-9, "mid: the third amount arrives in mid-2028");
    assertEquals(2, e.value("at_start").in("yr"), 1e-9, "start: the third amount arrives on 2028-01-01");
    // cash that dips below zero again: payback is when it stays non-negative
    Evaluation dip = Tok.eval("timeline 2026 to 2029 yearly\nlet a = if year == 2027 then -$50 else $60\n"
        + "report at_start = payback(a, initial: $50, timing: start)");
    assertEquals(2, dip.value("at_start").in("yr"), 1e-9);
  }

  @Test
  void checkAndRunShowTheWarningAndExitZero(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path f = dir.resolve("lease.tok");
    java.nio.file.Files.writeString(f, "timeline 2026 to 2030 yearly\nlet flows = $13B/yr * dt - once($50B, at: 2026-01)\n"
        + "report v = npv(flows, 8 %) as $B\n");
    java.io.StringWriter out = new java.io.StringWriter();
    int exit = org.tokenomics.cli.Main.execute(new String[] {"check", f.toString()}, new java.io.PrintWriter(out),
        new java.io.PrintWriter(new java.io.StringWriter()));
    assertEquals(0, exit, out.toString());
    assertTrue(out.toString().contains("warning[TOK700]") && out.toString().contains(": ok"), out.toString());
    java.io.StringWriter json = new java.io.StringWriter();
    exit = org.tokenomics.cli.Main.execute(new String[] {"run", f.toString(), "--format", "json"}, new java.io.PrintWriter(json),
        new java.io.PrintWriter(new java.io.StringWriter()));
    assertEquals(0, exit);
    var d = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toString()).get("diagnostics").get(0);
    assertEquals("warning", d.get("severity").asText());
    assertEquals("TOK700", d.get("code").asText());
    assertEquals(3, d.get("line").asInt());
  }

  @Test
  void aFirstDayAmountInAYearlyTimelineIsAWarningNotAnError() {
    String model = "timeline 2026 to 2030 yearly\nparam start = 2026-01\n"
        + "purchase build { amount = $50B; at = start; life = 5 yr }\n"
        + "let flows = $13B/yr * dt + build.cash\nreport v = npv(flows, 8 %) as $B\n";
    Compilation c = Tok.compile(model);
    assertTrue(c.ok());
    List<Diagnostic> warnings = c.diagnostics().stream().filter(d -> d.severity() == Severity.WARNING).toList();
    assertEquals(1, warnings.size(), c.diagnostics().toString());
    assertEquals("TOK700", warnings.get(0).code());
    assertEquals(5, warnings.get(0).line());
    assertTrue(warnings.get(0).help().contains("initial:"), warnings.get(0).help());
    // where the amount sits is explicit, or the timeline is monthly: no warning
    for (String fine : List.of(model.replace("npv(flows, 8 %)", "npv(flows, 8 %, timing: start)"),
        model.replace("yearly", "monthly"), model.replace("param start = 2026-01", "param start = 2027-01"))) {
      assertTrue(Tok.compile(fine).diagnostics().isEmpty(), fine);
    }
  }
}

package org.tokenomics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command's --help, tok alone, and sweep's chosen columns and n/a cells. */
class HelpAndSweepColumnsTest {
  @ParameterizedTest
  @ValueSource(strings = {"run", "check", "explain", "fmt", "sweep", "sensitivity", "chart", "lsp"})
  void everyCommandHasHelpWithExamples(String command) {
    UncertaintyCommandsTest.Out o = UncertaintyCommandsTest.tok(command, "--help");
    assertEquals(0, o.code(), o.err());
    assertEquals("", o.err());
    assertTrue(o.out().startsWith("Usage: tok " + command), o.out());
    assertTrue(o.out().contains("\nExamples:\n  tok " + command), o.out());
    String examples = o.out().substring(o.out().indexOf("\nExamples:\n") + 11);
    assertTrue(examples.lines().allMatch(l -> l.startsWith("  tok " + command)), "one line each:\n" + examples);
    // every option and parameter says what it is
    var spec = Main.commandLine(new String[0]).getSubcommands().get(command).getCommandSpec();
    spec.options().forEach(opt -> assertTrue(opt.description().length > 0, opt.longestName()));
    spec.positionalParameters().forEach(p -> assertTrue(p.description().length > 0, p.paramLabel()));
  }

  @Test
  void tokAloneIsAUsageError() {
    UncertaintyCommandsTest.Out o = UncertaintyCommandsTest.tok();
    assertEquals(2, o.code());
    assertEquals("", o.out());
    assertTrue(o.err().startsWith("Usage: tok [-hV] [COMMAND]"), o.err());
  }

  static final String PAYBACK = """
      timeline 2026 to 2030 yearly
      param price = $10/yr
      param capex = $30
      let inflows = price * dt
      report irr = irr(inflows, initial: capex) as %
      report payback_time = payback(inflows, initial: capex) as yr
      report total = sum(inflows) as $
      """;

  @Test
  void aReportWithoutAValueAtSomePointsIsNotAvailableThereOnly(@TempDir Path dir) throws IOException {
    Path f = Files.writeString(dir.resolve("p.tok"), PAYBACK);
    UncertaintyCommandsTest.Out o = UncertaintyCommandsTest.tok("sweep", f.toString(), "--vary", "price=$2/yr..$10/yr:3");
    assertEquals(0, o.code(), o.err());
    List<String> rows = o.out().lines().toList();
    assertEquals("price ($/yr),irr (%),payback_time (yr),total ($),error", rows.get(0));
    assertTrue(rows.get(1).matches("2,-28\\.15\\d+,n/a,10,TOK502: no payback.*"), rows.get(1));
    assertEquals("10,19.8577097873,3,50,", rows.get(3));
    assertTrue(o.err().startsWith("tok: payback_time is n/a at 1 of 3 points; the first: TOK502 no payback"), o.err());
  }

  @Test
  void outputChoosesTheColumns(@TempDir Path dir) throws IOException {
    Path f = Files.writeString(dir.resolve("p.tok"), PAYBACK);
    UncertaintyCommandsTest.Out o = UncertaintyCommandsTest.tok("sweep", f.toString(), "--vary", "price=$2/yr..$10/yr:3",
        "--output", "total,irr");
    assertEquals(0, o.code(), o.err());
    assertEquals(List.of("price ($/yr),total ($),irr (%)", "2,10,-28.1506936238", "6,30,0", "10,50,19.8577097873"),
        o.out().lines().toList());
    assertEquals("", o.err(), "payback_time is not shown, so its gaps are not mentioned");
    UncertaintyCommandsTest.Out json = UncertaintyCommandsTest.tok("sweep", f.toString(), "--vary", "price=$2/yr..$10/yr:3",
        "--output", "payback_time", "--format", "json");
    assertTrue(json.json().get("points").get(0).get("reports").get("payback_time").isNull());
    assertEquals(1, json.json().get("reports").size());
    UncertaintyCommandsTest.Out bad = UncertaintyCommandsTest.tok("sweep", f.toString(), "--vary", "price=$2/yr..$10/yr:3",
        "--output", "npv");
    assertEquals(2, bad.code());
    assertEquals("tok: --output npv is not a report; the reports are: irr, payback_time, total\n", bad.err());
  }
}

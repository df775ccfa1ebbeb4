package org.tokenomics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --scenario all on a model with series: the scalars side by side, then each scenario's series. */
class ScenarioComparisonTest {
  static final String MODEL = """
      timeline 2026 to 2028 yearly
      param margin = 50 %
      let revenue = if year >= 2027 then $10B/yr * (1 + margin) else $0/yr
      report revenue as $B/yr
      report total = sum(revenue * dt) as $B
      report margin as %
      scenario bear { margin = 20 % }
      """;

  @Test
  void tableComparesScalarsInOneTable(@TempDir Path dir) throws IOException {
    Path f = Files.writeString(dir.resolve("m.tok"), MODEL);
    UncertaintyCommandsTest.Out o = UncertaintyCommandsTest.tok("run", f.toString(), "--scenario", "all");
    assertEquals(0, o.code(), o.err());
    String[] lines = o.out().split("\n");
    assertTrue(lines[0].matches("\\s+base\\s+bear\\s*"), o.out());
    assertTrue(lines[1].matches("\\s*-+"), o.out());
    assertTrue(lines[2].matches("\\s*total\\s+\\$30\\.00B\\s+\\$24\\.00B"), o.out());
    assertTrue(lines[3].matches("\\s*margin\\s+50 %\\s+20 %"), o.out());
    int base = o.out().indexOf("== scenario base ==");
    int bear = o.out().indexOf("== scenario bear ==");
    assertTrue(base > 0 && bear > base, o.out());
    assertTrue(o.out().substring(base).contains("revenue"), "each scenario's series follow");
    assertEquals(1, o.out().split("total", -1).length - 1, "the scalars are not repeated per scenario");
  }

  @Test
  void scalarScenariosListEachAssertionOnceNamingWhereItFails(@TempDir Path dir) throws IOException {
    Path f = Files.writeString(dir.resolve("a.tok"), """
        param margin = 50 %
        report margin as %
        assert margin > 30 % "margin above 30 %"
        assert margin > 0 % "margin positive"
        scenario bear { margin = 20 % }
        scenario bust { margin = 10 % }
        """);
    UncertaintyCommandsTest.Out o = UncertaintyCommandsTest.tok("run", f.toString(), "--scenario", "all");
    assertEquals(1, o.code(), o.out());
    assertTrue(o.out().contains("  FAILED line 3: margin above 30 % (in bear, bust)\n"), o.out());
    assertTrue(o.out().contains("  ok     line 4: margin positive\n"), o.out());
    assertEquals(1, o.out().split("margin positive", -1).length - 1, "each assertion once, not once per scenario");
  }

  @Test
  void anErrorOnlyAScenarioMeetsNamesTheScenario(@TempDir Path dir) throws IOException {
    Path f = Files.writeString(dir.resolve("p.tok"), """
        timeline 2026 to 2030 yearly
        param price = $10/yr
        let inflows = price * dt
        report payback_time = payback(inflows, initial: $30) as yr
        scenario slump { price = $2/yr }
        """);
    UncertaintyCommandsTest.Out o = UncertaintyCommandsTest.tok("run", f.toString(), "--scenario", "all");
    assertEquals(1, o.code(), o.out());
    assertTrue(o.out().contains("error[TOK502]: no payback: cumulative cash is still negative at the end of the timeline"
        + " (in scenario slump)"), o.out() + o.err());
    assertEquals(1, (o.out() + o.err()).split("TOK502").length - 1, "the base evaluates: one error, the scenario's");
  }

  @Test
  void htmlComparesScalarsInOneTable(@TempDir Path dir) throws IOException {
    Path f = Files.writeString(dir.resolve("m.tok"), MODEL);
    UncertaintyCommandsTest.Out o = UncertaintyCommandsTest.tok("run", f.toString(), "--scenario", "all", "--format", "html");
    assertEquals(0, o.code(), o.err());
    String html = o.out();
    int compared = html.indexOf("<h2>Scenarios compared</h2>");
    assertTrue(compared > 0, html);
    assertTrue(html.indexOf("<tr><th>report</th><th>base</th><th>bear</th></tr>", compared) > 0, html);
    assertTrue(html.indexOf("<tr><td>total</td>", compared) > 0, html);
    assertEquals(1, html.split("<td>total</td>", -1).length - 1, "the scalars appear once");
  }
}

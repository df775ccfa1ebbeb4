package org.tokenomics.time;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenomics.Evaluation;
import org.tokenomics.Model;
import org.tokenomics.Simulation;
import org.tokenomics.Tok;
import org.tokenomics.Value;
import org.tokenomics.cli.Main;

/** Roll-ups of reports by year or quarter (LANGUAGE.md §13). */
class RollUpProperties {
  private static final String[] STEPS = {"quarterly", "monthly"};

  /** Whatever the timeline's span and step, the years' totals add up to the whole sum. */
  @Property(tries = 60)
  void yearlyTotalsAddUpToTheSum(@ForAll @IntRange(min = 0, max = 1) int step,
                                 @ForAll @IntRange(min = 1, max = 12) int startMonth,
                                 @ForAll @IntRange(min = 1, max = 40) int months,
                                 @ForAll @DoubleRange(min = -50, max = 50) double a,
                                 @ForAll @DoubleRange(min = -5, max = 5) double b) {
    int end = startMonth - 1 + months;
    String timeline = String.format("timeline 2026-%02d to %04d-%02d %s", startMonth, 2026 + end / 12, end % 12 + 1,
        STEPS[step]);
    Evaluation e = Tok.eval(timeline + "\nlet x = $1M/yr * (" + a + " + " + b + " * period) * dt\n"
        + "report per_year = sum(x, by: yr) as $M\nreport per_q = sum(x, by: quarter) as $M\nreport all = sum(x) as $M");
    double total = e.value("all").in("$M");
    double tol = 1e-9 * (1 + Math.abs(total) + Math.abs(a) + Math.abs(b) * months);
    assertEquals(total, sum(e.value("per_year").series("$M")), tol);
    assertEquals(total, sum(e.value("per_q").series("$M")), tol);
    List<String> years = e.value("per_year").periods();
    assertEquals(years.get(0), "2026");
    assertEquals(e.value("per_year").series("$M").length, years.size());
  }

  private static double sum(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s;
  }

  @Test
  void eachReductionPerGroupWithPartialFirstAndLastYears() {
    Evaluation e = Tok.eval("timeline 2026-10 to 2028-03 monthly\nlet x = period\n"
        + "report total = sum(x, by: yr)\nreport avg = mean(x, by: yr)\nreport lo = min(x, by: quarter)\n"
        + "report hi = max(x, by: quarter)\nreport fst = first(x, by: yr)\nreport lst = last(x, by: yr)");
    assertEquals(List.of("2026", "2027", "2028"), e.value("total").periods());
    assertArrayEquals(new double[] {0 + 1 + 2, 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10 + 11 + 12 + 13 + 14, 15 + 16 + 17},
        e.value("total").series(""), 0);
    assertArrayEquals(new double[] {1, 8.5, 16}, e.value("avg").series(""), 1e-12);
    assertEquals(List.of("2026-Q4", "2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4", "2028-Q1"), e.value("lo").periods());
    assertArrayEquals(new double[] {0, 3, 6, 9, 12, 15}, e.value("lo").series(""), 0);
    assertArrayEquals(new double[] {2, 5, 8, 11, 14, 17}, e.value("hi").series(""), 0);
    assertArrayEquals(new double[] {0, 3, 15}, e.value("fst").series(""), 0);
    assertArrayEquals(new double[] {2, 14, 17}, e.value("lst").series(""), 0);
  }

  @Test
  void monteCarloGivesStatisticsPerYearAndScenariosRollUpToo() {
    Model m = Tok.model("timeline 2026-01 to 2027-12 monthly\nparam g = uniform(0 %, 4 %)\n"
        + "let revenue = $1B/yr * grow(by: g, every: month)\nreport per_year = sum(revenue * dt, by: yr) as $B\n"
        + "scenario flat { g = 0 % }");
    Simulation s = m.simulate(500, 7);
    Value mean = s.mean("per_year");
    assertEquals(List.of("2026", "2027"), mean.periods());
    assertEquals(2, mean.series("$B").length);
    assertTrue(mean.series("$B")[1] > mean.series("$B")[0]);
    Evaluation flat = m.evaluate(org.tokenomics.Scenario.named("flat"), java.util.Map.of());
    assertArrayEquals(new double[] {1, 1}, flat.value("per_year").series("$B"), 1e-12);
    Evaluation set = m.evaluate(java.util.Map.of("g", "0 %"));
    assertArrayEquals(new double[] {1, 1}, set.value("per_year").series("$B"), 1e-12);
  }

  @Test
  void jsonCsvAndTableShowTheGroups(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("m.tok");
    Files.writeString(f, "timeline 2026-01 to 2027-06 monthly\nlet x = $1M/yr * dt\nreport x as $M\n"
        + "report per_year = sum(x, by: yr) as $M\nreport per_q = sum(x, by: quarter) as $M\n");
    JsonNode json = new ObjectMapper().readTree(run(f, "--format", "json"));
    JsonNode reports = json.get("runs").get(0).get("reports");
    assertEquals("[\"2026\",\"2027\"]", reports.get(1).get("periods").toString());
    assertEquals(12.0 / 12, reports.get(1).get("values").get(0).asDouble(), 1e-12);
    assertEquals(0.5, reports.get(1).get("values").get(1).asDouble(), 1e-12, "2027 has six months");
    assertEquals(6, reports.get(2).get("periods").size());
    String csv = run(f, "--format", "csv");
    assertTrue(csv.contains("base,per_year,2027,0.5,$M"), csv);
    assertTrue(csv.contains("base,per_q,2027-Q2,0.25,$M"), csv);
    String html = run(f, "--format", "html");
    assertTrue(html.contains("<th>2026</th><th>2027</th>") && html.contains("<th>2027-Q2</th>"), "a table per set of periods");
    String table = run(f);
    assertTrue(table.contains("2026-Q1  2026-Q2"), table);
    assertTrue(table.matches("(?s).*2026\\s+2027\\s*\\n.*per_year \\(\\$M\\)\\s+1\\s+0\\.5.*"), table);
  }

  private static String run(Path f, String... options) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] args = new String[options.length + 2];
    args[0] = "run";
    args[1] = f.toString();
    System.arraycopy(options, 0, args, 2, options.length);
    int exit = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    assertEquals(0, exit, err.toString());
    return out.toString();
  }

  @Test
  void rollUpsStandOnlyAsAWholeReportNoFinerThanThePeriods() {
    assertEquals(List.of("TOK302"), Tok.codes("timeline 2026 to 2028 yearly\nreport q = sum(dt, by: quarter)"));
    assertEquals(List.of("TOK302"), Tok.codes("timeline 2026 to 2028 monthly\nreport q = 2 * sum(dt, by: yr)"));
    assertEquals(List.of("TOK302"), Tok.codes("timeline 2026 to 2028 monthly\nlet q = sum(dt, by: yr)"));
    assertEquals(List.of("TOK302"), Tok.codes("timeline 2026 to 2028 monthly\nreport q = sum(dt, by: yr)\nlet z = q"));
    assertEquals(List.of("TOK302"), Tok.codes("timeline 2026 to 2028 monthly\nreport q = sum(dt, by: month)"));
    assertEquals(List.of("TOK302"), Tok.codes("report q = sum(dt, by: yr)"));
    assertEquals(List.of("TOK302"), Tok.codes("timeline 2026 to 2028 monthly\nreport q = sum(dt, from: 2027-01, by: yr)"));
  }
}

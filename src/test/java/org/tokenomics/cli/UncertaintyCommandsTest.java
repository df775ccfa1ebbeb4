package org.tokenomics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Example tests of run --samples, sweep, sensitivity and explain, through the command line. */
class UncertaintyCommandsTest {
  static final String MODEL = """
      timeline 2026 to 2030 yearly
      param capex_per_gw = uniform($40B/GW, $60B/GW)
      param life         = triangular(4 yr, 5 yr, 7 yr)
      param gross_margin = 50 %
      param discount     = normal(8 %, 1 %)
      let capex        = capex_per_gw * 1 GW
      let depreciation = capex / life
      let revenue      = if year >= 2028 then depreciation / (1 - gross_margin) else $0/yr
      report depreciation as $B/yr
      report revenue as $B/yr
      report npv = npv(revenue * dt, discount, initial: capex) as $B
      assert life < 6.5 yr "life under 6.5 years"
      scenario long { life = 10 yr }
      """;

  @TempDir
  static Path dir;
  static Path file;
  static final ObjectMapper JSON = new ObjectMapper();

  record Out(int code, String out, String err) {
    JsonNode json() {
      try {
        return JSON.readTree(out);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + out, e);
      }
    }
  }

  @BeforeAll
  static void write() throws IOException {
    file = dir.resolve("gw.tok");
    Files.writeString(file, MODEL);
  }

  static Out tok(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    assertFalse(err.toString().contains("\tat "), err.toString());
    return new Out(code, out.toString(), err.toString());
  }

  @Test
  void runWithSamplesAddsStatisticsAndFailedShares() {
    Out o = tok("run", file.toString(), "--samples", "2000", "--seed", "3", "--format", "json");
    JsonNode run = o.json().get("runs").get(0);
    assertEquals(2000, run.get("samples").asInt());
    JsonNode npv = run.get("reports").get(2);
    assertEquals("npv", npv.get("name").asText());
    assertTrue(npv.get("value").isNumber());
    JsonNode stats = npv.get("stats");
    assertEquals(List.of("mean", "p5", "p50", "p95", "se", "below_zero"), iterator(stats));
    assertTrue(stats.get("p5").asDouble() <= stats.get("p50").asDouble());
    assertTrue(stats.get("p50").asDouble() <= stats.get("p95").asDouble());
    JsonNode revenue = run.get("reports").get(1);
    assertEquals(5, revenue.get("stats").get("p95").size());
    JsonNode check = run.get("assertions").get(0);
    assertFalse(check.get("ok").asBoolean());
    double share = check.get("failed_share").asDouble();
    assertTrue(share > 0.02 && share < 0.3, "share " + share);
    assertEquals(1, o.code());
    JsonNode diag = o.json().get("diagnostics").get(0);
    assertEquals("TOK501", diag.get("code").asText());
    assertTrue(diag.get("message").asText().contains("of 2,000 samples"), diag.toString());
  }

  @Test
  void moreQuantilesAndEveryScenario() {
    Out o = tok("run", file.toString(), "--samples", "500", "--quantiles", "1,10,90,99", "--scenario", "all", "--format", "json");
    JsonNode runs = o.json().get("runs");
    assertEquals(2, runs.size());
    assertEquals(List.of("mean", "p1", "p10", "p90", "p99", "se", "below_zero"), iterator(runs.get(1).get("reports").get(2).get("stats")));
    assertEquals(1.0, runs.get(1).get("assertions").get(0).get("failed_share").asDouble()); // long: 10 yr fails always
  }

  @Test
  void tableShowsStatisticsAndAFan() {
    Out o = tok("run", file.toString(), "--samples", "500");
    assertTrue(o.out().contains("mean"), o.out());
    assertTrue(o.out().contains("p95"), o.out());
    assertTrue(o.out().matches("(?s).*revenue \\(\\$B/yr\\)\\n\\s+value\\s+mean\\s+p5\\s+p50\\s+p95.*"), o.out());
  }

  @Test
  void badQuantilesAndTooManySamplesAreClear() {
    Out bad = tok("run", file.toString(), "--samples", "10", "--quantiles", "5,150");
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("--quantiles"), bad.err());
    Out huge = tok("run", file.toString(), "--samples", "1000000000", "--format", "json");
    assertEquals(1, huge.code());
    assertEquals("TOK600", huge.json().get("diagnostics").get(0).get("code").asText());
  }

  @Test
  void aFailingLetIsOneErrorNotACycle() throws IOException {
    Path f = dir.resolve("zero.tok");
    Files.writeString(f, "param z = 0\nlet x = 1 / z\nreport a = x\nreport b = x * 2\n");
    Out o = tok("run", f.toString(), "--format", "json");
    JsonNode diags = o.json().get("diagnostics");
    assertEquals(1, diags.size(), diags.toString());
    assertEquals("TOK500", diags.get(0).get("code").asText());
  }

  @Test
  void sweepCsvHasARowPerGridPoint() {
    Out o = tok("sweep", file.toString(), "--vary", "capex_per_gw=$30B/GW..$70B/GW:5", "--vary", "gross_margin=40%..60%:3");
    assertEquals(0, o.code(), o.err());
    String[] lines = o.out().split("\n");
    assertEquals(1 + 15, lines.length);
    assertTrue(lines[0].startsWith("capex_per_gw ($B/GW),gross_margin (%),depreciation ($B/yr),revenue[2026] ($B/yr)"), lines[0]);
    assertTrue(lines[1].startsWith("30,40,"), lines[1]);
    assertTrue(lines[15].startsWith("70,60,"), lines[15]);
  }

  @Test
  void sweepJsonAndBadVaries() {
    Out o = tok("sweep", file.toString(), "--vary", "life=3 yr..6 yr:4", "--format", "json");
    JsonNode root = o.json();
    assertEquals("yr", root.get("vary").get(0).get("unit").asText());
    assertEquals(4, root.get("points").size());
    assertEquals(6.0, root.get("points").get(3).get("inputs").get("life").asDouble(), 1e-12);
    assertEquals(50.0 / 6, root.get("points").get(3).get("reports").get("depreciation").asDouble(), 1e-9);
    assertEquals(5, root.get("points").get(0).get("reports").get("revenue").size());
    Out usage = tok("sweep", file.toString(), "--vary", "life=3 yr");
    assertEquals(2, usage.code());
    assertTrue(usage.err().contains("NAME=LOW..HIGH:STEPS"), usage.err());
    Out unknown = tok("sweep", file.toString(), "--vary", "lief=3 yr..6 yr:4");
    assertEquals(1, unknown.code());
    assertTrue(unknown.err().contains("TOK200") && unknown.err().contains("life"), unknown.err());
    Out wrongUnit = tok("sweep", file.toString(), "--vary", "life=3 GW..6 GW:4");
    assertEquals(1, wrongUnit.code());
    assertTrue(wrongUnit.err().contains("TOK300"), wrongUnit.err());
  }

  @Test
  void sensitivityRanksBySwing() {
    Out o = tok("sensitivity", file.toString(), "--output", "npv");
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().startsWith("sensitivity of npv ($B)"), o.out());
    List<String> rows = o.out().lines().filter(l -> l.startsWith("  ") && !l.contains("---") && !l.contains("param")).toList();
    assertEquals(3, rows.size(), o.out());
    assertTrue(rows.get(0).strip().startsWith("life"), o.out());
    JsonNode json = tok("sensitivity", file.toString(), "--output", "npv", "--format", "json").json();
    JsonNode params = json.get("params");
    assertEquals(3, params.size());
    for (int i = 1; i < params.size(); i++) {
      assertTrue(params.get(i).get("swing").asDouble() <= params.get(i - 1).get("swing").asDouble());
    }
    assertEquals("uniform($40B/GW, $60B/GW)", find(params, "capex_per_gw").get("distribution").asText());
    assertEquals(41.0, find(params, "capex_per_gw").get("p5").asDouble(), 1e-9);
    assertEquals(59.0, find(params, "capex_per_gw").get("p95").asDouble(), 1e-9);
  }

  @Test
  void sensitivityNeedsOneNumber() {
    Out o = tok("sensitivity", file.toString(), "--output", "revenue");
    assertEquals(1, o.code());
    assertTrue(o.err().contains("TOK302") && o.err().contains("varies by period"), o.err());
    Out none = tok("sensitivity", file.toString(), "--output", "npv", "--scenario", "long",
        "--set", "capex_per_gw=$50B/GW", "--set", "discount=8%");
    assertEquals(0, none.code(), none.err());
    assertTrue(none.out().contains("nothing to rank"), none.out());
  }

  @Test
  void explainShowsTheDerivation() {
    Out o = tok("explain", file.toString(), "npv");
    assertEquals(0, o.code(), o.err());
    String text = o.out();
    assertTrue(text.startsWith("npv = -$"), text);
    assertTrue(text.contains("[$B · report · gw.tok:11]"), text);
    assertTrue(text.contains("│ = npv(revenue * dt, discount, initial: capex)"), text);
    assertTrue(text.contains("├─ revenue = $0.00/yr (2026) → $"), text);
    assertTrue(text.contains("capex_per_gw = $50.00B/GW   [$B/GW · param, median of a distribution · gw.tok:2]"), text);
    assertTrue(text.contains("└─ capex = $50.00B   (shown above)"), text);
    Out shallow = tok("explain", file.toString(), "npv", "--depth", "1");
    assertTrue(shallow.out().contains("inputs below (raise --depth to see)"), shallow.out());
    JsonNode json = tok("explain", file.toString(), "depreciation", "--format", "json").json().get("value");
    assertEquals("depreciation", json.get("name").asText());
    double median = 50 / json.get("inputs").get(1).get("value").asDouble(); // $50B over the median life
    assertEquals("life", json.get("inputs").get(1).get("name").asText());
    assertEquals(median, json.get("value").asDouble(), 1e-9);
    assertEquals("capex", json.get("inputs").get(0).get("name").asText());
    Out unknown = tok("explain", file.toString(), "deprecation");
    assertEquals(1, unknown.code());
    assertTrue(unknown.err().contains("did you mean depreciation"), unknown.err());
  }

  private static JsonNode find(JsonNode params, String name) {
    for (JsonNode p : params) {
      if (p.get("name").asText().equals(name)) {
        return p;
      }
    }
    throw new AssertionError("no " + name);
  }

  private static List<String> iterator(JsonNode o) {
    List<String> names = new java.util.ArrayList<>();
    o.fieldNames().forEachRemaining(names::add);
    return names;
  }
}

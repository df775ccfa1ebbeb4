package org.tokenomics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tok run --samples auto --tolerance P} and the risk statistics, through the command line. */
class AutoSamplesCommandTest {
  @TempDir
  static Path dir;
  static Path file;

  @BeforeAll
  static void write() throws IOException {
    file = dir.resolve("gw.tok");
    Files.writeString(file, UncertaintyCommandsTest.MODEL); // npv, a scalar, is on line 11
  }

  static UncertaintyCommandsTest.Out tok(String... args) {
    return UncertaintyCommandsTest.tok(args);
  }

  static String file() {
    return file.toString();
  }

  @Test
  void anAutomaticRunPrintsWhatARunOfTheSamplesItChoseWouldPrint() {
    UncertaintyCommandsTest.Out auto = tok("run", file(), "--samples", "auto", "--tolerance", "0.5 %", "--seed", "3",
        "--format", "json");
    JsonNode run = auto.json().get("runs").get(0);
    int n = run.get("samples").asInt();
    assertEquals(0, n % 1_000, "a checkpoint: " + n);
    JsonNode npv = run.get("reports").get(2).get("stats");
    assertTrue(npv.get("se").asDouble() <= 0.005 * Math.abs(npv.get("mean").asDouble()), npv.toString());
    double below = npv.get("below_zero").asDouble();
    assertTrue(below > 0 && below < 1, "npv is a loss in some draws: " + below);
    UncertaintyCommandsTest.Out fixed = tok("run", file(), "--samples", String.valueOf(n), "--seed", "3", "--format",
        "json");
    assertEquals(fixed.json().get("runs"), auto.json().get("runs"));
    UncertaintyCommandsTest.Out table = tok("run", file(), "--samples", "auto", "--tolerance", "0.5%", "--seed", "3");
    assertTrue(table.out().startsWith(String.format(java.util.Locale.ROOT, "  %,d samples%n", n)), table.out());
    assertTrue(table.out().contains("below_zero"), table.out());
  }

  @Test
  void theCapIsAWarningAtTheReportStillShortOfTheTolerance() {
    UncertaintyCommandsTest.Out o = tok("run", file(), "--samples", "auto", "--tolerance", "0.01 %", "--tolerance-for",
        "npv", "--max-samples", "2500", "--format", "json");
    assertEquals(2_500, o.json().get("runs").get(0).get("samples").asInt());
    JsonNode warning = null;
    for (JsonNode d : o.json().get("diagnostics")) {
      if (d.get("severity").asText().equals("warning")) {
        warning = d;
      }
    }
    assertTrue(warning != null, o.out());
    assertEquals("TOK600", warning.get("code").asText());
    assertEquals(11, warning.get("line").asInt(), "the npv report's line");
    assertTrue(warning.get("message").asText().contains("npv's mean"), warning.toString());
  }

  @Test
  void csvHasAColumnPerStatisticOfAnyReport() throws IOException {
    Path f = dir.resolve("mixed.tok");
    Files.writeString(f, """
        param g = normal(5 %, 3 %)
        param cash = normal($1M, $1M)
        report g as %
        report cash as $M
        """);
    UncertaintyCommandsTest.Out o = tok("run", f.toString(), "--samples", "4000", "--format", "csv");
    List<String> lines = o.out().lines().toList();
    assertEquals("scenario,report,period,value,unit,mean,p5,p50,p95,se,below_zero", lines.get(0));
    assertTrue(lines.get(1).startsWith("base,g,,5,%,") && lines.get(1).endsWith(","), lines.get(1)); // a share is no money
    double below = Double.parseDouble(lines.get(2).substring(lines.get(2).lastIndexOf(',') + 1));
    assertEquals(0.1587, below, 0.02); // P(Z < -1)
  }

  @Test
  void badUsageIsExitTwoWithAReason() {
    String[][] cases = {
        {"--samples", "auto"},
        {"--samples", "auto", "--tolerance", "1"},
        {"--samples", "auto", "--tolerance", "0 %"},
        {"--samples", "auto", "--tolerance", "1 %", "--max-samples", "1"},
        {"--samples", "auto", "--tolerance", "1 %", "--tolerance-for", "revenue"},
        {"--samples", "auto", "--tolerance", "1 %", "--tolerance-for", "npvv"},
        {"--samples", "100", "--tolerance", "1 %"},
        {"--samples", "lots"},
        {"--samples", "-3"},
    };
    String[] reasons = {"needs --tolerance", "takes a percentage", "takes a percentage", "--max-samples must be 2",
        "revenue is a series", "did you mean 'npv'", "go with --samples auto", "a number of samples or 'auto'",
        "must be 0 or more"};
    for (int i = 0; i < cases.length; i++) {
      String[] args = new String[cases[i].length + 2];
      args[0] = "run";
      args[1] = file();
      System.arraycopy(cases[i], 0, args, 2, cases[i].length);
      UncertaintyCommandsTest.Out o = tok(args);
      assertEquals(2, o.code(), String.join(" ", cases[i]) + ": " + o.err());
      assertTrue(o.err().contains(reasons[i]), String.join(" ", cases[i]) + ": " + o.err());
      assertEquals("", o.out());
    }
  }
}

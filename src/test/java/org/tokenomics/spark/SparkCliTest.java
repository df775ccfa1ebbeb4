package org.tokenomics.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenomics.cli.Main;

/** {@code tok run --samples N --spark local[2]} prints exactly what the local run prints. */
class SparkCliTest {
  @TempDir
  static Path dir;

  @AfterAll
  static void stop() {
    org.apache.spark.sql.SparkSession.active().stop();
  }

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

  @Test
  void aSparkRunPrintsWhatTheLocalRunPrints() throws Exception {
    Path f = dir.resolve("m.tok");
    Files.writeString(f, """
        timeline 2026 to 2027 quarterly
        param price = pert($1/Mtok, $2/Mtok, $4/Mtok)
        param volume = lognormal(100 Mtok/yr, 300 Mtok/yr)
        let revenue = price * volume
        report revenue as $/yr
        report total = sum(revenue * dt) as $
        scenario bear { volume = 80 Mtok/yr }
        """);
    String[] local = run("run", f.toString(), "--samples", "500", "--seed", "3", "--scenario", "all", "--format", "json");
    String[] spark = run("run", f.toString(), "--samples", "500", "--seed", "3", "--scenario", "all", "--format", "json",
        "--spark", "local[2]");
    assertEquals("0", local[0], local[2]);
    assertEquals("0", spark[0], spark[2]);
    assertEquals(local[1], spark[1]);
  }

  /** tok sweep and tok sensitivity --method sobol|morris with --spark print what they print locally. */
  @Test
  void sweepsAndSensitivityOnSparkPrintWhatTheLocalRunsPrint() throws Exception {
    Path main = SparkFixture.campus(dir);
    String[][] commands = {
        {"sweep", main.toString(), "--vary", "capacity=0.5 GW..2 GW:3", "--vary", "value=$10B/GW/yr..$30B/GW/yr:5",
            "--scenario", "bear"},
        {"sensitivity", main.toString(), "--output", "value_now", "--method", "sobol", "--samples", "5000", "--seed", "3",
            "--format", "json"},
        {"sensitivity", main.toString(), "--output", "value_now", "--method", "morris", "--samples", "20", "--set",
            "pue=1.4"}};
    for (String[] c : commands) {
      String[] local = run(c);
      String[] withSpark = java.util.Arrays.copyOf(c, c.length + 2);
      withSpark[c.length] = "--spark";
      withSpark[c.length + 1] = "local[2]";
      String[] spark = run(withSpark);
      assertEquals("0", local[0], local[2]);
      assertEquals("0", spark[0], spark[2]);
      assertEquals(local[1], spark[1], c[0]);
    }
    String[] tornado = run("sensitivity", main.toString(), "--output", "value_now", "--spark", "local[2]");
    assertEquals("2", tornado[0]);
    assertTrue(tornado[2].contains("--spark goes with --method sobol or morris"), tornado[2]);
  }

  /** The html page's global analysis runs on Spark too, and draws what the local page draws. */
  @Test
  void theSensitivityPageRunsItsGlobalAnalysisOnSpark() throws Exception {
    Path main = SparkFixture.campus(dir);
    String[] args = {"sensitivity", main.toString(), "--output", "value_now", "--method", "morris", "--samples", "16",
        "--format", "html", "--spark", "local[2]"};
    String[] first = run(args);
    assertEquals("0", first[0], first[2]);
    java.util.concurrent.atomic.AtomicInteger jobs = SparkFixture.jobCounter(org.apache.spark.sql.SparkSession.active());
    String[] spark = run(args);
    assertEquals("0", spark[0], spark[2]);
    assertTrue(jobs.get() > 0, "the analysis ran as Spark jobs");
    String[] local = run(java.util.Arrays.copyOf(args, args.length - 2));
    // the charts' SVG ids count up within the process; everything else is the same page
    assertEquals(local[1].replaceAll("tokchart\\d+_", "tokchart_"), spark[1].replaceAll("tokchart\\d+_", "tokchart_"));
    assertTrue(spark[1].contains("Morris elementary effects"), spark[1]);
  }

  @Test
  void sparkNeedsAFixedNumberOfSamples() throws Exception {
    Path f = dir.resolve("d.tok");
    Files.writeString(f, "param x = uniform(1, 2)\nreport x\n");
    String[] r = run("run", f.toString(), "--spark", "local[2]");
    assertEquals("2", r[0]);
    assertTrue(r[2].contains("--spark goes with --samples N"), r[2]);
  }
}

package org.tokenomics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tok run} without picocli prints what it printed through picocli, byte for byte, with the
 * same exit code: reports, scenarios, Monte Carlo, JSON, diagnostics, usage errors found by the
 * command itself, a missing file and an internal error.
 */
class RunArgsTest {
  @TempDir
  Path dir;

  @Test
  void bothPathsPrintTheSame() throws Exception {
    Path broken = dir.resolve("broken.tok");
    Files.writeString(broken, "param a = 1 kW\nreport b = a + 1 s\n");
    String sample = "samples/gigawatt/two_dark_years.tok";
    for (List<String> args : List.of(
        List.of("run", "samples/gigawatt/racks_per_gw.tok"),
        List.of("run", sample, "--scenario", "all"),
        List.of("run", sample, "--set", "margin=60%", "--format", "json"),
        List.of("run", sample, "--samples", "200", "--seed", "7", "--quantiles", "10,90", "--format", "csv"),
        List.of("run", sample, "--set", "nope=1"),
        List.of("run", sample, "--format", "nope"),
        List.of("run", sample, "--out", dir.resolve("x.html").toString()),
        List.of("run", sample, "--samples", "auto"),
        List.of("run", broken.toString()),
        List.of("run", dir.resolve("missing.tok").toString()))) {
      String[] a = args.toArray(String[]::new);
      assertNotNull(RunArgs.parse(a), args.toString());
      StringWriter out1 = new StringWriter();
      StringWriter err1 = new StringWriter();
      int fast = Main.execute(a, new PrintWriter(out1), new PrintWriter(err1));
      StringWriter out2 = new StringWriter();
      StringWriter err2 = new StringWriter();
      int slow = Main.picocli(a, new PrintWriter(out2), new PrintWriter(err2));
      assertEquals(slow, fast, args + ": " + err1);
      assertEquals(out2.toString(), out1.toString(), args.toString());
      assertEquals(err2.toString(), err1.toString(), args.toString());
      assertTrue(!out1.toString().isEmpty() || !err1.toString().isEmpty(), args.toString());
    }
  }

  @Test
  void anUnplainCommandLineStillGetsPicocliHelpAndErrors() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(2, Main.execute(new String[] {"run", "m.tok", "--seed", "x"}, new PrintWriter(out), new PrintWriter(err)));
    assertTrue(err.toString().contains("Invalid value for option '--seed'"), err.toString());
    assertEquals(0, Main.execute(new String[] {"run", "--help"}, new PrintWriter(out), new PrintWriter(err)));
    assertTrue(out.toString().contains("Usage: tok run"), out.toString());
  }
}

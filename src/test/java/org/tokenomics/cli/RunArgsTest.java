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

  /**
   * The real thing in fresh JVMs, as the launcher starts it: the warm-up thread parses the
   * prelude while the compile thread sets up the built-ins and then waits for that parse (a cold
   * JVM is the only place their class initialisations meet); the output is what
   * {@code Main.execute} prints in this JVM, and the process ends by itself.
   */
  @Test
  void aFreshProcessPrintsTheSameAndEnds() throws Exception {
    String sample = "samples/gigawatt/racks_per_gw.tok";
    StringWriter expected = new StringWriter();
    assertEquals(0, Main.execute(new String[] {"run", sample}, new PrintWriter(expected), new PrintWriter(new StringWriter())));
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (int i = 0; i < 2; i++) {
      Process p = new ProcessBuilder(javaBin, "-XX:TieredStopAtLevel=1", "-Dtok.trace.startup=true", "-cp",
          System.getProperty("java.class.path"), "org.tokenomics.cli.Main", "run", sample)
          .redirectError(ProcessBuilder.Redirect.PIPE).start();
      String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "the process ended");
      assertEquals(0, p.exitValue(), err);
      assertEquals(expected.toString(), out);
      // the trace names every phase, the warm-up thread's too, and nothing else goes to stderr
      assertTrue(err.contains("prelude parsed (warm-up thread)") && err.contains("compile: cells checked"), err);
      assertTrue(err.lines().allMatch(l -> l.startsWith("tok-startup ")), err);
    }
  }
}

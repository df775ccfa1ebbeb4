package org.tokenomics.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Start-up of the command line as a user meets it: {@code ./tok run} of a small sample (the
 * launcher, the JVM, the class-data sharing archive, the prelude, the model) against {@code java
 * -version} on the same machine, the two run in turn so that a change in the machine's load hits
 * both. Each figure is a whole process's wall time; the ratio is taken pair by pair.
 */
final class StartupBench {
  static final String SAMPLE = "samples/gigawatt/racks_per_gw.tok";

  private StartupBench() {}

  /** {@code {tok seconds per run, java -version seconds per run, tok/java ratio per pair}}. */
  static double[][] run(int pairs) throws IOException, InterruptedException {
    Path project = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> tok = List.of(project.resolve("tok").toString(), "run", project.resolve(SAMPLE).toString());
    List<String> version = List.of(javaBin, "-version");
    time(tok, project); // builds the jar and the archive if they are stale, then warms the disk cache
    time(version, project);
    double[][] out = new double[3][pairs];
    for (int i = 0; i < pairs; i++) {
      out[0][i] = time(tok, project);
      out[1][i] = time(version, project);
      out[2][i] = out[0][i] / out[1][i];
    }
    return out;
  }

  /**
   * One more {@code ./tok run} with {@code TOK_TRACE_STARTUP=1}: its phases, one line each (time
   * since the launcher started, since the previous phase, CPU so far), as {@code diag.StartupTrace}
   * prints them.
   */
  static List<String> phases() throws IOException, InterruptedException {
    Path project = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    ProcessBuilder pb = new ProcessBuilder(project.resolve("tok").toString(), "run", project.resolve(SAMPLE).toString())
        .directory(project.toFile()).redirectOutput(ProcessBuilder.Redirect.to(new File("/dev/null")));
    pb.environment().put("TOK_TRACE_STARTUP", "1");
    Process p = pb.start();
    List<String> lines = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
        .lines().filter(l -> l.startsWith("tok-startup")).toList();
    p.waitFor();
    return lines;
  }

  private static double time(List<String> command, Path dir) throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(command).directory(dir.toFile())
        .redirectOutput(ProcessBuilder.Redirect.to(new File("/dev/null")))
        .redirectError(ProcessBuilder.Redirect.to(new File("/dev/null"))).start();
    int code = p.waitFor();
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (code != 0) {
      throw new IllegalStateException(String.join(" ", command) + " exited with " + code);
    }
    return seconds;
  }
}

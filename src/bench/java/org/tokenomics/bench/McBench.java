package org.tokenomics.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Monte Carlo parts of the benchmark ({@link BenchMain}): the 60-month model against the
 * hand-written loops (issue 23) and the four-param scalar model against Squiggle 0.10 (issue 17),
 * each run in a fresh process.
 */
final class McBench {
  private McBench() {}

  /**
   * The four-param scalar model in Squiggle 0.10 (node, one thread), once: seconds from run() to
   * the statistics and the process's CPU seconds over them, or NaNs when node or the package is missing (the bench profile installs
   * {@code @quri/squiggle-lang} 0.10.0 under target/squiggle with npm).
   */
  static double[] squiggle(int samples, boolean warm) throws IOException, InterruptedException {
    Path dir = Path.of(System.getProperty("basedir", "."), "target", "squiggle");
    Path script = dir.resolve("four-params.mjs");
    Files.copy(Path.of(System.getProperty("basedir", "."), "src", "bench", "squiggle", "four-params.mjs"), script,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    if (!Files.isDirectory(dir.resolve("node_modules").resolve("@quri").resolve("squiggle-lang"))) {
      System.out.println("SQUIGGLE skipped: @quri/squiggle-lang is not installed under " + dir);
      return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
    }
    ProcessBuilder pb = new ProcessBuilder("node", "--max-old-space-size=4096", script.toString(),
        String.valueOf(samples), warm ? "warm" : "cold").directory(dir.toFile());
    long started = System.nanoTime();
    pb.redirectErrorStream(true);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      System.out.println("SQUIGGLE skipped: no node (" + e.getMessage() + ")");
      return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
    }
    List<String> lines = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String l; (l = in.readLine()) != null; ) {
        lines.add(l);
      }
    }
    if (p.waitFor() != 0) {
      throw new IllegalStateException("the Squiggle run failed:\n" + String.join("\n", lines));
    }
    double processSeconds = (System.nanoTime() - started) / 1e9;
    lines.stream().filter(l -> l.startsWith("SQUIGGLE")).forEach(System.out::println);
    String line = lines.stream().filter(l -> l.startsWith("SQUIGGLE ")).findFirst().orElseThrow();
    return new double[] {BenchMain.field(line, "seconds"), BenchMain.field(line, "cpuSeconds"), processSeconds, BenchMain.field(line, "processCpuSeconds")};
  }

  /**
   * Tok against Squiggle on the four-param model (issue 17: Tok at least 10x faster), three ways,
   * each program in a fresh process, Tok and Squiggle in turn: cold (the first run in the process,
   * timed from the start of the simulation to the statistics: what a one-shot command pays beyond
   * start-up, JIT compilation included), warm (the same, after three untimed runs of the same
   * simulation in the same process), and whole process (from launching it to its exit: start-up,
   * loading the model, everything). Wall and CPU time of each; on a shared machine CPU time is the
   * steadier figure. Runs now; returns what prints the lines (so that a full run prints them at the end).
   */
  static Runnable squiggleComparison(int samples) throws IOException, InterruptedException {
    double[] tokCold = monteCarlo("tok-scalar", samples);
    double[] sqCold = squiggle(samples, false);
    double[] tokWarm = monteCarlo("tok-scalar", samples, true);
    double[] sqWarm = squiggle(samples, true);
    Runnable lines = () -> {
      BenchMain.line("TIME", "mc_scalar_tok_cold_s", new double[] {tokCold[0]}, "%.3f");
      BenchMain.line("TIME", "mc_scalar_tok_cold_cpu_s", new double[] {tokCold[3]}, "%.3f");
      BenchMain.line("TIME", "mc_scalar_squiggle_cold_s", new double[] {sqCold[0]}, "%.3f");
      BenchMain.line("TIME", "mc_scalar_squiggle_cold_cpu_s", new double[] {sqCold[1]}, "%.3f");
      BenchMain.line("TIME", "mc_scalar_tok_warm_s", new double[] {tokWarm[0]}, "%.3f");
      BenchMain.line("TIME", "mc_scalar_tok_warm_cpu_s", new double[] {tokWarm[3]}, "%.3f");
      BenchMain.line("TIME", "mc_scalar_squiggle_warm_s", new double[] {sqWarm[0]}, "%.3f");
      BenchMain.line("TIME", "mc_scalar_squiggle_warm_cpu_s", new double[] {sqWarm[1]}, "%.3f");
      BenchMain.line("TIME", "mc_scalar_tok_process_s", new double[] {tokCold[4]}, "%.2f");
      BenchMain.line("TIME", "mc_scalar_tok_process_cpu_s", new double[] {tokCold[5]}, "%.2f");
      BenchMain.line("TIME", "mc_scalar_squiggle_process_s", new double[] {sqCold[2]}, "%.2f");
      BenchMain.line("TIME", "mc_scalar_squiggle_process_cpu_s", new double[] {sqCold[3]}, "%.2f");
      if (Double.isNaN(sqCold[0])) {
        return;
      }
      double ratio = sqCold[0] / tokCold[0];
      double warm = sqWarm[0] / tokWarm[0];
      BenchMain.line("RATIO", "squiggle_vs_tok_scalar", new double[] {ratio}, "%.1f");
      BenchMain.line("RATIO", "squiggle_vs_tok_scalar_cpu", new double[] {sqCold[1] / tokCold[3]}, "%.1f");
      BenchMain.line("RATIO", "squiggle_vs_tok_scalar_warm", new double[] {warm}, "%.1f");
      BenchMain.line("RATIO", "squiggle_vs_tok_scalar_warm_cpu", new double[] {sqWarm[1] / tokWarm[3]}, "%.1f");
      BenchMain.line("RATIO", "squiggle_vs_tok_scalar_process", new double[] {sqCold[2] / tokCold[4]}, "%.1f");
      BenchMain.line("RATIO", "squiggle_vs_tok_scalar_process_cpu", new double[] {sqCold[3] / tokCold[5]}, "%.1f");
      BenchMain.goal("the four-param model at " + samples + " samples at least 10x faster than Squiggle 0.10 (cold, in-process)",
          ratio >= 10, null);
      BenchMain.goal("the four-param model at " + samples + " samples at least 10x faster than Squiggle 0.10 (warm, in-process)",
          warm >= 10, null);
    };
    if (Boolean.getBoolean("bench.squiggleOnly")) {
      lines.run();
    }
    return lines;
  }

  /**
   * The 60-month Monte Carlo (issue 23): per round Tok and the two hand-written loops, each in a
   * fresh -Xmx1g JVM, their statistics compared. Prints the per-round lines now, and the summary
   * and goal lines now ({@code later} null) or through {@code later}'s two entries (figures, goals).
   */
  static void monteCarloRounds(int rounds, int samples, List<Runnable> later) throws IOException, InterruptedException {
    double[][] tokMc = new double[rounds][];
    double[][] javaMc = new double[rounds][];
    double[][] batchedMc = new double[rounds][];
    double[][] bestMc = new double[rounds][];
    for (int r = 0; r < rounds; r++) {
      tokMc[r] = monteCarlo("tok", samples);
      javaMc[r] = monteCarlo("java", samples);
      batchedMc[r] = monteCarlo("java-batched", samples);
      bestMc[r] = javaMc[r][0] <= batchedMc[r][0] ? javaMc[r] : batchedMc[r];
      System.out.printf(Locale.ROOT, "round %d: Monte Carlo tok %.2f s, %.2f s CPU (heap: peak %.0f MB, live after GC %.0f MB),"
          + " java %.2f s, %.2f s CPU, java batched %.2f s, %.2f s CPU%n", r + 1, tokMc[r][0], tokMc[r][3], tokMc[r][1],
          tokMc[r][2], javaMc[r][0], javaMc[r][3], batchedMc[r][0], batchedMc[r][3]);
    }
    double[] mcRatio = BenchMain.ratios(tokMc, bestMc);
    double[] cpuRatio = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      cpuRatio[r] = tokMc[r][3] / Math.min(javaMc[r][3], batchedMc[r][3]);
    }
    Runnable figures = () -> {
      BenchMain.line("TIME", "mc_tok_s", BenchMain.column(tokMc, 0), "%.2f");
      BenchMain.line("TIME", "mc_tok_cpu_s", BenchMain.column(tokMc, 3), "%.2f");
      BenchMain.line("TIME", "mc_java_s", BenchMain.column(javaMc, 0), "%.2f");
      BenchMain.line("TIME", "mc_java_cpu_s", BenchMain.column(javaMc, 3), "%.2f");
      BenchMain.line("TIME", "mc_java_batched_s", BenchMain.column(batchedMc, 0), "%.2f");
      BenchMain.line("TIME", "mc_java_batched_cpu_s", BenchMain.column(batchedMc, 3), "%.2f");
      BenchMain.line("TIME", "mc_tok_heap_peak_mb", BenchMain.column(tokMc, 1), "%.0f");
      BenchMain.line("TIME", "mc_tok_heap_live_after_gc_mb", BenchMain.column(tokMc, 2), "%.0f");
      BenchMain.line("RATIO", "mc_vs_java", mcRatio, "%.2f");
      BenchMain.line("RATIO", "mc_vs_java_cpu", cpuRatio, "%.2f");
    };
    Runnable goals = () -> {
      BenchMain.goal("Monte Carlo " + samples + " samples in at most 15 s and 1 GiB of heap",
          BenchMain.median(BenchMain.column(tokMc, 0)) <= 15 && BenchMain.max(BenchMain.column(tokMc, 1)) <= 1024, null);
      BenchMain.goal("Monte Carlo within 2x of the hand-written loop", BenchMain.median(mcRatio) <= 2, null);
      BenchMain.goal("Monte Carlo " + samples + " samples x 60 months x 11 reports in at most 2 s (issue 23)",
          BenchMain.median(BenchMain.column(tokMc, 0)) <= 2, null);
      BenchMain.goal("Monte Carlo at least 1.5x faster than the hand-written loop (issue 23)", BenchMain.median(mcRatio) <= 1 / 1.5, null);
      BenchMain.goal("Monte Carlo peak heap at most 512 MB (issue 23)", BenchMain.max(BenchMain.column(tokMc, 1)) <= 512, null);
    };
    if (later == null) {
      figures.run();
      goals.run();
    } else {
      later.add(figures);
      later.add(goals);
    }
  }

  /** One Monte Carlo run in a fresh -Xmx1g JVM: {seconds, peak heap MB, live heap MB}; checks the runs agree. */
  static double[] monteCarlo(String which, int samples) throws IOException, InterruptedException {
    return monteCarlo(which, samples, false);
  }

  /**
   * One Monte Carlo run in a fresh -Xmx1g JVM, after three untimed ones in the same JVM when {@code warm}:
   * {seconds, peak heap MB, live heap MB, CPU seconds, the whole process's wall seconds and CPU seconds}.
   */
  static double[] monteCarlo(String which, int samples, boolean warm) throws IOException, InterruptedException {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(javaBin, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
        McMain.class.getName(), which, String.valueOf(samples), "42",
        String.valueOf(Runtime.getRuntime().availableProcessors()), warm ? "warm" : "cold");
    pb.redirectErrorStream(true);
    long started = System.nanoTime();
    Process p = pb.start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String l; (l = in.readLine()) != null; ) {
        lines.add(l);
      }
    }
    if (p.waitFor() != 0) {
      throw new IllegalStateException("Monte Carlo run failed:\n" + String.join("\n", lines));
    }
    double processSeconds = (System.nanoTime() - started) / 1e9;
    String mc = lines.stream().filter(l -> l.startsWith("MC ")).findFirst().orElseThrow();
    String stats = lines.stream().filter(l -> l.startsWith("STATS ")).findFirst().orElseThrow();
    if (!which.equals("tok-scalar")) { // a model of its own: nothing to agree with
      checkStats(which, stats);
    }
    return new double[] {BenchMain.field(mc, "seconds"), BenchMain.field(mc, "heapPeakMB"), BenchMain.field(mc, "liveAfterGcMB"), BenchMain.field(mc, "cpuSeconds"),
        processSeconds, BenchMain.field(mc, "processCpuSeconds")};
  }

  private static String[] previousStats;

  /**
   * The two runs' statistics (mean, p5, p50, p95 of each report's last period) agree: means to
   * 1e-9, quantiles to 0.4 % (two buckets: the two programs compute unit factors in their own
   * order, so a value can round into the neighbouring bucket).
   */
  private static void checkStats(String which, String line) {
    String[] values = line.substring(line.indexOf(' ', 6) + 1).split(" ");
    if (previousStats != null) {
      for (int i = 0; i < values.length; i++) {
        double a = Double.parseDouble(previousStats[i]);
        double b = Double.parseDouble(values[i]);
        double tolerance = i % 4 == 0 ? 1e-9 : 0.004;
        if (!(Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b)) + 1e-9)) {
          throw new AssertionError("Monte Carlo statistics differ (" + which + ", value " + i + "): " + a + " vs " + b);
        }
      }
    }
    previousStats = values;
  }
}

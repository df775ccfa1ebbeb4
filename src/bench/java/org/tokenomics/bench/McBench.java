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
   * The four-param scalar model in Squiggle 0.10 (node, one thread) in a fresh process: {seconds,
   * CPU seconds per run, the whole process's wall seconds, its CPU seconds, warm-up runs, 1 if they
   * settled}, or NaNs when node or the package is missing (the bench profile installs
   * {@code @quri/squiggle-lang} 0.10.0 under target/squiggle with npm). Cold: its first run; warm:
   * the median of ten runs in the steady state (four-params.mjs).
   */
  static double[] squiggle(int samples, boolean warm) throws IOException, InterruptedException {
    double[] none = {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
    Path dir = Path.of(System.getProperty("basedir", "."), "target", "squiggle");
    Path script = dir.resolve("four-params.mjs");
    if (!Files.isDirectory(dir.resolve("node_modules").resolve("@quri").resolve("squiggle-lang"))) {
      System.out.println("SQUIGGLE skipped: @quri/squiggle-lang is not installed under " + dir);
      return none;
    }
    Files.copy(Path.of(System.getProperty("basedir", "."), "src", "bench", "squiggle", "four-params.mjs"), script,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    ProcessBuilder pb = new ProcessBuilder("node", "--max-old-space-size=4096", script.toString(),
        String.valueOf(samples), warm ? "warm" : "cold").directory(dir.toFile());
    long started = System.nanoTime();
    pb.redirectErrorStream(true);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      System.out.println("SQUIGGLE skipped: no node (" + e.getMessage() + ")");
      return none;
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
    return new double[] {BenchMain.field(line, "seconds"), BenchMain.field(line, "cpuSeconds"), processSeconds,
        BenchMain.field(line, "processCpuSeconds"), BenchMain.field(line, "warmUps"), line.contains("settled=true") ? 1 : 0};
  }

  /** Per round, column {@code ca} of {@code a} over column {@code cb} of {@code b}. */
  private static double[] ratios(double[][] a, double[][] b, int ca, int cb) {
    double[] r = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      r[i] = a[i][ca] / b[i][cb];
    }
    return r;
  }

  /** Fresh processes of each side for the cold and whole-process figures, alternated. */
  static final int COLD_ROUNDS = 3;

  /**
   * Tok against Squiggle on the four-param model (issue 17: Tok at least 10x faster), each program
   * in fresh processes, Tok and Squiggle in turn (dsl/reference/uncertainty.md, *Benchmark
   * decision*). Warm: in one process per side, the run and its statistics repeated until in their
   * steady state (JIT done, two successive runs within 5 %), then the median of ten runs
   * ({@link SteadyState}; four-params.mjs does the same). Cold: the first run in a fresh process,
   * from the start of the simulation to the statistics, JIT compilation included (the median of
   * {@value #COLD_ROUNDS} processes). Whole process: from launching it to its exit (start-up,
   * loading the model, everything; the same cold processes). Wall and CPU time of each. The GOAL
   * line is the warm wall-time ratio: the speed of the two engines, each at its best, which is what
   * the issue compares; the cold and whole-process ratios are printed beside it, since they
   * measure mostly the two virtual machines' start (compilers, loading), not the simulation.
   * Runs now; returns what prints the lines (so that a full run prints them at the end).
   */
  static Runnable squiggleComparison(int samples) throws IOException, InterruptedException {
    double[][] tokCold = new double[COLD_ROUNDS][];
    double[][] sqCold = new double[COLD_ROUNDS][];
    for (int r = 0; r < COLD_ROUNDS; r++) {
      tokCold[r] = monteCarlo("tok-scalar", samples);
      sqCold[r] = squiggle(samples, false);
    }
    double[] tokWarm = monteCarlo("tok-scalar", samples, true);
    double[] sqWarm = squiggle(samples, true);
    Runnable lines = () -> {
      BenchMain.line("TIME", "mc_scalar_tok_cold_s", BenchMain.column(tokCold, 0), "%.3f");
      BenchMain.line("TIME", "mc_scalar_tok_cold_cpu_s", BenchMain.column(tokCold, 3), "%.3f");
      BenchMain.line("TIME", "mc_scalar_squiggle_cold_s", BenchMain.column(sqCold, 0), "%.3f");
      BenchMain.line("TIME", "mc_scalar_squiggle_cold_cpu_s", BenchMain.column(sqCold, 1), "%.3f");
      BenchMain.line("TIME", "mc_scalar_tok_warm_s", new double[] {tokWarm[0]}, "%.4f");
      BenchMain.line("TIME", "mc_scalar_tok_warm_cpu_s", new double[] {tokWarm[3]}, "%.4f");
      BenchMain.line("TIME", "mc_scalar_squiggle_warm_s", new double[] {sqWarm[0]}, "%.4f");
      BenchMain.line("TIME", "mc_scalar_squiggle_warm_cpu_s", new double[] {sqWarm[1]}, "%.4f");
      System.out.printf(Locale.ROOT, "WARM-UP tok %d runs (%s), squiggle %.0f runs (%s) before ten timed runs each%n",
          (int) tokWarm[6], tokWarm[7] == 1 ? "settled" : "NOT settled: the cap", sqWarm[4],
          sqWarm[5] == 1 ? "settled" : "NOT settled: the cap");
      BenchMain.line("TIME", "mc_scalar_tok_process_s", BenchMain.column(tokCold, 4), "%.2f");
      BenchMain.line("TIME", "mc_scalar_tok_process_cpu_s", BenchMain.column(tokCold, 5), "%.2f");
      BenchMain.line("TIME", "mc_scalar_squiggle_process_s", BenchMain.column(sqCold, 2), "%.2f");
      BenchMain.line("TIME", "mc_scalar_squiggle_process_cpu_s", BenchMain.column(sqCold, 3), "%.2f");
      if (Double.isNaN(sqCold[0][0])) {
        return;
      }
      double warm = sqWarm[0] / tokWarm[0];
      BenchMain.line("RATIO", "squiggle_vs_tok_scalar_warm", new double[] {warm}, "%.1f");
      BenchMain.line("RATIO", "squiggle_vs_tok_scalar_warm_cpu", new double[] {sqWarm[1] / tokWarm[3]}, "%.1f");
      BenchMain.line("RATIO", "squiggle_vs_tok_scalar_cold", ratios(sqCold, tokCold, 0, 0), "%.1f");
      BenchMain.line("RATIO", "squiggle_vs_tok_scalar_cold_cpu", ratios(sqCold, tokCold, 1, 3), "%.1f");
      BenchMain.line("RATIO", "squiggle_vs_tok_scalar_process", ratios(sqCold, tokCold, 2, 4), "%.1f");
      BenchMain.line("RATIO", "squiggle_vs_tok_scalar_process_cpu", ratios(sqCold, tokCold, 3, 5), "%.1f");
      BenchMain.goal("the four-param model at " + samples + " samples at least 10x faster than Squiggle 0.10 (warm:"
          + " both in their steady state, median wall time; the cold and whole-process ratios above are not the goal's)",
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
   * One Monte Carlo run in a fresh -Xmx1g JVM, or with {@code warm} (Tok only) the median of ten in
   * their steady state ({@link SteadyState}): {seconds, peak heap MB, live heap MB, CPU seconds,
   * the whole process's wall seconds and CPU seconds, warm-up runs, 1 if they settled}.
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
        processSeconds, BenchMain.field(mc, "processCpuSeconds"), warm ? BenchMain.field(mc, "warmUps") : 0,
        mc.contains("settled=true") ? 1 : 0};
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

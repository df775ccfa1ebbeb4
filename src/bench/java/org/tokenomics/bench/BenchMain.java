package org.tokenomics.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The performance benchmark of issue #8, one command: {@code mvn -q -Pbench verify} (or, after
 * {@code mvn -Pbench package}, {@code java -cp "$(cat target/bench.classpath)" org.tokenomics.bench.BenchMain}).
 *
 * <ul>
 *   <li>evaluate: JMH average time of {@code Model.evaluate()} on {@code sixty-months.tok}, of the
 *       same arrays by hand-written Java, and of the same formulas per period in JEXL; in
 *       {@code bench.rounds} rounds (default 3), each benchmark in a fresh JVM, so that the noise of
 *       a shared machine shows as a range of per-round ratios;</li>
 *   <li>compile: JMH average time of compiling a generated 10,000-line model, warm;</li>
 *   <li>Monte Carlo: {@code bench.samples} samples (default 1,000,000) × 60 months, one timed run
 *       per round in a fresh {@code -Xmx1g} JVM for Tok and for two hand-written loops (values fed
 *       one by one, or in batches), whose statistics must agree; Tok is compared with the faster
 *       loop of each round;</li>
 *   <li>recurrence: JMH average time of {@code Model.evaluate()} on {@code recurrence-months.tok}
 *       and of its hand-written twin; {@code -Dbench.only=recurrence} runs only this.</li>
 * </ul>
 * Prints {@code RATIO name value} and {@code TIME name value} lines, then whether each goal is met.
 */
public final class BenchMain {
  private BenchMain() {}

  static final String EVALUATE = EvaluateBench.class.getName();
  static final String COMPILE = CompileBench.class.getName();
  static final String RECURRENCE = RecurrenceBench.class.getName();

  public static void main(String[] args) throws Exception {
    int rounds = Integer.getInteger("bench.rounds", 3);
    int samples = Integer.getInteger("bench.samples", 1_000_000);
    machine();
    if (Boolean.getBoolean("bench.sobolOnly")) {
      sobolLines(sobol());
      return;
    }
    if (Boolean.getBoolean("bench.squiggleOnly")) {
      double[] tok = monteCarlo("tok-scalar", samples);
      squiggleLines(tok[0], tok[3], squiggle(samples), samples);
      return;
    }
    if (Boolean.getBoolean("bench.sparkOnly")) {
      sparkLines(spark());
      return;
    }
    if (Boolean.getBoolean("bench.familiesOnly")) {
      familyLines(families(rounds));
      return;
    }
    if ("recurrence".equals(System.getProperty("bench.only"))) { // -Dbench.only=recurrence: that model alone
      recurrence(rounds);
      return;
    }
    double[][] startup = StartupBench.run(Integer.getInteger("bench.startup.pairs", 9));
    System.out.printf(Locale.ROOT, "start-up: ./tok run %s %.2f s, java -version %.2f s (medians of %d pairs)%n",
        StartupBench.SAMPLE, median(startup[0]), median(startup[1]), startup[0].length);
    StartupBench.phases().forEach(l -> System.out.println("start-up phase: " + l));
    if (Boolean.getBoolean("bench.startupOnly")) {
      startupLines(startup);
      return;
    }

    double[][] tok = new double[rounds][];
    double[][] java = new double[rounds][];
    double[][] jexl = new double[rounds][];
    for (int r = 0; r < rounds; r++) {
      tok[r] = jmh(EVALUATE + ".tok", 5, 1, TimeUnit.MICROSECONDS);
      java[r] = jmh(EVALUATE + ".java", 5, 1, TimeUnit.MICROSECONDS);
      jexl[r] = jmh(EVALUATE + ".jexl", 3, 1, TimeUnit.MICROSECONDS);
      System.out.printf(Locale.ROOT, "round %d: evaluate tok %.3f ± %.3f us, java %.3f ± %.3f us, jexl %.1f ± %.1f us%n",
          r + 1, tok[r][0], tok[r][1], java[r][0], java[r][1], jexl[r][0], jexl[r][1]);
    }
    double[] compile = jmh(COMPILE + ".compile", 5, 2, TimeUnit.MILLISECONDS);
    System.out.printf(Locale.ROOT, "compile 10,000 lines: %.1f ± %.1f ms%n", compile[0], compile[1]);

    double[][] tokMc = new double[rounds][];
    double[][] javaMc = new double[rounds][];
    double[][] batchedMc = new double[rounds][];
    double[][] bestMc = new double[rounds][];
    double[][] scalarMc = new double[rounds][];
    for (int r = 0; r < rounds; r++) {
      scalarMc[r] = monteCarlo("tok-scalar", samples);
      tokMc[r] = monteCarlo("tok", samples);
      javaMc[r] = monteCarlo("java", samples);
      batchedMc[r] = monteCarlo("java-batched", samples);
      bestMc[r] = javaMc[r][0] <= batchedMc[r][0] ? javaMc[r] : batchedMc[r];
      System.out.printf(Locale.ROOT, "round %d: Monte Carlo tok %.2f s (heap: peak %.0f MB, live after GC %.0f MB),"
          + " java %.2f s, java batched %.2f s%n", r + 1, tokMc[r][0], tokMc[r][1], tokMc[r][2], javaMc[r][0],
          batchedMc[r][0]);
      System.out.printf(Locale.ROOT, "round %d: Monte Carlo of the four-param scalar model tok %.2f s%n", r + 1,
          scalarMc[r][0]);
    }

    double sobolSeconds = sobol();
    double[] squiggleSeconds = squiggle(samples);
    double[][][] families = families(rounds);
    double[] sparkSeconds = spark();

    System.out.println();
    double[] evalRatio = ratios(tok, java);
    double[] jexlRatio = ratios(jexl, tok);
    double[] mcRatio = ratios(tokMc, bestMc);
    line("TIME", "evaluate_tok_us", column(tok, 0), "%.3f");
    line("TIME", "evaluate_java_us", column(java, 0), "%.3f");
    line("TIME", "evaluate_jexl_us", column(jexl, 0), "%.1f");
    line("RATIO", "evaluate_vs_java", evalRatio, "%.2f");
    line("RATIO", "jexl_vs_evaluate", jexlRatio, "%.0f");
    line("TIME", "compile_10k_lines_s", new double[] {compile[0] / 1000}, "%.3f");
    line("TIME", "mc_tok_s", column(tokMc, 0), "%.2f");
    line("TIME", "mc_java_s", column(javaMc, 0), "%.2f");
    line("TIME", "mc_java_batched_s", column(batchedMc, 0), "%.2f");
    line("TIME", "mc_tok_heap_peak_mb", column(tokMc, 1), "%.0f");
    line("TIME", "mc_tok_heap_live_after_gc_mb", column(tokMc, 2), "%.0f");
    line("RATIO", "mc_vs_java", mcRatio, "%.2f");
    startupLines(startup);
    line("TIME", "mc_scalar_tok_s", column(scalarMc, 0), "%.2f");
    familyLines(families);

    System.out.println();
    goal("Model.evaluate within 1.5x of hand-written Java (stretch 1.1x)", median(evalRatio) <= 1.5,
        median(evalRatio) <= 1.1 ? "stretch met too" : "stretch not met");
    goal("Model.evaluate at least 20x faster than JEXL", median(jexlRatio) >= 20, null);
    goal("Monte Carlo " + samples + " samples in at most 15 s and 1 GiB of heap",
        median(column(tokMc, 0)) <= 15 && max(column(tokMc, 1)) <= 1024, null);
    goal("Monte Carlo within 2x of the hand-written loop", median(mcRatio) <= 2, null);
    goal("compile 10,000 lines in at most 1 s warm", compile[0] <= 1000, null);
    sobolLines(sobolSeconds);
    sparkLines(sparkSeconds);
    squiggleLines(median(column(scalarMc, 0)), median(column(scalarMc, 3)), squiggleSeconds, samples);
    recurrence(rounds);
  }

  /**
   * The four-param scalar model in Squiggle 0.10 (node, one thread), once: seconds from run() to
   * the statistics and the process's CPU seconds over them, or NaNs when node or the package is missing (the bench profile installs
   * {@code @quri/squiggle-lang} 0.10.0 under target/squiggle with npm).
   */
  static double[] squiggle(int samples) throws IOException, InterruptedException {
    Path dir = Path.of(System.getProperty("basedir", "."), "target", "squiggle");
    Path script = dir.resolve("four-params.mjs");
    Files.copy(Path.of(System.getProperty("basedir", "."), "src", "bench", "squiggle", "four-params.mjs"), script,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    if (!Files.isDirectory(dir.resolve("node_modules").resolve("@quri").resolve("squiggle-lang"))) {
      System.out.println("SQUIGGLE skipped: @quri/squiggle-lang is not installed under " + dir);
      return new double[] {Double.NaN, Double.NaN};
    }
    ProcessBuilder pb = new ProcessBuilder("node", "--max-old-space-size=4096", script.toString(),
        String.valueOf(samples)).directory(dir.toFile());
    pb.redirectErrorStream(true);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      System.out.println("SQUIGGLE skipped: no node (" + e.getMessage() + ")");
      return new double[] {Double.NaN, Double.NaN};
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
    lines.stream().filter(l -> l.startsWith("SQUIGGLE")).forEach(System.out::println);
    String line = lines.stream().filter(l -> l.startsWith("SQUIGGLE ")).findFirst().orElseThrow();
    return new double[] {field(line, "seconds"), field(line, "cpuSeconds")};
  }

  /** Tok against Squiggle on the four-param model (issue 17: Tok at least 10x faster). */
  static void squiggleLines(double tokSeconds, double tokCpuSeconds, double[] squiggle, int samples) {
    line("TIME", "mc_scalar_tok_cpu_s", new double[] {tokCpuSeconds}, "%.2f");
    line("TIME", "mc_scalar_squiggle_s", new double[] {squiggle[0]}, "%.2f");
    line("TIME", "mc_scalar_squiggle_cpu_s", new double[] {squiggle[1]}, "%.2f");
    if (Double.isNaN(squiggle[0])) {
      return;
    }
    double ratio = squiggle[0] / tokSeconds;
    line("RATIO", "squiggle_vs_tok_scalar", new double[] {ratio}, "%.1f");
    // CPU time of each whole process (Tok's JIT and collector included): on a loaded shared
    // machine wall time mostly measures the neighbours
    line("RATIO", "squiggle_vs_tok_scalar_cpu", new double[] {squiggle[1] / tokCpuSeconds}, "%.1f");
    goal("the four-param model at " + samples + " samples at least 10x faster than Squiggle 0.10", ratio >= 10, null);
  }


  /** Sobol with 10 params and N = 65,536 on the 60-month model, once, in a fresh -Xmx1g JVM (SobolMain). */
  static double sobol() throws IOException, InterruptedException {
    int n = Integer.getInteger("bench.sobol.samples", 65_536);
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(javaBin, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
        SobolMain.class.getName(), String.valueOf(n), "42");
    pb.redirectErrorStream(true);
    Process p = pb.start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String l; (l = in.readLine()) != null; ) {
        lines.add(l);
      }
    }
    if (p.waitFor() != 0) {
      throw new IllegalStateException("the Sobol run failed:\n" + String.join("\n", lines));
    }
    lines.stream().filter(l -> l.startsWith("SOBOL")).forEach(System.out::println);
    return field(lines.stream().filter(l -> l.startsWith("SOBOL ")).findFirst().orElseThrow(), "seconds");
  }

  /**
   * {local, Spark} wall seconds and {local, Spark} CPU seconds of 10^7 evaluations of the 60-month
   * model ({@code -Dbench.spark.samples}), the local engine on 2 threads against Spark in local[2],
   * alternated over {@code -Dbench.spark.rounds} rounds (medians), in a fresh JVM with Spark's Java
   * 17 options ({@code -Dspark.jvm.options}, the pom's property) and -Xmx3g (SparkMain).
   */
  static double[] spark() throws IOException, InterruptedException {
    int n = Integer.getInteger("bench.spark.samples", 10_000_000);
    int rounds = Integer.getInteger("bench.spark.rounds", 2);
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(javaBin, "-Xmx3g"));
    cmd.addAll(List.of(System.getProperty("spark.jvm.options", "").trim().split("\\s+")));
    cmd.addAll(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
        SparkMain.class.getName(), String.valueOf(n), "42", String.valueOf(rounds)));
    ProcessBuilder pb = new ProcessBuilder(cmd.stream().filter(a -> !a.isEmpty()).toList());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.redirectErrorStream(true);
    Process p = pb.start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String l; (l = in.readLine()) != null; ) {
        lines.add(l);
        if (l.startsWith("round ")) {
          System.out.println(l);
        }
      }
    }
    if (p.waitFor() != 0) {
      throw new IllegalStateException("the Spark run failed:\n" + String.join("\n", lines));
    }
    String line = lines.stream().filter(l -> l.startsWith("SPARK ")).findFirst().orElseThrow();
    System.out.println(line);
    return new double[] {field(line, "local_s"), field(line, "spark_s"), field(line, "local_cpu_s"),
        field(line, "spark_cpu_s"), field(line, "samples")};
  }

  /**
   * Spark's overhead and its goal (issue 21): the wall-time ratio (the goal's), the CPU-time ratio
   * (what the run itself spent, whatever the neighbours do), and Spark's evaluations per CPU-second:
   * the throughput one core of a cluster gives, since tasks share nothing but the driver.
   */
  static void sparkLines(double[] s) {
    double samples = s[4];
    String n = samples == 1e7 ? "1e7" : String.format(Locale.ROOT, "%.0e", samples).replace("+0", "").replace("+", "");
    line("TIME", "spark_local2_" + n + "_s", new double[] {s[1]}, "%.2f");
    line("TIME", "local_2threads_" + n + "_s", new double[] {s[0]}, "%.2f");
    line("CPU", "spark_local2_" + n + "_cpu_s", new double[] {s[3]}, "%.2f");
    line("CPU", "local_2threads_" + n + "_cpu_s", new double[] {s[2]}, "%.2f");
    line("RATIO", "spark_overhead", new double[] {s[1] / s[0]}, "%.2f");
    line("RATIO", "spark_overhead_cpu", new double[] {s[3] / s[2]}, "%.2f");
    line("RATE", "spark_evaluations_per_core_s", new double[] {samples / s[3]}, "%.0f");
    line("RATE", "local_evaluations_per_core_s", new double[] {samples / s[2]}, "%.0f");
    goal(String.format(Locale.ROOT, "%,.0f evaluations of the 60-month model on Spark local[2] within 1.3x the local"
        + " engine", samples), s[1] / s[0] <= 1.3, String.format(Locale.ROOT, "wall %.2fx, CPU %.2fx", s[1] / s[0],
        s[3] / s[2]));
  }

  /** The Sobol figure and its goal (issue 17). */
  static void sobolLines(double seconds) {
    line("TIME", "sobol_10_params_65536_s", new double[] {seconds}, "%.2f");
    goal("Sobol with 10 params and N = 65,536 on the 60-month model within 30 s", seconds <= 30, null);
  }

  /** Per round: {family, by hand} evaluation (µs) and {family, by hand} compile (µs) of 1,000 members (issue 16). */
  static double[][][] families(int rounds) throws RunnerException {
    String bench = FamilyBench.class.getName();
    double[][][] out = new double[4][rounds][];
    for (int r = 0; r < rounds; r++) {
      out[0][r] = jmh(bench + ".family1000", 5, 1, TimeUnit.MICROSECONDS);
      out[1][r] = jmh(bench + ".hand1000", 5, 1, TimeUnit.MICROSECONDS);
      out[2][r] = jmh(bench + ".compileFamily1000", 3, 2, TimeUnit.MICROSECONDS);
      out[3][r] = jmh(bench + ".compileHand1000", 3, 2, TimeUnit.MICROSECONDS);
      System.out.printf(Locale.ROOT, "round %d: 1,000 members evaluate family %.1f ± %.1f us, by hand %.1f ± %.1f us;"
          + " compile family %.1f ms, by hand %.1f ms%n", r + 1, out[0][r][0], out[0][r][1], out[1][r][0], out[1][r][1],
          out[2][r][0] / 1000, out[3][r][0] / 1000);
    }
    return out;
  }

  /** The family figures and their goal: a family costs what its members written by hand cost. */
  static void familyLines(double[][][] f) {
    double[] ratio = ratios(f[0], f[1]);
    line("TIME", "family_1000_evaluate_us", column(f[0], 0), "%.1f");
    line("TIME", "hand_1000_evaluate_us", column(f[1], 0), "%.1f");
    line("RATIO", "family_vs_hand_evaluate", ratio, "%.2f");
    line("RATIO", "family_vs_hand_compile", ratios(f[2], f[3]), "%.2f");
    goal("a family of 1,000 members evaluates within 1.2x of 1,000 hand-written instances", median(ratio) <= 1.2, null);
  }

  /**
   * The recurrence-heavy model ({@link RecurrenceBench}: a DSCR-sculpted loan and a cash waterfall,
   * one compiled recurrence group) against its hand-written twin, in {@code rounds} rounds.
   */
  static void recurrence(int rounds) throws RunnerException {
    double[][] tok = new double[rounds][];
    double[][] java = new double[rounds][];
    for (int r = 0; r < rounds; r++) {
      // 8 s of warm-up: the group step is one large method, which C2 may compile twice on a busy machine
      tok[r] = jmh(RECURRENCE + ".tok", 8, 1, TimeUnit.MICROSECONDS);
      java[r] = jmh(RECURRENCE + ".java", 8, 1, TimeUnit.MICROSECONDS);
      System.out.printf(Locale.ROOT, "round %d: recurrence tok %.3f ± %.3f us, java %.3f ± %.3f us%n",
          r + 1, tok[r][0], tok[r][1], java[r][0], java[r][1]);
    }
    double[] ratio = ratios(tok, java);
    line("TIME", "recurrence_tok_us", column(tok, 0), "%.3f");
    line("TIME", "recurrence_java_us", column(java, 0), "%.3f");
    line("RATIO", "recurrence_vs_java", ratio, "%.2f");
    goal("the recurrence model's Model.evaluate within 1.1x of hand-written Java (issue 23)", median(ratio) <= 1.1, null);
  }

  /** The start-up figures and their goal (issue #22). */
  static void startupLines(double[][] startup) {
    line("TIME", "startup_tok_run_s", startup[0], "%.2f");
    line("TIME", "startup_java_version_s", startup[1], "%.2f");
    line("RATIO", "startup_vs_java_version", startup[2], "%.1f");
    goal("tok run of a small sample within 3x of java -version", median(startup[2]) <= 3, null);
  }

  /** JMH: {score, error} of one benchmark in a fresh JVM. */
  static double[] jmh(String benchmark, int iterations, int seconds, TimeUnit unit) throws RunnerException {
    Options options = new OptionsBuilder()
        .include("^" + Pattern.quote(benchmark) + "$")
        .forks(1)
        .warmupIterations(iterations)
        .warmupTime(TimeValue.seconds(seconds))
        .measurementIterations(iterations)
        .measurementTime(TimeValue.seconds(seconds))
        .timeUnit(unit)
        .jvmArgsAppend("-Xmx1g")
        .shouldFailOnError(true)
        .verbosity(VerboseMode.SILENT)
        .build();
    RunResult run = new Runner(options).runSingle();
    Result<?> result = run.getPrimaryResult();
    double error = Double.isNaN(result.getScoreError()) ? 0 : result.getScoreError();
    return new double[] {result.getScore(), error};
  }

  /** One Monte Carlo run in a fresh -Xmx1g JVM: {seconds, peak heap MB, live heap MB}; checks the runs agree. */
  static double[] monteCarlo(String which, int samples) throws IOException, InterruptedException {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(javaBin, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
        McMain.class.getName(), which, String.valueOf(samples), "42",
        String.valueOf(Runtime.getRuntime().availableProcessors()));
    pb.redirectErrorStream(true);
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
    String mc = lines.stream().filter(l -> l.startsWith("MC ")).findFirst().orElseThrow();
    String stats = lines.stream().filter(l -> l.startsWith("STATS ")).findFirst().orElseThrow();
    if (!which.equals("tok-scalar")) { // a model of its own: nothing to agree with
      checkStats(which, stats);
    }
    return new double[] {field(mc, "seconds"), field(mc, "heapPeakMB"), field(mc, "liveAfterGcMB"), field(mc, "cpuSeconds")};
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

  private static double field(String line, String name) {
    for (String part : line.split(" ")) {
      if (part.startsWith(name + "=")) {
        return Double.parseDouble(part.substring(name.length() + 1));
      }
    }
    throw new IllegalArgumentException(name + " in " + line);
  }

  static void machine() throws IOException {
    String cpu = "unknown";
    Path info = Path.of("/proc/cpuinfo");
    if (Files.isReadable(info)) {
      cpu = Files.readAllLines(info).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
    }
    System.out.printf("MACHINE nproc=%d cpu=\"%s\" jvm=\"%s %s\"%n", Runtime.getRuntime().availableProcessors(), cpu,
        System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"));
  }

  static double[] ratios(double[][] a, double[][] b) {
    double[] r = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      r[i] = a[i][0] / b[i][0];
    }
    return r;
  }

  static double[] column(double[][] rows, int c) {
    return Arrays.stream(rows).mapToDouble(r -> r[c]).toArray();
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  static double max(double[] v) {
    return Arrays.stream(v).max().orElse(Double.NaN);
  }

  /** {@code KIND name median (min–max over rounds)}. */
  static void line(String kind, String name, double[] values, String format) {
    double[] s = values.clone();
    Arrays.sort(s);
    String range = s.length > 1 ? " (" + String.format(Locale.ROOT, format, s[0]) + "–"
        + String.format(Locale.ROOT, format, s[s.length - 1]) + " over " + s.length + " rounds)" : "";
    System.out.println(kind + " " + name + " " + String.format(Locale.ROOT, format, median(values)) + range);
  }

  static void goal(String what, boolean met, String note) {
    System.out.println("GOAL " + (met ? "met" : "NOT met") + ": " + what + (note == null ? "" : " (" + note + ")"));
  }
}

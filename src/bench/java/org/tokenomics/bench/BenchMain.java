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
import org.openjdk.jmh.runner.RunnerException;

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
 *       and of its hand-written twin; {@code -Dbench.only=recurrence} runs only this;</li>
 *   <li>the evaluation suite of issue 23 ({@link Suite}): six models, each against its hand-written
 *       Java and JEXL twins; {@code -Dbench.only=suite} runs only this.</li>
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
      McBench.squiggleComparison(samples);
      return;
    }
    if (Boolean.getBoolean("bench.mcOnly")) { // -Dbench.mcOnly=true: the 60-month Monte Carlo alone (issue 23)
      McBench.monteCarloRounds(rounds, samples, null);
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
    if ("suite".equals(System.getProperty("bench.only"))) { // -Dbench.only=suite: the evaluation suite alone
      Suite.run(rounds);
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

    double[][][] evaluate = Jmh.rounds(rounds, "evaluate",
        new Jmh.Spec(EVALUATE + ".tok", 5, 1, TimeUnit.MICROSECONDS),
        new Jmh.Spec(EVALUATE + ".java", 5, 1, TimeUnit.MICROSECONDS),
        new Jmh.Spec(EVALUATE + ".jexl", 3, 1, TimeUnit.MICROSECONDS));
    double[][] tok = evaluate[0];
    double[][] java = evaluate[1];
    double[][] jexl = evaluate[2];
    double[] compile = jmh(COMPILE + ".compile", 5, 2, TimeUnit.MILLISECONDS);
    System.out.printf(Locale.ROOT, "compile 10,000 lines: %.1f ± %.1f ms%n", compile[0], compile[1]);

    double[][] scalarMc = new double[rounds][];
    for (int r = 0; r < rounds; r++) {
      scalarMc[r] = McBench.monteCarlo("tok-scalar", samples);
      System.out.printf(Locale.ROOT, "round %d: Monte Carlo of the four-param scalar model tok %.2f s%n", r + 1,
          scalarMc[r][0]);
    }
    List<Runnable> mcLines = new ArrayList<>();
    McBench.monteCarloRounds(rounds, samples, mcLines);

    double sobolSeconds = sobol();
    Runnable squiggleSeconds = McBench.squiggleComparison(samples);
    double[][][] families = families(rounds);
    double[] sparkSeconds = spark();

    System.out.println();
    double[] evalRatio = ratios(tok, java);
    double[] jexlRatio = ratios(jexl, tok);
    line("TIME", "evaluate_tok_us", column(tok, 0), "%.3f");
    line("TIME", "evaluate_java_us", column(java, 0), "%.3f");
    line("TIME", "evaluate_jexl_us", column(jexl, 0), "%.1f");
    line("RATIO", "evaluate_vs_java", evalRatio, "%.2f");
    line("RATIO", "jexl_vs_evaluate", jexlRatio, "%.0f");
    line("TIME", "compile_10k_lines_s", new double[] {compile[0] / 1000}, "%.3f");
    mcLines.get(0).run();
    startupLines(startup);
    line("TIME", "mc_scalar_tok_s", column(scalarMc, 0), "%.2f");
    familyLines(families);

    System.out.println();
    goal("Model.evaluate within 1.5x of hand-written Java (stretch 1.1x)", median(evalRatio) <= 1.5,
        median(evalRatio) <= 1.1 ? "stretch met too" : "stretch not met");
    goal("Model.evaluate at least 20x faster than JEXL", median(jexlRatio) >= 20, null);
    mcLines.get(1).run();
    goal("compile 10,000 lines in at most 1 s warm", compile[0] <= 1000, null);
    sobolLines(sobolSeconds);
    sparkLines(sparkSeconds);
    squiggleSeconds.run();
    recurrence(rounds);
    Suite.run(rounds);
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
    return Jmh.rounds(rounds, "1,000 members",
        new Jmh.Spec(bench + ".family1000", 5, 1, TimeUnit.MICROSECONDS),
        new Jmh.Spec(bench + ".hand1000", 5, 1, TimeUnit.MICROSECONDS),
        new Jmh.Spec(bench + ".compileFamily1000", 3, 2, TimeUnit.MICROSECONDS),
        new Jmh.Spec(bench + ".compileHand1000", 3, 2, TimeUnit.MICROSECONDS));
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
    // 8 s of warm-up: the group step is one large method, which C2 may compile twice on a busy machine
    double[][][] times = Jmh.rounds(rounds, "recurrence",
        new Jmh.Spec(RECURRENCE + ".tok", 8, 1, TimeUnit.MICROSECONDS),
        new Jmh.Spec(RECURRENCE + ".java", 8, 1, TimeUnit.MICROSECONDS));
    double[][] tok = times[0];
    double[][] java = times[1];
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

  /** JMH: {score, error} of one benchmark in a fresh JVM ({@link Jmh#run}). */
  static double[] jmh(String benchmark, int iterations, int seconds, TimeUnit unit) throws RunnerException {
    return Jmh.run(new Jmh.Spec(benchmark, iterations, seconds, unit));
  }

  static double field(String line, String name) {
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

package org.tokenomics.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.runner.RunnerException;

/**
 * The evaluation suite of issue 23 ({@code -Dbench.only=suite} runs only this): for each
 * {@link SuiteModel}, JMH average times of Tok's {@code Model.evaluate()}, its hand-written Java
 * twin and its JEXL twin ({@link SuiteBench}), in {@code bench.rounds} rounds alternating the three,
 * then a {@code RATIO <model>_evaluate_vs_java} (Tok's time over the twin's) and
 * {@code RATIO <model>_evaluate_vs_jexl} line per model, the worst ratio against Java and whether
 * it meets the goal of 1.1. {@code -Dbench.suite.models=a,b} measures some models only;
 * {@code -Dbench.suite.iterations} and {@code -Dbench.suite.seconds} (default 5 × 1 s of warm-up
 * and as many of measurement) shorten a run while iterating; {@code -Dbench.suite.forks} (default
 * {@link #FORKS}) is how many JVMs measure Tok and the twin, each, per round.
 */
final class Suite {
  private Suite() {}

  static final String BENCH = SuiteBench.class.getName();
  static final double GOAL = 1.1;
  /**
   * JVMs per benchmark and round for Tok and its Java twin alike (the JEXL twin, far off the goal,
   * gets one): one JVM's JIT decisions moved the minmax twin's own time by up to 16 % between
   * JVMs (3.30–3.86 µs on a quiet machine), more than the margin the goal leaves.
   */
  static final int FORKS = 3;

  static void run(int rounds) throws RunnerException, IOException {
    String only = System.getProperty("bench.suite.models", "");
    List<String> models = only.isBlank() ? SuiteModel.NAMES : List.of(only.split(","));
    int iterations = Integer.getInteger("bench.suite.iterations", 5);
    int seconds = Integer.getInteger("bench.suite.seconds", 1);
    int forks = Integer.getInteger("bench.suite.forks", FORKS);
    System.out.println("LOAD before the suite: " + load());
    double[][] javaRatios = new double[models.size()][];
    double[][] jexlRatios = new double[models.size()][];
    double[][][][] times = new double[models.size()][][][];
    for (int m = 0; m < models.size(); m++) {
      String p = "model=" + models.get(m);
      times[m] = Jmh.rounds(rounds, models.get(m),
          new Jmh.Spec(BENCH + ".tok", forks, iterations, seconds, TimeUnit.MICROSECONDS, p),
          new Jmh.Spec(BENCH + ".java", forks, iterations, seconds, TimeUnit.MICROSECONDS, p),
          new Jmh.Spec(BENCH + ".jexl", Math.max(1, iterations * 3 / 5), seconds, TimeUnit.MICROSECONDS, p));
      javaRatios[m] = BenchMain.ratios(times[m][0], times[m][1]);
      jexlRatios[m] = BenchMain.ratios(times[m][0], times[m][2]);
    }
    System.out.println("LOAD after the suite: " + load());
    System.out.println();
    int worst = 0;
    for (int m = 0; m < models.size(); m++) {
      String name = models.get(m);
      BenchMain.line("TIME", name + "_tok_us", BenchMain.column(times[m][0], 0), "%.3f");
      BenchMain.line("TIME", name + "_java_us", BenchMain.column(times[m][1], 0), "%.3f");
      BenchMain.line("TIME", name + "_jexl_us", BenchMain.column(times[m][2], 0), "%.1f");
      BenchMain.line("RATIO", name + "_evaluate_vs_java", javaRatios[m], "%.2f");
      BenchMain.line("RATIO", name + "_evaluate_vs_jexl", jexlRatios[m], "%.3f");
      if (BenchMain.median(javaRatios[m]) > BenchMain.median(javaRatios[worst])) {
        worst = m;
      }
    }
    double worstRatio = BenchMain.median(javaRatios[worst]);
    System.out.printf(Locale.ROOT, "RATIO worst_evaluate_vs_java %.2f (%s)%n", worstRatio, models.get(worst));
    System.out.printf(Locale.ROOT,
        "GOAL worst evaluate ratio <= %.1f: %s (worst: %s %.2f; medians over %d rounds of %d JVMs each side)%n",
        GOAL, worstRatio <= GOAL ? "met" : "NOT met", models.get(worst), worstRatio, rounds, forks);
  }

  /** The load averages, from /proc/loadavg (the machine may be shared). */
  static String load() throws IOException {
    Path p = Path.of("/proc/loadavg");
    return Files.isReadable(p) ? String.join(" ", Arrays.copyOf(Files.readString(p).trim().split(" "), 3)) : "unknown";
  }
}

package org.tokenomics.bench;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The one place the benchmark runs JMH: a benchmark in fresh JVMs ({@link #run}), and benchmarks
 * measured in rounds, each round running every benchmark once in turn, so that A and B alternate
 * and the noise of a shared machine shows as a range of per-round ratios ({@link #rounds}).
 */
final class Jmh {
  private Jmh() {}

  /**
   * One benchmark to measure.
   *
   * @param benchmark  the method's full name ({@code org.tokenomics.bench.SuiteBench.tok})
   * @param forks      fresh JVMs, one after the other; the score is the mean over all of them (a
   *                   JVM's JIT decisions can move a score by 15 %, so more forks steady it)
   * @param iterations warm-up and measurement iterations, per fork
   * @param seconds    seconds per iteration
   * @param unit       the unit of the score
   * @param params     JMH params as {@code name=value}
   */
  record Spec(String benchmark, int forks, int iterations, int seconds, TimeUnit unit, String... params) {
    /** A benchmark measured in one fresh JVM. */
    Spec(String benchmark, int iterations, int seconds, TimeUnit unit, String... params) {
      this(benchmark, 1, iterations, seconds, unit, params);
    }
  }

  /** {score, error} of one benchmark in {@code spec.forks()} fresh JVMs. */
  static double[] run(Spec spec) throws RunnerException {
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include("^" + Pattern.quote(spec.benchmark()) + "$")
        .forks(spec.forks())
        .warmupIterations(spec.iterations())
        .warmupTime(TimeValue.seconds(spec.seconds()))
        .measurementIterations(spec.iterations())
        .measurementTime(TimeValue.seconds(spec.seconds()))
        .timeUnit(spec.unit())
        .jvmArgsAppend("-Xmx1g")
        .shouldFailOnError(true)
        .verbosity(VerboseMode.SILENT);
    for (String p : spec.params()) {
      int eq = p.indexOf('=');
      options.param(p.substring(0, eq), p.substring(eq + 1));
    }
    RunResult run = new Runner(options.build()).runSingle();
    Result<?> result = run.getPrimaryResult();
    double error = Double.isNaN(result.getScoreError()) ? 0 : result.getScoreError();
    return new double[] {result.getScore(), error};
  }

  /**
   * {@code rounds} rounds of the benchmarks, each round running them in the order given; result
   * {@code [benchmark][round] = {score, error}}. After each round prints {@code round N: LABEL}
   * and each benchmark's {@code name score ± error unit}.
   */
  static double[][][] rounds(int rounds, String label, Spec... specs) throws RunnerException {
    double[][][] out = new double[specs.length][rounds][];
    for (int r = 0; r < rounds; r++) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %d: %s", r + 1, label));
      for (int b = 0; b < specs.length; b++) {
        out[b][r] = run(specs[b]);
        String name = specs[b].benchmark().substring(specs[b].benchmark().lastIndexOf('.') + 1);
        line.append(String.format(Locale.ROOT, "%s %s %.3f ± %.3f %s", b == 0 ? "" : ",", name, out[b][r][0],
            out[b][r][1], unit(specs[b].unit())));
      }
      System.out.println(line);
    }
    return out;
  }

  private static String unit(TimeUnit unit) {
    return switch (unit) {
      case NANOSECONDS -> "ns";
      case MICROSECONDS -> "us";
      case MILLISECONDS -> "ms";
      default -> unit.name().toLowerCase(Locale.ROOT);
    };
  }
}

package org.tokenomics.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.tokenomics.Model;
import org.tokenomics.Scenario;
import org.tokenomics.Simulation;
import org.tokenomics.SimulationOptions;
import org.tokenomics.Tokenomics;
import org.tokenomics.spark.ModelBundle;
import org.tokenomics.spark.SparkTok;

/**
 * Spark's overhead (issue 21), in a fresh JVM with Spark's Java 17 options (BenchMain starts it):
 * {@code SparkMain SAMPLES SEED [ROUNDS]}. SAMPLES evaluations of the 60-month model, each a whole
 * model evaluation (every cell, 60 periods), by the local engine on 2 threads and by Spark in
 * {@code local[2]} (one task per core), after a warm-up of a tenth as many on each, then ROUNDS
 * rounds that alternate the two (so that a change in the machine's load hits both), checking that
 * both give the same numbers bit for bit. Wall time and the process's CPU time are both measured:
 * on a shared machine the wall time mostly measures the neighbours, the CPU time what the run
 * itself spent (Spark's scheduling, serialization and the driver's merge included). The model's
 * reports are cut to its scalar {@code value} (the npv of cash, which reads every other cell): an
 * exact Spark run brings every report value to the driver, and 601 values × 10^7 samples would not
 * fit. Prints a line per round and then {@code SPARK local_s=… spark_s=… local_cpu_s=…
 * spark_cpu_s=… samples=N} with the medians.
 */
public final class SparkMain {
  private SparkMain() {}

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  public static void main(String[] args) throws Exception {
    int samples = Integer.parseInt(args[0]);
    long seed = Long.parseLong(args[1]);
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    Path dir = Files.createTempDirectory("tok-spark-bench");
    String source = Arrays.stream(Bench.source().split("\n")).filter(l -> !l.startsWith("report "))
        .collect(Collectors.joining("\n")) + "\nreport value = npv(cash, discount) as $B\n";
    Path file = dir.resolve("sixty-months-value.tok");
    Files.writeString(file, source);
    Model model = Tokenomics.standard().compile(file).model();
    SimulationOptions two = SimulationOptions.DEFAULT.withThreads(2);

    SparkSession spark = SparkSession.builder().master("local[2]").appName("tok-spark-bench")
        .config("spark.ui.enabled", "false").config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.maxResultSize", "0").getOrCreate();
    try {
      ModelBundle bundle = ModelBundle.of(file);
      model.simulate(Scenario.BASE, Map.of(), samples / 10, seed, two); // warm-ups
      SparkTok.simulate(spark, bundle, Scenario.BASE, Map.of(), samples / 10, seed);
      double[][] t = new double[4][rounds]; // local wall, Spark wall, local CPU, Spark CPU
      for (int r = 0; r < rounds; r++) {
        System.gc();
        long w0 = System.nanoTime();
        long c0 = OS.getProcessCpuTime();
        Simulation local = model.simulate(Scenario.BASE, Map.of(), samples, seed, two);
        t[0][r] = (System.nanoTime() - w0) / 1e9;
        t[2][r] = (OS.getProcessCpuTime() - c0) / 1e9;
        System.gc();
        long w1 = System.nanoTime();
        long c1 = OS.getProcessCpuTime();
        Simulation there = SparkTok.simulate(spark, bundle, Scenario.BASE, Map.of(), samples, seed);
        t[1][r] = (System.nanoTime() - w1) / 1e9;
        t[3][r] = (OS.getProcessCpuTime() - c1) / 1e9;
        same(local, there);
        System.out.printf(Locale.ROOT, "round %d: local %.2f s (CPU %.2f s), Spark local[2] %.2f s (CPU %.2f s)%n", r + 1,
            t[0][r], t[2][r], t[1][r], t[3][r]);
      }
      System.out.printf(Locale.ROOT, "SPARK local_s=%.3f spark_s=%.3f local_cpu_s=%.3f spark_cpu_s=%.3f samples=%d%n",
          median(t[0]), median(t[1]), median(t[2]), median(t[3]), samples);
    } finally {
      spark.stop();
    }
  }

  private static void same(Simulation local, Simulation there) {
    for (double q : new double[] {0.05, 0.5, 0.95}) {
      if (!Arrays.equals(local.quantile("value", q).values(), there.quantile("value", q).values())) {
        throw new IllegalStateException("Spark and the local engine differ at q" + q);
      }
    }
    if (!Arrays.equals(local.mean("value").values(), there.mean("value").values())) {
      throw new IllegalStateException("Spark and the local engine differ in the mean");
    }
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }
}

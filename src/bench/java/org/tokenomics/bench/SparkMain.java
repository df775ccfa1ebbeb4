package org.tokenomics.bench;

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
 * {@code SparkMain SAMPLES SEED}. SAMPLES evaluations of the 60-month model, each a whole model
 * evaluation (every cell, 60 periods), by the local engine on 2 threads and by Spark in
 * {@code local[2]}, each after a warm-up run of a tenth as many, and checks that both give the
 * same numbers. The model's reports are cut to its scalar {@code value} (the npv of cash, which
 * reads every other cell): an exact Spark run brings every report value to the driver, and 601
 * values × 10^7 samples would not fit. Prints {@code SPARK local_s=L spark_s=S samples=N}.
 */
public final class SparkMain {
  private SparkMain() {}

  public static void main(String[] args) throws Exception {
    int samples = Integer.parseInt(args[0]);
    long seed = Long.parseLong(args[1]);
    Path dir = Files.createTempDirectory("tok-spark-bench");
    String source = Arrays.stream(Bench.source().split("\n")).filter(l -> !l.startsWith("report "))
        .collect(Collectors.joining("\n")) + "\nreport value = npv(cash, discount) as $B\n";
    Path file = dir.resolve("sixty-months-value.tok");
    Files.writeString(file, source);
    Model model = Tokenomics.standard().compile(file).model();
    SimulationOptions two = SimulationOptions.DEFAULT.withThreads(2);

    model.simulate(Scenario.BASE, Map.of(), samples / 10, seed, two); // warm-up
    long t0 = System.nanoTime();
    Simulation local = model.simulate(Scenario.BASE, Map.of(), samples, seed, two);
    double localSeconds = (System.nanoTime() - t0) / 1e9;

    SparkSession spark = SparkSession.builder().master("local[2]").appName("tok-spark-bench")
        .config("spark.ui.enabled", "false").config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.maxResultSize", "0").getOrCreate();
    try {
      ModelBundle bundle = ModelBundle.of(file);
      SparkTok.simulate(spark, bundle, Scenario.BASE, Map.of(), samples / 10, seed); // warm-up
      long t1 = System.nanoTime();
      Simulation there = SparkTok.simulate(spark, bundle, Scenario.BASE, Map.of(), samples, seed);
      double sparkSeconds = (System.nanoTime() - t1) / 1e9;
      for (double q : new double[] {0.05, 0.5, 0.95}) {
        if (!Arrays.equals(local.quantile("value", q).values(), there.quantile("value", q).values())) {
          throw new IllegalStateException("Spark and the local engine differ at q" + q);
        }
      }
      if (!Arrays.equals(local.mean("value").values(), there.mean("value").values())) {
        throw new IllegalStateException("Spark and the local engine differ in the mean");
      }
      System.out.printf(Locale.ROOT, "SPARK local_s=%.3f spark_s=%.3f samples=%d%n", localSeconds, sparkSeconds,
          samples);
    } finally {
      spark.stop();
    }
  }
}

package example;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.tokenomics.Model;
import org.tokenomics.Scenario;
import org.tokenomics.Simulation;
import org.tokenomics.Tokenomics;
import org.tokenomics.spark.ModelBundle;
import org.tokenomics.spark.SparkTok;

/**
 * A Monte Carlo run of a Tok model on Spark (dsl/manual/spark.md): {@code SparkApp MODEL.tok
 * [SAMPLES] [SEED]}. The master comes from spark-submit ({@code --master}); the model's folder
 * (imports, data files) is bundled on the driver and compiled once on each executor. With
 * {@code --check-local} it also runs the same simulation on the driver alone and says whether every
 * number is the same.
 */
public final class SparkApp {
  private SparkApp() {}

  public static void main(String[] args) {
    Path model = Path.of(args[0]);
    int samples = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
    boolean checkLocal = java.util.Arrays.asList(args).contains("--check-local");

    SparkSession spark = SparkSession.builder().appName("tok " + model.getFileName()).getOrCreate();
    try {
      ModelBundle bundle = ModelBundle.of(model);          // compiles here: a broken model stops before Spark
      Simulation mc = SparkTok.simulate(spark, bundle, Scenario.BASE, Map.of(), samples, seed);
      System.out.printf(Locale.ROOT, "%s: %,d samples on %s, seed %d%n", bundle.main(), mc.samples(),
          spark.sparkContext().master(), seed);
      for (String r : mc.reportNames()) {
        double[] mean = mc.mean(r).values();
        if (mean.length == 1) {
          System.out.printf(Locale.ROOT, "  %-14s mean %10.4f  p5 %10.4f  p50 %10.4f  p95 %10.4f  %s%n", r, mean[0],
              mc.quantile(r, 0.05).values()[0], mc.quantile(r, 0.5).values()[0], mc.quantile(r, 0.95).values()[0],
              mc.mean(r).unit());
        }
      }
      if (checkLocal) {
        Model local = Tokenomics.standard().compile(model).model();
        Simulation here = local.simulate(samples, seed);
        boolean same = here.reportNames().stream().allMatch(r -> java.util.Arrays.equals(here.mean(r).values(),
            mc.mean(r).values()) && java.util.Arrays.equals(here.quantile(r, 0.95).values(), mc.quantile(r, 0.95).values()));
        System.out.println("same as a local run: " + same);
      }
    } finally {
      spark.stop();
    }
  }
}

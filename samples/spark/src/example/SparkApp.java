package example;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.tokenomics.GlobalSensitivity;
import org.tokenomics.Model;
import org.tokenomics.Scenario;
import org.tokenomics.Simulation;
import org.tokenomics.Tokenomics;
import org.tokenomics.spark.ModelBundle;
import org.tokenomics.spark.SparkTok;

/**
 * A Monte Carlo run of a Tok model on Spark (dsl/manual/spark.md): {@code SparkApp MODEL.tok
 * [SAMPLES] [SEED] [--sobol REPORT] [--check-local]}. The master comes from spark-submit
 * ({@code --master}); the model's folder (imports, data files) is bundled on the driver and
 * compiled once on each executor. With {@code --sobol REPORT} it also ranks the uncertain params
 * by their Sobol indices on REPORT (SAMPLES base samples). With {@code --check-local} it runs the
 * same on the driver alone and says whether every number is the same.
 */
public final class SparkApp {
  private SparkApp() {}

  public static void main(String[] args) {
    Path model = Path.of(args[0]);
    int samples = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
    java.util.List<String> flags = java.util.Arrays.asList(args);
    boolean checkLocal = flags.contains("--check-local");
    String sobolOf = flags.contains("--sobol") ? args[flags.indexOf("--sobol") + 1] : null;

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
      GlobalSensitivity sobol = null;
      if (sobolOf != null) {
        sobol = SparkTok.sensitivity(spark, bundle, "sobol", sobolOf, samples, seed, Scenario.BASE, Map.of());
        if (!sobol.ok()) {
          sobol.diagnostics().forEach(d -> System.err.println(d.render()));
          return;
        }
        System.out.printf(Locale.ROOT, "Sobol indices of %s (%,d base samples), largest total first%n", sobolOf, samples);
        for (GlobalSensitivity.Index i : sobol.params()) {
          System.out.printf(Locale.ROOT, "  %-14s first %6.3f [%6.3f, %6.3f]  total %6.3f [%6.3f, %6.3f]%n", i.name(),
              i.first(), i.firstLow(), i.firstHigh(), i.total(), i.totalLow(), i.totalHigh());
        }
      }
      if (checkLocal) {
        Model local = Tokenomics.standard().compile(model).model();
        Simulation here = local.simulate(samples, seed);
        boolean same = here.reportNames().stream().allMatch(r -> java.util.Arrays.equals(here.mean(r).values(),
            mc.mean(r).values()) && java.util.Arrays.equals(here.quantile(r, 0.95).values(), mc.quantile(r, 0.95).values()));
        if (sobol != null) {
          same &= sobol.equals(local.globalSensitivity("sobol", sobolOf, samples, seed, Scenario.BASE, Map.of()));
        }
        System.out.println("same as a local run: " + same);
      }
    } finally {
      spark.stop();
    }
  }
}

package org.tokenomics.spark;

import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.tokenomics.Scenario;
import org.tokenomics.Simulation;

/**
 * The entry the command line calls, by name, for {@code tok run FILE --samples N --spark MASTER}
 * (the CLI's {@code SparkRoute}): a session on the master, the file bundled, the run spread over
 * one range per core. The session is the JVM's ({@code getOrCreate}), so several scenarios of one
 * command share it; Spark stops it when the JVM exits.
 */
public final class SparkCli {
  private SparkCli() {}

  /**
   * Simulates the model in {@code file} on the Spark master.
   *
   * @param master    a Spark master URL ({@code local[*]}, {@code spark://HOST:7077}, {@code yarn})
   * @param file      the model's main file
   * @param scenario  a declared scenario, or {@link Scenario#BASE}
   * @param overrides param name to a Tok expression
   * @param samples   how many samples
   * @param seed      the seed
   * @return the simulation, equal to a local run with the same seed
   */
  public static Simulation simulate(String master, Path file, Scenario scenario, Map<String, String> overrides,
                                    int samples, long seed) {
    ModelBundle bundle = ModelBundle.of(file); // a broken model never reaches Spark
    SparkSession.Builder b = SparkSession.builder().master(master).appName("tok " + file.getFileName())
        .config("spark.ui.showConsoleProgress", "false");
    if (master.startsWith("local")) { // one machine: no web UI on 0.0.0.0:4040, no guessing of the host's address
      b.config("spark.ui.enabled", "false").config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.driver.host", "127.0.0.1");
    }
    SparkSession spark = b.getOrCreate();
    return SparkTok.simulate(spark, bundle, scenario, overrides, samples, seed);
  }
}

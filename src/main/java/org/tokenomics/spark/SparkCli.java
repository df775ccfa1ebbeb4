package org.tokenomics.spark;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.tokenomics.GlobalSensitivity;
import org.tokenomics.Scenario;
import org.tokenomics.Simulation;
import org.tokenomics.Sweep;

/**
 * The entry the command line calls, by name, for {@code tok run FILE --samples N --spark MASTER},
 * {@code tok sweep … --spark MASTER} and {@code tok sensitivity --method sobol|morris … --spark
 * MASTER} (the CLI's {@code SparkRoute}): a session on the master, the file bundled, the work spread over
 * the cores. The session is the JVM's ({@code getOrCreate}), so several scenarios of one
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
    return SparkTok.simulate(session(master, file), bundle, scenario, overrides, samples, seed);
  }

  /**
   * Sweeps the model in {@code file} on the Spark master ({@code tok sweep --spark MASTER}).
   *
   * @param master    a Spark master URL
   * @param file      the model's main file
   * @param vary      the swept params and their ranges
   * @param scenario  a declared scenario, or {@link Scenario#BASE}
   * @param overrides param name to a Tok expression
   * @return the sweep, equal to a local one
   */
  public static Sweep sweep(String master, Path file, List<Sweep.Vary> vary, Scenario scenario,
                            Map<String, String> overrides) {
    ModelBundle bundle = ModelBundle.of(file);
    return SparkTok.sweep(session(master, file), bundle, vary, scenario, overrides);
  }

  /**
   * A Sobol or Morris analysis of the model in {@code file} on the Spark master
   * ({@code tok sensitivity --method sobol|morris --spark MASTER}).
   *
   * @param master    a Spark master URL
   * @param file      the model's main file
   * @param method    {@code sobol} or {@code morris}
   * @param output    a scalar report or value
   * @param samples   Sobol's base samples or Morris's trajectories
   * @param seed      the seed
   * @param scenario  a declared scenario, or {@link Scenario#BASE}
   * @param overrides param name to a Tok expression
   * @return the analysis, equal to a local one with the same seed
   */
  public static GlobalSensitivity sensitivity(String master, Path file, String method, String output, int samples,
                                              long seed, Scenario scenario, Map<String, String> overrides) {
    ModelBundle bundle = ModelBundle.of(file);
    return SparkTok.sensitivity(session(master, file), bundle, method, output, samples, seed, scenario, overrides);
  }

  /** The JVM's session on {@code master}; a local one without the web UI, bound to 127.0.0.1. */
  private static SparkSession session(String master, Path file) {
    SparkSession.Builder b = SparkSession.builder().master(master).appName("tok " + file.getFileName())
        .config("spark.ui.showConsoleProgress", "false");
    if (master.startsWith("local")) { // one machine: no web UI on 0.0.0.0:4040, no guessing of the host's address
      b.config("spark.ui.enabled", "false").config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.driver.host", "127.0.0.1");
    }
    return b.getOrCreate();
  }
}

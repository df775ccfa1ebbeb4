package org.tokenomics.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tokenomics.GlobalSensitivity;
import org.tokenomics.Scenario;
import org.tokenomics.Simulation;
import org.tokenomics.Sweep;

/**
 * {@code tok run --samples N --spark MASTER}, {@code tok sweep --spark MASTER} and {@code tok sensitivity
 * --method sobol|morris --spark MASTER}: the work goes to the tok-spark artifact
 * ({@code org.tokenomics.spark.SparkCli}), found on the class path by name, so that tok.jar carries
 * no Spark and needs none unless asked. The {@code ./tok} launcher puts the tok-spark jar and
 * Spark's jars on the class path (with the JVM options Spark needs) when it sees {@code --spark};
 * elsewhere the user does (dsl/spark.md).
 */
final class SparkRoute {
  private SparkRoute() {}

  static final String ENTRY = "org.tokenomics.spark.SparkCli";
  static final String MISSING = "--spark needs the tok-spark jar and Apache Spark on the class path: ./tok adds them"
      + " (after mvn package), or run java -cp 'tok.jar:tok-VERSION-spark.jar:$SPARK_HOME/jars/*' with Spark's JVM"
      + " options (dsl/spark.md)";

  /** Why a Spark run cannot be made: the tok-spark jar or Spark is missing from the class path. */
  static final class Unavailable extends Exception {
    private static final long serialVersionUID = 1L;

    Unavailable(String message) {
      super(message);
    }
  }

  /** Simulates {@code file} on the Spark master; IllegalArgumentException/EvaluationException as the API throws. */
  static Simulation simulate(String master, Path file, Scenario scenario, Map<String, String> overrides, int samples,
                             long seed) throws Unavailable {
    return (Simulation) call("simulate", new Class<?>[] {String.class, Path.class, Scenario.class, Map.class, int.class,
        long.class}, master, file, scenario, overrides, samples, seed);
  }

  /** {@code tok sweep --spark}: the sweep of {@code file} on the Spark master, equal to the local one. */
  static Sweep sweep(String master, Path file, List<Sweep.Vary> vary, Scenario scenario, Map<String, String> overrides)
      throws Unavailable {
    return (Sweep) call("sweep", new Class<?>[] {String.class, Path.class, List.class, Scenario.class, Map.class}, master,
        file, vary, scenario, overrides);
  }

  /** {@code tok sensitivity --method sobol|morris --spark}: the analysis on the Spark master, equal to the local one. */
  static GlobalSensitivity sensitivity(String master, Path file, String method, String output, int samples, long seed,
                                       Scenario scenario, Map<String, String> overrides) throws Unavailable {
    return (GlobalSensitivity) call("sensitivity", new Class<?>[] {String.class, Path.class, String.class, String.class,
        int.class, long.class, Scenario.class, Map.class}, master, file, method, output, samples, seed, scenario,
        overrides);
  }

  /** Calls {@code SparkCli.NAME}; its runtime exceptions pass through, a missing Spark is {@link Unavailable}. */
  private static Object call(String name, Class<?>[] types, Object... args) throws Unavailable {
    Method m;
    try {
      m = Class.forName(ENTRY).getMethod(name, types);
    } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
      throw new Unavailable(MISSING);
    }
    try {
      return m.invoke(null, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof LinkageError) {
        throw new Unavailable(MISSING);
      }
      throw new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new Unavailable(MISSING);
    }
  }
}

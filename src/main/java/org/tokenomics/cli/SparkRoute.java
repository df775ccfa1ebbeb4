package org.tokenomics.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Map;
import org.tokenomics.Scenario;
import org.tokenomics.Simulation;

/**
 * {@code tok run --samples N --spark MASTER}: the run goes to the tok-spark artifact
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
    Method m;
    try {
      m = Class.forName(ENTRY).getMethod("simulate", String.class, Path.class, Scenario.class, Map.class, int.class,
          long.class);
    } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
      throw new Unavailable(MISSING);
    }
    try {
      return (Simulation) m.invoke(null, master, file, scenario, overrides, samples, seed);
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

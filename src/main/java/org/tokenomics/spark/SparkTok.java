package org.tokenomics.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.tokenomics.GlobalSensitivity;
import org.tokenomics.Limits;
import org.tokenomics.Model;
import org.tokenomics.Scenario;
import org.tokenomics.Simulation;
import org.tokenomics.SimulationOptions;
import org.tokenomics.SimulationPart;
import org.tokenomics.Sweep;

/**
 * Monte Carlo runs, sweeps and Sobol or Morris analyses of a Tok model on Apache Spark
 * (EMBEDDING.md §11), each returning what the local API returns, with the same numbers:
 *
 * <pre>{@code
 * SparkSession spark = SparkSession.builder().master("local[*]").getOrCreate();
 * ModelBundle bundle = ModelBundle.of(Path.of("campus.tok"));   // compiles on the driver first
 * Simulation mc = SparkTok.simulate(spark, bundle, Scenario.BASE, Map.of(), 1_000_000, 42L);
 * double p5 = mc.quantile("npv", 0.05).in("$B");                 // = model.simulate(1_000_000, 42L)
 * }</pre>
 *
 * <p>The run is split into ranges of samples, one Spark task each; the bundle is broadcast, and
 * each executor compiles it once ({@link BundleCache}). Every task returns a {@link
 * SimulationPart}; parts are merged on the executors and then on the driver, in whatever order
 * Spark chooses, into the {@link Simulation} a local run with the same seed gives, bit for bit
 * (draws are counter-based, and values reach the statistics in sample order). A model that does
 * not compile, an unknown scenario or a bad override fails on the driver before any task starts.
 *
 * <p>{@link #sweep} splits the grid into ranges of points and joins them in grid order; {@link
 * #sensitivity} splits a Sobol analysis into aligned ranges of rows whose running sums (estimate
 * and bootstrap resamples) merge in the local run's grouping, and a Morris analysis into ranges of
 * trajectories.
 *
 * <p>A part keeps every report value of its samples, so the driver holds samples × report values
 * doubles: the same {@link Limits#maxSampleValues()} as a local run bounds it.
 */
public final class SparkTok {
  private SparkTok() {}

  /**
   * {@link #simulate(SparkSession, ModelBundle, Scenario, Map, int, long, int)} with one range per
   * core of the cluster ({@code defaultParallelism}).
   *
   * @param spark     the session whose cluster runs the tasks
   * @param bundle    the model's sources ({@link ModelBundle#of})
   * @param scenario  a declared scenario, or {@link Scenario#BASE}
   * @param overrides param name to a Tok expression, on top of the scenario
   * @param samples   how many samples (1 or more)
   * @param seed      the seed; the same seed gives the same numbers as {@link Model#simulate}
   * @return the simulation of samples {@code 0..samples-1}
   */
  public static Simulation simulate(SparkSession spark, ModelBundle bundle, Scenario scenario,
                                    Map<String, String> overrides, int samples, long seed) {
    return simulate(spark, bundle, scenario, overrides, samples, seed, spark.sparkContext().defaultParallelism());
  }

  /**
   * A Monte Carlo run split into {@code slices} ranges of samples, each a Spark task.
   *
   * @param spark     the session whose cluster runs the tasks
   * @param bundle    the model's sources ({@link ModelBundle#of})
   * @param scenario  a declared scenario, or {@link Scenario#BASE}
   * @param overrides param name to a Tok expression, on top of the scenario
   * @param samples   how many samples (1 or more)
   * @param seed      the seed; the same seed gives the same numbers as {@link Model#simulate}
   * @param slices    how many ranges (tasks); at most one per sample
   * @return the simulation of samples {@code 0..samples-1}
   * @throws IllegalArgumentException for a bad sample count, scenario or override (before any task starts)
   */
  public static Simulation simulate(SparkSession spark, ModelBundle bundle, Scenario scenario,
                                    Map<String, String> overrides, int samples, long seed, int slices) {
    Model model = BundleCache.model(bundle);
    if (samples < 1) {
      throw new IllegalArgumentException(SparkMessages.badSamples(samples));
    }
    int values = model.periods().size() * Math.max(1, model.reportNames().size());
    long limit = Limits.DEFAULT.maxSampleValues();
    if ((double) samples * values > limit) {
      throw new IllegalArgumentException(SparkMessages.tooManyValues(samples, values, limit));
    }
    // One sample on the driver: an unknown scenario or an override that does not check fails here.
    model.simulatePart(scenario, overrides, 0, 1, seed, SimulationOptions.DEFAULT.withThreads(1));

    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<ModelBundle> shipped = jsc.broadcast(bundle);
    List<long[]> ranges = ranges(samples, slices);
    try {
      jsc.setJobDescription("tok simulate " + bundle.main() + " (" + samples + " samples, seed " + seed + ")");
      SimulationPart all = jsc.parallelize(ranges, ranges.size())
          .map(new SimulateRange(shipped, scenario.name(), overrides, seed))
          .reduce(SimulationPart::merge);
      return Simulation.merge(model, List.of(all));
    } finally {
      shipped.destroy();
    }
  }

  /**
   * {@link #sweep(SparkSession, ModelBundle, List, Scenario, Map, int)} with one slice of the grid
   * per core of the cluster ({@code defaultParallelism}).
   *
   * @param spark     the session whose cluster runs the tasks
   * @param bundle    the model's sources ({@link ModelBundle#of})
   * @param vary      the swept params and their ranges; the last varies fastest
   * @param scenario  a declared scenario, or {@link Scenario#BASE}
   * @param overrides param name to a Tok expression, on top of the scenario
   * @return the same {@link Sweep} as {@link Model#sweep(List, Scenario, Map)}: points in grid order
   */
  public static Sweep sweep(SparkSession spark, ModelBundle bundle, List<Sweep.Vary> vary, Scenario scenario,
                            Map<String, String> overrides) {
    return sweep(spark, bundle, vary, scenario, overrides, spark.sparkContext().defaultParallelism());
  }

  /**
   * A sweep whose grid is split into {@code slices} ranges of points, each a Spark task. The grid
   * is checked on the driver first (a bound that does not check, too many points: a sweep with
   * diagnostics and no job; a bad override or an unknown scenario: IllegalArgumentException).
   *
   * @param spark     the session whose cluster runs the tasks
   * @param bundle    the model's sources ({@link ModelBundle#of})
   * @param vary      the swept params and their ranges; the last varies fastest
   * @param scenario  a declared scenario, or {@link Scenario#BASE}
   * @param overrides param name to a Tok expression, on top of the scenario
   * @param slices    how many ranges of points (tasks); at most one per point
   * @return the same {@link Sweep} as {@link Model#sweep(List, Scenario, Map)}: points in grid order
   */
  public static Sweep sweep(SparkSession spark, ModelBundle bundle, List<Sweep.Vary> vary, Scenario scenario,
                            Map<String, String> overrides, int slices) {
    Model model = BundleCache.model(bundle);
    Sweep first = model.sweep(vary, scenario, overrides, 0, 1); // the grid checked, one point, on the driver
    if (!first.ok()) {
      return first;
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<ModelBundle> shipped = jsc.broadcast(bundle);
    List<long[]> ranges = ranges((int) first.gridSize(), slices);
    try {
      jsc.setJobDescription("tok sweep " + bundle.main() + " (" + first.gridSize() + " points)");
      // collect keeps the ranges' order: the slices join in grid order
      List<Sweep> parts = jsc.parallelize(ranges, ranges.size())
          .map(new SweepSlice(shipped, vary, scenario.name(), overrides)).collect();
      return Sweep.join(parts);
    } finally {
      shipped.destroy();
    }
  }

  /**
   * {@link #sensitivity(SparkSession, ModelBundle, String, String, int, long, Scenario, Map, int)}
   * with about four parts per core of the cluster ({@code defaultParallelism}), so that the
   * aligned ranges of a Sobol split keep every core busy.
   *
   * @param spark     the session whose cluster runs the tasks
   * @param bundle    the model's sources ({@link ModelBundle#of})
   * @param method    {@code sobol} or {@code morris}
   * @param output    a scalar report or value
   * @param samples   Sobol's base samples N (N·(k+2) evaluations), or Morris's trajectories r
   * @param seed      the seed
   * @param scenario  a declared scenario, or {@link Scenario#BASE}
   * @param overrides param name to a Tok expression, on top of the scenario
   * @return the same {@link GlobalSensitivity} as {@link Model#globalSensitivity} with these arguments
   */
  public static GlobalSensitivity sensitivity(SparkSession spark, ModelBundle bundle, String method, String output,
                                              int samples, long seed, Scenario scenario, Map<String, String> overrides) {
    return sensitivity(spark, bundle, method, output, samples, seed, scenario, overrides,
        4 * spark.sparkContext().defaultParallelism());
  }

  /**
   * A Sobol or Morris analysis split into at most {@code slices} parts, each a Spark task, merged
   * on the driver into exactly the local result (bit for bit: a Sobol part holds the running sums of
   * aligned ranges of rows, merged in the local run's own grouping). Everything a local run checks
   * before evaluating is checked on the driver first: an analysis with diagnostics starts no job.
   *
   * @param spark     the session whose cluster runs the tasks
   * @param bundle    the model's sources ({@link ModelBundle#of})
   * @param method    {@code sobol} or {@code morris}
   * @param output    a scalar report or value
   * @param samples   Sobol's base samples N (2 or more), or Morris's trajectories r
   * @param seed      the seed
   * @param scenario  a declared scenario, or {@link Scenario#BASE}
   * @param overrides param name to a Tok expression, on top of the scenario
   * @param slices    how many parts at most (1 or more)
   * @return the same {@link GlobalSensitivity} as {@link Model#globalSensitivity} with these arguments
   * @throws IllegalArgumentException for an unknown method or scenario or a bad override (before any task starts)
   */
  public static GlobalSensitivity sensitivity(SparkSession spark, ModelBundle bundle, String method, String output,
                                              int samples, long seed, Scenario scenario, Map<String, String> overrides,
                                              int slices) {
    Model model = BundleCache.model(bundle);
    GlobalSensitivity.Plan plan = model.globalSensitivityPlan(method, output, samples, seed, scenario, overrides, slices);
    if (!plan.ok()) {
      return GlobalSensitivity.merge(model, plan, List.of());
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<ModelBundle> shipped = jsc.broadcast(bundle);
    List<Integer> parts = new ArrayList<>();
    for (int i = 0; i < plan.slices(); i++) {
      parts.add(i);
    }
    try {
      jsc.setJobDescription("tok sensitivity --method " + method + " " + bundle.main() + " (" + samples + ")");
      return GlobalSensitivity.merge(model, plan,
          jsc.parallelize(parts, parts.size()).map(new SensitivitySlice(shipped, plan)).collect());
    } finally {
      shipped.destroy();
    }
  }

  /** {@code [first, count]} pairs covering {@code 0..samples-1}, as even as can be. */
  static List<long[]> ranges(int samples, int slices) {
    int n = Math.max(1, Math.min(slices, samples));
    List<long[]> out = new ArrayList<>(n);
    long first = 0;
    for (int i = 0; i < n; i++) {
      long end = (long) samples * (i + 1) / n;
      out.add(new long[] {first, end - first});
      first = end;
    }
    return out;
  }
}

package org.tokenomics.spark;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.tokenomics.Scenario;
import org.tokenomics.SimulationOptions;
import org.tokenomics.SimulationPart;

/**
 * A Spark task's work: the samples {@code [first, first + count)} of one run, simulated on the
 * executor's cached model. One thread per task: Spark runs as many tasks as an executor has cores.
 */
final class SimulateRange implements Function<long[], SimulationPart> {
  private static final long serialVersionUID = 1L;
  private final Broadcast<ModelBundle> bundle;
  private final String scenario;
  private final TreeMap<String, String> overrides;
  private final long seed;

  SimulateRange(Broadcast<ModelBundle> bundle, String scenario, Map<String, String> overrides, long seed) {
    this.bundle = bundle;
    this.scenario = scenario;
    this.overrides = new TreeMap<>(overrides);
    this.seed = seed;
  }

  @Override
  public SimulationPart call(long[] range) {
    return BundleCache.model(bundle.value()).simulatePart(Scenario.named(scenario), overrides, range[0],
        (int) range[1], seed, SimulationOptions.DEFAULT.withThreads(1));
  }
}

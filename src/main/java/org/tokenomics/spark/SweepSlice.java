package org.tokenomics.spark;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.tokenomics.Scenario;
import org.tokenomics.Sweep;

/**
 * A Spark task's share of a sweep: the grid points {@code [first, first + count)}, evaluated on the
 * executor's cached model on one thread (Spark runs as many tasks as an executor has cores).
 */
final class SweepSlice implements Function<long[], Sweep> {
  private static final long serialVersionUID = 1L;
  private final Broadcast<ModelBundle> bundle;
  private final List<Sweep.Vary> vary;
  private final String scenario;
  private final TreeMap<String, String> overrides;

  SweepSlice(Broadcast<ModelBundle> bundle, List<Sweep.Vary> vary, String scenario, Map<String, String> overrides) {
    this.bundle = bundle;
    this.vary = List.copyOf(vary);
    this.scenario = scenario;
    this.overrides = new TreeMap<>(overrides);
  }

  @Override
  public Sweep call(long[] range) {
    return BundleCache.model(bundle.value()).sweep(vary, Scenario.named(scenario), overrides, (int) range[0],
        (int) range[1]);
  }
}

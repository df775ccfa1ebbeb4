package org.tokenomics.spark;

import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.tokenomics.GlobalSensitivity;

/**
 * A Spark task's share of a Sobol or Morris analysis: one part of the driver's plan (an aligned
 * range of blocks of Sobol rows, or a range of Morris trajectories), on the executor's cached
 * model, on one thread.
 */
final class SensitivitySlice implements Function<Integer, GlobalSensitivity.Part> {
  private static final long serialVersionUID = 1L;
  private final Broadcast<ModelBundle> bundle;
  private final GlobalSensitivity.Plan plan;

  SensitivitySlice(Broadcast<ModelBundle> bundle, GlobalSensitivity.Plan plan) {
    this.bundle = bundle;
    this.plan = plan;
  }

  @Override
  public GlobalSensitivity.Part call(Integer slice) {
    return BundleCache.model(bundle.value()).globalSensitivityPart(plan, slice);
  }
}

package org.tokenomics.cli;

import org.tokenomics.Model;
import org.tokenomics.Simulation;

/** Monte Carlo quantiles for fan charts, through the public Simulation API (EMBEDDING.md §4). */
final class MonteCarlo {
  private MonteCarlo() {}

  /** Per-period p5, p50 and p95 in {@code unit}. */
  record Fan(double[] p5, double[] p50, double[] p95) {}

  /** The fan of a series report under {@code samples} draws with {@code seed}. */
  static Fan fan(Model model, String report, String unit, int samples, long seed) {
    Simulation mc = model.simulate(samples, seed);
    String u = unit.isEmpty() ? null : unit;
    return new Fan(mc.quantile(report, 0.05).series(u), mc.quantile(report, 0.50).series(u),
        mc.quantile(report, 0.95).series(u));
  }
}

package org.tokenomics.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.tokenomics.Model;

/**
 * Monte Carlo quantiles for fan charts, through the public API that EMBEDDING.md §4 fixes:
 * {@code Simulation mc = model.simulate(n, seed); mc.quantile(name, q).series(unit)}.
 *
 * <p>Monte Carlo is built on another branch; until it is merged this class finds
 * {@code Model.simulate} reflectively and reports its absence as null. Once it is merged,
 * replace the reflection with the three direct calls above.
 */
final class MonteCarlo {
  private MonteCarlo() {}

  /** Per-period p5, p50 and p95 in {@code unit}. */
  record Fan(double[] p5, double[] p50, double[] p95) {}

  /** The fan of a report, or null when this build has no {@code Model.simulate}. */
  static Fan fan(Model model, String report, String unit, int samples, long seed) {
    try {
      Method simulate = Model.class.getMethod("simulate", int.class, long.class);
      Object simulation = simulate.invoke(model, samples, seed);
      Method quantile = simulation.getClass().getMethod("quantile", String.class, double.class);
      return new Fan(series(quantile, simulation, report, 0.05, unit), series(quantile, simulation, report, 0.50, unit),
          series(quantile, simulation, report, 0.95, unit));
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return null;
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r; // an EvaluationException or IllegalArgumentException from the simulation itself
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static double[] series(Method quantile, Object simulation, String report, double q, String unit)
      throws InvocationTargetException, IllegalAccessException, NoSuchMethodException {
    Object value = quantile.invoke(simulation, report, q);
    Method series = value.getClass().getMethod("series", String.class);
    return (double[]) series.invoke(value, unit.isEmpty() ? null : unit);
  }
}

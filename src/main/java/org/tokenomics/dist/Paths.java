package org.tokenomics.dist;

import java.util.function.IntToDoubleFunction;
import org.tokenomics.time.Timeline;
import org.tokenomics.units.Units;

/**
 * The price paths of LANGUAGE.md §18, {@code gbm(start, drift, volatility)} and {@code ou(start,
 * mean, reversion, volatility)}, at each period's start; t is in years from the first period's
 * start, so period 0 is exactly the start value. Arguments are in base units (drift, reversion and
 * volatility are plain numbers per year).
 */
public final class Paths {
  private Paths() {}

  public static boolean isPath(String family) {
    return family.equals("gbm") || family.equals("ou");
  }

  /** Why these arguments make no path, or null when they are fine. */
  public static String invalid(String family, double[] a) {
    return switch (family) {
      case "gbm" -> !(a[0] > 0) ? "gbm needs a positive start" : a[2] < 0 ? "gbm needs a volatility >= 0" : null;
      case "ou" -> a[2] < 0 ? "ou needs a reversion >= 0" : a[3] < 0 ? "ou needs a volatility >= 0" : null;
      default -> "unknown path " + family;
    };
  }

  /** Years from the first period's start to period {@code p}'s start. */
  static double years(Timeline timeline, int p) {
    return (timeline.start(p) - timeline.start(0)) / Units.YEAR;
  }

  /**
   * The path of quantile {@code u} at every period (u = 0.5: the median path of a deterministic
   * run; 0.05 and 0.95: the tornado's ends): the quantile of the value's own distribution at each
   * period, as if the one normal score z(u) drove the whole path.
   */
  public static void quantilePath(String family, double[] a, double u, Timeline timeline, double[] out) {
    double z = u == 0.5 ? 0 : Quantile.standardNormal(u);
    for (int p = 0; p < out.length; p++) {
      out[p] = quantileAt(family, a, z, years(timeline, p));
    }
  }

  /** The value at {@code t} years whose own distribution puts it at normal score {@code z}. */
  public static double quantileAt(String family, double[] a, double z, double t) {
    if (family.equals("gbm")) {
      double mu = a[1];
      double sigma = a[2];
      return a[0] * Math.exp((mu - sigma * sigma / 2) * t + sigma * Math.sqrt(t) * z);
    }
    double x0 = a[0];
    double mean = a[1];
    double k = a[2];
    double sigma = a[3];
    return mean + (x0 - mean) * Math.exp(-k * t) + sigma * spread(k, t) * z;
  }

  /** √((1 − e^(−2kΔ)) / (2k)): the OU's standard deviation over Δ years per unit volatility (√Δ at k = 0). */
  static double spread(double k, double dt) {
    return k == 0 ? Math.sqrt(dt) : Math.sqrt(-Math.expm1(-2 * k * dt) / (2 * k));
  }

  /**
   * One drawn path: {@code normal.applyAsDouble(p)} is the standard normal increment of period p
   * (p ≥ 1). gbm: S0·exp((μ − σ²/2)·t + σ·W(t)) with W advanced by √Δ·Z; ou: the exact
   * discretisation X(t+Δ) = M + (X(t) − M)·e^(−KΔ) + σ·√((1 − e^(−2KΔ))/(2K))·Z.
   */
  public static void drawnPath(String family, double[] a, Timeline timeline, IntToDoubleFunction normal, double[] out) {
    out[0] = a[0];
    if (family.equals("gbm")) {
      double drift = a[1] - a[2] * a[2] / 2;
      double w = 0;
      for (int p = 1; p < out.length; p++) {
        double t = years(timeline, p);
        w += Math.sqrt(t - years(timeline, p - 1)) * normal.applyAsDouble(p);
        out[p] = a[0] * Math.exp(drift * t + a[2] * w);
      }
      return;
    }
    double mean = a[1];
    double k = a[2];
    double sigma = a[3];
    for (int p = 1; p < out.length; p++) {
      double dt = years(timeline, p) - years(timeline, p - 1);
      out[p] = mean + (out[p - 1] - mean) * Math.exp(-k * dt) + sigma * spread(k, dt) * normal.applyAsDouble(p);
    }
  }
}

package org.tokenomics.mc;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TriangularDistribution;

/**
 * The distributions of LANGUAGE.md §7, by their quantile function: a deterministic run uses
 * {@code quantile(0.5)}; a Monte Carlo run feeds uniform draws through it, so every family is
 * sampled the same, reproducible way. Arguments are in base units.
 */
public final class Dist {
  private Dist() {}

  /** z of the 95th percentile: lognormal(P5, P95) spans ±1.645 standard deviations of ln X. */
  private static final double Z95 = 1.6448536269514722;

  /** Why these arguments make no distribution, or null when they are fine. */
  public static String invalid(String family, double[] a) {
    for (double x : a) {
      if (!Double.isFinite(x)) {
        return family + " needs finite arguments";
      }
    }
    return switch (family) {
      case "uniform" -> a[0] <= a[1] ? null : "uniform needs low <= high";
      case "normal" -> a[1] >= 0 ? null : "normal needs a standard deviation >= 0";
      case "lognormal" -> a[0] > 0 && a[0] <= a[1] ? null : "lognormal needs 0 < p5 <= p95";
      case "triangular", "pert" -> a[0] <= a[1] && a[1] <= a[2] && a[0] < a[2] ? null
          : family + " needs low <= mode <= high, with low < high";
      default -> "unknown distribution " + family;
    };
  }

  /** The value below which a share {@code u} of the distribution lies. */
  public static double quantile(String family, double[] a, double u) {
    return switch (family) {
      case "uniform" -> between(a[0], a[1], u);
      case "normal" -> a[1] == 0 ? a[0] : a[0] + a[1] * standardNormal(u);
      case "lognormal" -> {
        double mu = (Math.log(a[0]) + Math.log(a[1])) / 2;
        double sigma = (Math.log(a[1]) - Math.log(a[0])) / (2 * Z95);
        yield Math.exp(mu + sigma * standardNormal(u));
      }
      // Both are drawn on [0, 1] with the mode's share of the range, then placed between low and
      // high: the range itself may not be a finite double (pert(-1e308, 0, 1e308)), and 4 × a
      // range near the largest double overflowed into a beta of infinity.
      case "triangular" -> between(a[0], a[2], new TriangularDistribution(0, share(a), 1).inverseCumulativeProbability(u));
      case "pert" -> {
        double m = share(a);
        yield between(a[0], a[2], new BetaDistribution(null, 1 + 4 * m, 1 + 4 * (1 - m), 1e-12).inverseCumulativeProbability(u));
      }
      default -> throw new IllegalArgumentException(family);
    };
  }

  /** Where the mode lies between low and high, 0 to 1, computed on halves so nothing overflows. */
  private static double share(double[] a) {
    double range = a[2] / 2 - a[0] / 2;
    return range == 0 ? 0 : Math.min(1, Math.max(0, (a[1] / 2 - a[0] / 2) / range));
  }

  /** low + (high − low) × x without overflow when high − low exceeds the largest double. */
  private static double between(double low, double high, double x) {
    double range = high - low;
    return Double.isFinite(range) ? low + range * x : low * (1 - x) + high * x;
  }

  public static double median(String family, double[] a) {
    return quantile(family, a, 0.5);
  }

  private static final NormalDistribution STANDARD = new NormalDistribution(null, 0, 1);

  static double standardNormal(double u) {
    return STANDARD.inverseCumulativeProbability(u);
  }
}

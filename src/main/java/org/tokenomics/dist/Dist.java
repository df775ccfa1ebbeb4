package org.tokenomics.dist;

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
    Family f = Family.of(family);
    if (f != null) {
      return f.invalid(a);
    }
    return family.equals("bernoulli") ? a[0] >= 0 && a[0] <= 1 ? null : "bernoulli needs a probability between 0 % and 100 %"
        : "unknown distribution " + family;
  }

  /** The value below which a share {@code u} of the distribution lies (arguments must be valid). */
  public static double quantile(String family, double[] a, double u) {
    return prepare(family, a).at(u);
  }

  /**
   * The quantile function of {@code family} with arguments {@code a} (already checked by {@link
   * #invalid}), its constants computed once: call it per draw.
   */
  public static Quantile prepare(String family, double[] a) {
    return switch (family) {
      case "uniform" -> Quantile.uniform(a[0], a[1]);
      case "normal" -> Quantile.normal(a[0], a[1]);
      case "lognormal" -> Quantile.lognormal(a[0], a[1], Z95);
      case "triangular" -> Quantile.triangular(a[0], a[1], a[2]);
      case "pert" -> Quantile.pert(a[0], a[1], a[2]);
      case "bernoulli" -> Quantile.bernoulli(a[0]);
      default -> throw new IllegalArgumentException(family);
    };
  }

  /** The median: what a distribution param is in a deterministic run. */
  public static double median(String family, double[] a) {
    return quantile(family, a, 0.5);
  }

  /** The standard normal quantile. */
  public static double standardNormal(double u) {
    return Quantile.standardNormal(u);
  }
}

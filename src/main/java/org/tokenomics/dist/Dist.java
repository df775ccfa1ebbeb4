package org.tokenomics.dist;

/**
 * The distributions of LANGUAGE.md §7, by their quantile function: a deterministic run uses
 * {@code quantile(0.5)}; a Monte Carlo run feeds uniform draws through it, so every family is
 * sampled the same, reproducible way. Arguments are in base units.
 */
public final class Dist {
  private Dist() {}


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
    return "unknown distribution " + family;
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
    Family f = Family.of(family);
    if (f == null) {
      throw new IllegalArgumentException(family);
    }
    return f.prepare(a);
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

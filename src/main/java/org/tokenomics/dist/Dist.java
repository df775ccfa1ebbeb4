package org.tokenomics.dist;

/** Distribution arithmetic by family name, for callers that hold the name (see {@link Family}). */
public final class Dist {
  private Dist() {}

  /** Why these arguments make no distribution, or null when they are fine. */
  public static String invalid(String family, double[] a) {
    Family f = Family.of(family);
    return f == null ? "unknown distribution " + family : f.problem(a);
  }

  /** The value below which a share {@code u} of the distribution lies. */
  public static double quantile(String family, double[] a, double u) {
    Family f = Family.of(family);
    if (f == null) {
      throw new IllegalArgumentException(family);
    }
    return f.quantile(a, u);
  }

  /** The median: what a distribution param is in a deterministic run. */
  public static double median(String family, double[] a) {
    return quantile(family, a, 0.5);
  }

  /** The standard normal quantile. */
  public static double standardNormal(double u) {
    return Family.standardNormal(u);
  }
}

package org.tokenomics.dist;

import java.util.List;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TriangularDistribution;

/**
 * The one registry of distribution families (LANGUAGE.md §7): each family's parameter labels,
 * its documentation, when its arguments make a distribution, and its quantile function. The
 * checker's built-in registry, the deterministic median and Monte Carlo sampling all read it.
 * To add a family: a constant here, a row in {@code dsl/manual/reference.md} §7.5.
 */
public enum Family {
  UNIFORM("uniform", List.of("low", "high"), "uniform(LOW, HIGH) — a distribution (median in a deterministic run)") {
    @Override
    public String invalid(double[] a) {
      return a[0] <= a[1] ? null : "uniform needs low <= high";
    }

    @Override
    public double quantile(double[] a, double u) {
      return between(a[0], a[1], u);
    }
  },
  NORMAL("normal", List.of("mean", "sd"), "normal(MEAN, SD) — a distribution") {
    @Override
    public String invalid(double[] a) {
      return a[1] >= 0 ? null : "normal needs a standard deviation >= 0";
    }

    @Override
    public double quantile(double[] a, double u) {
      return a[1] == 0 ? a[0] : a[0] + a[1] * standardNormal(u);
    }
  },
  LOGNORMAL("lognormal", List.of("p5", "p95"), "lognormal(P5, P95) — a distribution given its 90 % interval") {
    @Override
    public String invalid(double[] a) {
      return a[0] > 0 && a[0] <= a[1] ? null : "lognormal needs 0 < p5 <= p95";
    }

    @Override
    public double quantile(double[] a, double u) {
      double mu = (Math.log(a[0]) + Math.log(a[1])) / 2;
      double sigma = (Math.log(a[1]) - Math.log(a[0])) / (2 * Z95);
      return Math.exp(mu + sigma * standardNormal(u));
    }
  },
  TRIANGULAR("triangular", List.of("low", "mode", "high"), "triangular(LOW, MODE, HIGH) — a distribution") {
    @Override
    public String invalid(double[] a) {
      return threePoint(this, a);
    }

    @Override
    public double quantile(double[] a, double u) {
      // Drawn on [0, 1] with the mode's share of the range, then placed between low and high: the
      // range itself may not be a finite double (triangular(-1e308, 0, 1e308)).
      return between(a[0], a[2], new TriangularDistribution(0, share(a), 1).inverseCumulativeProbability(u));
    }
  },
  PERT("pert", List.of("low", "mode", "high"), "pert(LOW, MODE, HIGH) — a distribution") {
    @Override
    public String invalid(double[] a) {
      return threePoint(this, a);
    }

    @Override
    public double quantile(double[] a, double u) {
      // As triangular: 4 × a range near the largest double would overflow into a beta of infinity.
      double m = share(a);
      return between(a[0], a[2], new BetaDistribution(null, 1 + 4 * m, 1 + 4 * (1 - m), 1e-12)
          .inverseCumulativeProbability(u));
    }
  };

  /** z of the 95th percentile: lognormal(P5, P95) spans ±1.645 standard deviations of ln X. */
  private static final double Z95 = 1.6448536269514722;
  private static final NormalDistribution STANDARD = new NormalDistribution(null, 0, 1);

  private final String word;
  private final List<String> params;
  private final String doc;

  Family(String word, List<String> params, String doc) {
    this.word = word;
    this.params = params;
    this.doc = doc;
  }

  /** The name as written in Tok ({@code lognormal}). */
  public String word() {
    return word;
  }

  /** Its parameters' labels, in positional order. */
  public List<String> params() {
    return params;
  }

  /** One line for hover, completion and the manual's index. */
  public String doc() {
    return doc;
  }

  /** Why these arguments make no distribution, or null when they are fine. */
  public abstract String invalid(double[] a);

  /** {@link #invalid}, after checking every argument is finite. */
  public String problem(double[] a) {
    for (double x : a) {
      if (!Double.isFinite(x)) {
        return word + " needs finite arguments";
      }
    }
    return invalid(a);
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

  /** The value below which a share {@code u} of the distribution lies. */
  public abstract double quantile(double[] a, double u);

  /** The family written {@code word}, or null. */
  public static Family of(String word) {
    for (Family f : values()) {
      if (f.word.equals(word)) {
        return f;
      }
    }
    return null;
  }

  private static String threePoint(Family f, double[] a) {
    return a[0] <= a[1] && a[1] <= a[2] && a[0] < a[2] ? null : f.word + " needs low <= mode <= high, with low < high";
  }

  static double standardNormal(double u) {
    return STANDARD.inverseCumulativeProbability(u);
  }
}

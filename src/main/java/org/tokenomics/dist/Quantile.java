package org.tokenomics.dist;

import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * A distribution's quantile function with its arguments already turned into the constants it
 * needs (a lognormal's mu and sigma, a triangular's split point, a PERT's beta shape). Built once
 * per param and set of arguments, then called once per draw: no object is made per draw (a
 * Commons Math distribution object built per draw also builds a Well19937c generator, which was
 * 85 % of a small model's Monte Carlo time). Immutable and safe to share between threads.
 *
 * <p>Each family computes what the Commons Math 3.6 object computed, in the same order of
 * operations, except the normal quantile (normal, lognormal, the copula and price paths), which is
 * Wichura's AS 241 rather than Commons Math's inverse error function: equal to a few units in the
 * last place, and several times cheaper per draw ({@link NormalQuantile}).
 */
@FunctionalInterface
public interface Quantile {
  /** The value below which a share {@code u} (0 ≤ u ≤ 1) of the distribution lies. */
  double at(double u);

  /**
   * {@code out[k] = at(u[k])} for a column of draws, {@code k < n}. The common families have a
   * loop of their own ({@link ColumnQuantiles}), in which the JIT inlines their code.
   *
   * @param u   the draws
   * @param out where their quantiles go (another array than {@code u})
   * @param n   how many
   */
  default void fill(double[] u, double[] out, int n) {
    for (int k = 0; k < n; k++) {
      out[k] = at(u[k]);
    }
  }

  /** √2 as Commons Math's NormalDistribution uses it ({@code FastMath.sqrt(2.0)}). */
  double SQRT2 = Math.sqrt(2.0);

  /** The standard normal quantile, by Wichura's AS 241 ({@link NormalQuantile}). */
  static double standardNormal(double u) {
    return NormalQuantile.at(u);
  }

  static Quantile uniform(double low, double high) {
    double width = high - low;
    if (!Double.isFinite(width)) { // wider than the largest double: interpolate without the width
      return u -> low * (1 - u) + high * u;
    }
    return new ColumnQuantiles.Uniform(low, width);
  }

  static Quantile normal(double mean, double sd) {
    if (sd == 0) {
      return u -> mean;
    }
    return new ColumnQuantiles.Normal(mean, sd);
  }

  /** Lognormal given its 5th and 95th percentiles: ln X is normal with ±1.645 σ between them. */
  static Quantile lognormal(double p5, double p95, double z95) {
    double mu = (Math.log(p5) + Math.log(p95)) / 2;
    double sigma = (Math.log(p95) - Math.log(p5)) / (2 * z95);
    return new ColumnQuantiles.Lognormal(mu, sigma);
  }

  /** Closed form, as Commons Math's TriangularDistribution.inverseCumulativeProbability. */
  static Quantile triangular(double low, double mode, double high) {
    if (!Double.isFinite(high - low)) { // as pert: on [0, 1] with the mode's share, then placed
      double m = Math.min(1, Math.max(0, (mode / 2 - low / 2) / (high / 2 - low / 2)));
      Quantile unit = triangular(0, m, 1);
      return u -> {
        double x = unit.at(u);
        return low * (1 - x) + high * x;
      };
    }
    return new ColumnQuantiles.Triangular(low, mode, high);
  }

  /**
   * PERT: a beta on [low, high] with shapes 1 + 4·(mode − low)/range and 1 + 4·(high − mode)/range.
   * The beta's quantile has no closed form; Commons Math's solver (to 1e−12) is kept so results do
   * not change, but its distribution object is built here once (without a random generator) rather
   * than per draw.
   */
  static Quantile pert(double low, double mode, double high) {
    double range = high - low;
    if (!Double.isFinite(range)) {
      // A range beyond the largest double (pert(-1e308, 0, 1e308)): the mode's share computed on
      // halves, the draw placed between low and high without the range (4 × range would overflow
      // into a beta of infinity).
      double m = Math.min(1, Math.max(0, (mode / 2 - low / 2) / (high / 2 - low / 2)));
      BetaDistribution wide = new BetaDistribution(null, 1 + 4 * m, 1 + 4 * (1 - m), 1e-12);
      return u -> {
        double x = wide.inverseCumulativeProbability(u);
        return low * (1 - x) + high * x;
      };
    }
    // 4 × (high − mode) can overflow for ranges near the largest double; divide first then
    double alpha = 4 * (mode - low) > Double.MAX_VALUE / 2 ? 1 + 4 * ((mode - low) / range) : 1 + 4 * (mode - low) / range;
    double beta = 4 * (high - mode) > Double.MAX_VALUE / 2 ? 1 + 4 * ((high - mode) / range) : 1 + 4 * (high - mode) / range;
    BetaDistribution shape = new BetaDistribution(null, alpha, beta, 1e-12);
    return u -> low + range * shape.inverseCumulativeProbability(u);
  }

  /**
   * 1 with probability p, else 0: 0 for the lowest 1 − p of the draws. At u = 0.5 (a deterministic
   * run) that is 1 exactly when p > 50 %, as LANGUAGE.md §18 says.
   */
  static Quantile bernoulli(double p) {
    double cut = 1 - p;
    return u -> u > cut ? 1 : 0;
  }

  /**
   * A discrete distribution: the smallest value whose cumulative probability reaches u, so a
   * deterministic run (u = 0.5) gives the smallest value whose cumulative probability reaches
   * 50 % (LANGUAGE.md §18), and bernoulli(P) and discrete([0: 1 − P, 1: P]) draw alike. Values
   * with probability 0 are never drawn; u = 0 gives the smallest value that can be drawn and any u
   * beyond the last cumulative sum (which may differ from 1 by rounding) the largest.
   */
  static Quantile discrete(double[] values, double[] probabilities) {
    int n = values.length;
    double[] cum = new double[n];
    double run = 0;
    int firstDrawn = -1;
    int lastDrawn = n - 1;
    for (int i = 0; i < n; i++) {
      run += probabilities[i];
      // 1e-12 of slack: 30 % + 20 % written in percent may sum to a hair below 0.5, and the
      // deterministic run must still take the value whose cumulative probability reaches 50 %
      cum[i] = run + 1e-12;
      if (firstDrawn < 0 && probabilities[i] > 0) {
        firstDrawn = i;
      }
      if (probabilities[i] > 0) {
        lastDrawn = i;
      }
    }
    double[] v = values.clone();
    double low = v[Math.max(0, firstDrawn)];
    double high = v[lastDrawn];
    return u -> {
      if (u <= 0) {
        return low;
      }
      // the first i with u <= cum[i]: a binary search, for lists of any length
      int lo = 0;
      int hi = n - 1;
      if (!(u <= cum[hi])) {
        return high;
      }
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (u <= cum[mid]) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      return v[lo];
    };
  }
}

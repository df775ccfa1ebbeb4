package org.tokenomics.dist;

/**
 * The quantile functions of the families a Monte Carlo column draws most (uniform, normal,
 * lognormal, triangular) as classes of their own, each with its own loop over a column of draws
 * ({@link Quantile#fill}). As lambdas behind one shared loop, the call per draw was megamorphic
 * (four families, one call site): never inlined, a call per draw. Here each loop calls its own
 * family's code, which the JIT inlines and, for the normal's central region and the arithmetic
 * around it, vectorizes ({@link NormalQuantile#fill}).
 *
 * <p>Each computes exactly what {@link Quantile}'s factories computed before, in the same order
 * of operations, so draws are unchanged bit for bit ({@code QuantileColumnProperties}).
 */
final class ColumnQuantiles {
  private ColumnQuantiles() {}

  /** {@code low + width · u}. */
  static final class Uniform implements Quantile {
    private final double low;
    private final double width;

    Uniform(double low, double width) {
      this.low = low;
      this.width = width;
    }

    @Override
    public double at(double u) {
      return low + width * u;
    }

    @Override
    public void fill(double[] u, double[] out, int n) {
      for (int k = 0; k < n; k++) {
        out[k] = low + width * u[k];
      }
    }
  }

  /** {@code mean + sd · Φ⁻¹(u)}. */
  static final class Normal implements Quantile {
    private final double mean;
    private final double sd;

    Normal(double mean, double sd) {
      this.mean = mean;
      this.sd = sd;
    }

    @Override
    public double at(double u) {
      return mean + sd * NormalQuantile.at(u);
    }

    @Override
    public void fill(double[] u, double[] out, int n) {
      NormalQuantile.fill(u, out, n);
      for (int k = 0; k < n; k++) {
        out[k] = mean + sd * out[k];
      }
    }
  }

  /** {@code exp(mu + sigma · Φ⁻¹(u))}. */
  static final class Lognormal implements Quantile {
    private final double mu;
    private final double sigma;

    Lognormal(double mu, double sigma) {
      this.mu = mu;
      this.sigma = sigma;
    }

    @Override
    public double at(double u) {
      return Math.exp(mu + sigma * NormalQuantile.at(u));
    }

    @Override
    public void fill(double[] u, double[] out, int n) {
      NormalQuantile.fill(u, out, n);
      for (int k = 0; k < n; k++) {
        out[k] = Math.exp(mu + sigma * out[k]);
      }
    }
  }

  /** The triangular's closed form, as Commons Math's {@code inverseCumulativeProbability}. */
  static final class Triangular implements Quantile {
    private final double low;
    private final double mode;
    private final double high;
    private final double split;

    Triangular(double low, double mode, double high) {
      this.low = low;
      this.mode = mode;
      this.high = high;
      this.split = (mode - low) / (high - low);
    }

    @Override
    public double at(double u) {
      if (u == 0) {
        return low;
      }
      if (u == 1) {
        return high;
      }
      if (u < split) {
        return low + Math.sqrt(u * (high - low) * (mode - low));
      }
      return high - Math.sqrt((1 - u) * (high - low) * (high - mode));
    }

    @Override
    public void fill(double[] u, double[] out, int n) {
      for (int k = 0; k < n; k++) {
        out[k] = at(u[k]);
      }
    }
  }
}

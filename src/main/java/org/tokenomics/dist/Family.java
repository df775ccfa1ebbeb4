package org.tokenomics.dist;

import java.util.List;

/**
 * The one registry of distribution families (LANGUAGE.md §7, §18's events): each family's
 * parameter labels, its documentation, when its arguments make a distribution, and its quantile
 * function ({@link Quantile}, prepared once per param). Price paths are {@link Paths}. The
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
    public Quantile prepare(double[] a) {
      return Quantile.uniform(a[0], a[1]);
    }
  },
  NORMAL("normal", List.of("mean", "sd"), "normal(MEAN, SD) — a distribution") {
    @Override
    public String invalid(double[] a) {
      return a[1] >= 0 ? null : "normal needs a standard deviation >= 0";
    }

    @Override
    public Quantile prepare(double[] a) {
      return Quantile.normal(a[0], a[1]);
    }
  },
  LOGNORMAL("lognormal", List.of("p5", "p95"), "lognormal(P5, P95) — a distribution given its 90 % interval") {
    @Override
    public String invalid(double[] a) {
      return a[0] > 0 && a[0] <= a[1] ? null : "lognormal needs 0 < p5 <= p95";
    }

    @Override
    public Quantile prepare(double[] a) {
      return Quantile.lognormal(a[0], a[1], Z95);
    }
  },
  TRIANGULAR("triangular", List.of("low", "mode", "high"), "triangular(LOW, MODE, HIGH) — a distribution") {
    @Override
    public String invalid(double[] a) {
      return threePoint(this, a);
    }

    @Override
    public Quantile prepare(double[] a) {
      return Quantile.triangular(a[0], a[1], a[2]);
    }
  },
  PERT("pert", List.of("low", "mode", "high"), "pert(LOW, MODE, HIGH) — a distribution") {
    @Override
    public String invalid(double[] a) {
      return threePoint(this, a);
    }

    @Override
    public Quantile prepare(double[] a) {
      return Quantile.pert(a[0], a[1], a[2]);
    }
  },
  BERNOULLI("bernoulli", List.of("p"), "bernoulli(P) — an event: 1 with probability P, else 0") {
    @Override
    public String invalid(double[] a) {
      return a[0] >= 0 && a[0] <= 1 ? null : "bernoulli needs a probability between 0 % and 100 %";
    }

    @Override
    public Quantile prepare(double[] a) {
      return Quantile.bernoulli(a[0]);
    }
  },
  /**
   * {@code discrete([V1: P1, V2: P2, …])} (LANGUAGE.md §18): its arguments are the n values then
   * the n probabilities ({@code [V1, …, Vn, P1, …, Pn]}), the keyed list's keys and values.
   */
  DISCRETE("discrete", List.of("points"), "discrete([V1: P1, V2: P2, …]) — an event: each value V with probability P (the P sum to 100 %)") {
    @Override
    public String invalid(double[] a) {
      return discreteProblem(a);
    }

    @Override
    public Quantile prepare(double[] a) {
      int n = a.length / 2;
      return Quantile.discrete(java.util.Arrays.copyOfRange(a, 0, n), java.util.Arrays.copyOfRange(a, n, 2 * n));
    }
  };

  /** How far the probabilities of a {@code discrete} may sum from 1 (LANGUAGE.md §18). */
  public static final double DISCRETE_TOLERANCE = 1e-9;

  /** Why {@code [V1, …, Vn, P1, …, Pn]} is no discrete distribution, or null. */
  static String discreteProblem(double[] a) {
    if (a.length < 2 || a.length % 2 != 0) {
      return "discrete needs at least one value with its probability";
    }
    int n = a.length / 2;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      if (i > 0 && !(a[i] > a[i - 1])) {
        return "discrete needs increasing values";
      }
      double p = a[n + i];
      if (p < 0) {
        return "discrete's probabilities must be 0 % or more, found " + percent(p);
      }
      sum += p;
    }
    if (Math.abs(sum - 1) > DISCRETE_TOLERANCE) {
      return "discrete's probabilities must sum to 100 %, found " + percent(sum);
    }
    return null;
  }

  /** A probability as a percentage for messages: 95 %, 100.000001 % (ten significant digits). */
  private static String percent(double p) {
    java.math.BigDecimal d = new java.math.BigDecimal(p * 100).round(new java.math.MathContext(10)).stripTrailingZeros();
    return (d.scale() < 0 ? d.setScale(0) : d).toPlainString() + " %";
  }


  /** z of the 95th percentile: lognormal(P5, P95) spans ±1.645 standard deviations of ln X. */
  static final double Z95 = 1.6448536269514722;

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

  /** Its quantile function for arguments {@code a} (valid ones), constants computed once: call it per draw. */
  public abstract Quantile prepare(double[] a);

  /** The value below which a share {@code u} of the distribution lies. */
  public double quantile(double[] a, double u) {
    return prepare(a).at(u);
  }

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


}

package org.tokenomics.mc;

/**
 * The running sums behind one estimate of every param's Sobol indices ({@link Sobol}): the whole
 * sample (every row weighted 1) or one bootstrap resample (each row weighted by a Poisson(1)
 * draw, the streaming form of the bootstrap: a resample is never stored, only its sums). Memory is
 * {@code 2k + 3} doubles whatever N, so a run of any size keeps 501 of these and one wave of rows.
 *
 * <p>Values are taken relative to a shift {@code c} (the first row's f(A)), which leaves every
 * estimator's expectation unchanged and keeps the variance's sums from cancelling when the output
 * is far from zero: first order (Saltelli 2010) {@code Σw·(f(B) − c)·(f(A_B^i) − f(A)) / W / V},
 * total (Jansen) {@code Σw·(f(A) − f(A_B^i))² / 2W / V}, V the variance of the f(A) and f(B)
 * values together. Rows are added in row order within a block of {@link Sobol#WAVE} rows, and blocks
 * are merged in a fixed binary tree ({@link SobolTree}), so the sums depend neither on threads nor
 * on how the blocks are split between machines.
 */
final class SobolSums implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  private final double shift;
  private double weight;
  private double sum;
  private double squares;
  private final double[] first;
  private final double[] total;

  SobolSums(int params, double shift) {
    this.shift = shift;
    first = new double[params];
    total = new double[params];
  }

  /**
   * Adds row {@code j} of a wave with weight {@code w}: {@code values[0]} is f(A), {@code values[1]}
   * f(B), {@code values[2 + i]} f(A with column i from B).
   */
  void add(double[][] values, int j, double w) {
    if (w == 0) {
      return;
    }
    double a = values[0][j] - shift;
    double b = values[1][j] - shift;
    weight += w;
    sum += w * (a + b);
    squares += w * (a * a + b * b);
    for (int i = 0; i < first.length; i++) {
      double ab = values[i + 2][j] - shift;
      first[i] += w * b * (ab - a);
      total[i] += w * (a - ab) * (a - ab);
    }
  }

  /** A copy: merging into it leaves this one as it is. */
  SobolSums copy() {
    SobolSums c = new SobolSums(first.length, shift);
    c.weight = weight;
    c.sum = sum;
    c.squares = squares;
    System.arraycopy(first, 0, c.first, 0, first.length);
    System.arraycopy(total, 0, c.total, 0, total.length);
    return c;
  }

  /**
   * Adds the sums of other rows (the same shift and params): the sums of both sets of rows, in a
   * grouping the caller fixes ({@link SobolTree}), so that any split of the rows gives the same bits.
   */
  void merge(SobolSums other) {
    weight += other.weight;
    sum += other.sum;
    squares += other.squares;
    for (int i = 0; i < first.length; i++) {
      first[i] += other.first[i];
      total[i] += other.total[i];
    }
  }

  /** {first[i]…}, {total[i]…}; null when the output has no variance in these rows. */
  double[][] estimate() {
    if (weight < 1) {
      return null;
    }
    double var = (squares - sum * (sum / (2 * weight))) / (2 * weight - 1);
    if (!(var > 0)) {
      return null;
    }
    double[] s = new double[first.length];
    double[] t = new double[first.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = first[i] / weight / var;
      t[i] = total[i] / (2 * weight) / var;
    }
    return new double[][] {s, t};
  }

  /** A Poisson(1) draw from a uniform in (0, 1), by inversion (0 with probability 1/e …). */
  static int poisson(double u) {
    double p = Math.exp(-1);
    double cumulative = p;
    int n = 0;
    while (u > cumulative && n < 30) {
      n++;
      p /= n;
      cumulative += p;
    }
    return n;
  }
}

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

  /** c, the value every row is taken relative to. */
  double shift() {
    return shift;
  }

  SobolSums(int params, double shift) {
    this.shift = shift;
    first = new double[params];
    total = new double[params];
  }

  /** Doubles per row in {@link #rows}: f(A) − c, f(B) − c, their sum, their sum of squares, then d_i. */
  static int stride(int params) {
    return params + 4;
  }

  /**
   * A wave's rows in the form every estimate adds them ({@link #addRow}), computed once rather than
   * once per resample: row j at {@code j * stride}: a = f(A) − c, b = f(B) − c, a + b, a² + b²,
   * then d_i = (f(A_B^i) − c) − a for each param.
   *
   * @param values {@code values[0]} f(A), {@code values[1]} f(B), {@code values[2 + i]} f(A_B^i)
   * @param len    the rows of the wave
   * @param shift  c, the shift every estimate uses
   * @param out    receives the rows ({@code len * stride(k)} doubles)
   */
  static void rows(double[][] values, int len, double shift, double[] out) {
    int k = values.length - 2;
    int stride = stride(k);
    for (int j = 0; j < len; j++) {
      int at = j * stride;
      double a = values[0][j] - shift;
      double b = values[1][j] - shift;
      out[at] = a;
      out[at + 1] = b;
      out[at + 2] = a + b;
      out[at + 3] = a * a + b * b;
      for (int i = 0; i < k; i++) {
        out[at + 4 + i] = (values[i + 2][j] - shift) - a;
      }
    }
  }

  /**
   * Adds the row at {@code at} of {@link #rows}'s output with weight {@code w}: the same sums, in
   * the same order of operations, as {@link #add} (w·b·d = (w·b)·d; w·(a − ab)² = (w·d)·d, the
   * sign cancelling exactly), so the indices do not change by a bit.
   */
  void addRow(double[] rows, int at, double w) {
    if (w == 0) {
      return;
    }
    double b = rows[at + 1];
    weight += w;
    sum += w * rows[at + 2];
    squares += w * rows[at + 3];
    double wb = w * b;
    for (int i = 0; i < first.length; i++) {
      double d = rows[at + 4 + i];
      first[i] += wb * d;
      double wd = w * d;
      total[i] += wd * d;
    }
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

  /**
   * The Poisson(1) distribution function at 0 … 30, summed as {@link #poisson} always summed it
   * (so a table look-up gives the same draws as the loop that computed e⁻¹ per call).
   */
  private static final double[] POISSON_CDF = new double[31];

  static {
    double p = Math.exp(-1);
    double cumulative = p;
    POISSON_CDF[0] = cumulative;
    for (int n = 1; n <= 30; n++) {
      p /= n;
      cumulative += p;
      POISSON_CDF[n] = cumulative;
    }
  }

  /** A Poisson(1) draw from a uniform in (0, 1), by inversion (0 with probability 1/e …). */
  static int poisson(double u) {
    int n = 0;
    while (n < 30 && u > POISSON_CDF[n]) {
      n++;
    }
    return n;
  }
}

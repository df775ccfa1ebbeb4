package org.tokenomics.eval;

/**
 * The natural logarithms of the last few bases a frame's {@code grow}, {@code decline} and
 * {@code halving} raised to a power ({@link org.tokenomics.eval.series.TimeFns.Compound#power}:
 * {@code exp(x · ln b)}). A base is usually the same in every period of an evaluation (a rate, a
 * drawn rate, 0.5), so each period then costs an {@code exp} instead of a {@code pow}, about a
 * third of the time; keyed by the base's value, a logarithm found here is the very double
 * {@link Math#log} gives, so no value depends on what the cache held.
 *
 * <p>Direct-mapped over a few entries: two bases that share an entry take turns, at the cost of a
 * logarithm. One frame's: a frame is evaluated on one thread at a time.
 */
public final class LogCache {
  private static final int SIZE = 8;
  private final double[] bases = new double[SIZE]; // 0 where empty: never a base looked up here
  private final double[] logs = new double[SIZE];

  /**
   * {@code Math.log(b)}, kept for the next time.
   *
   * @param b a positive finite base
   * @return its natural logarithm
   */
  public double log(double b) {
    long bits = Double.doubleToRawLongBits(b);
    int i = (int) (bits ^ bits >>> 20 ^ bits >>> 40) & (SIZE - 1); // mantissa and exponent bits alike
    if (bases[i] == b) {
      return logs[i];
    }
    double l = Math.log(b);
    bases[i] = b;
    logs[i] = l;
    return l;
  }
}

package org.tokenomics;

import java.util.function.DoubleUnaryOperator;

/**
 * One input a property-based test may vary (EMBEDDING.md §6): a param with a domain or a
 * distribution, its default and its range in {@code unit}. Generate a value {@code v} in
 * [{@code low}, {@code high}] (or {@link #at} a share of the range, which follows the
 * distribution) and pass {@link #literal}{@code (v)} to {@link Model#evaluate(java.util.Map)}.
 *
 * @param name         {@code utilization} or {@code site.pue}
 * @param unit         the unit of the numbers below ({@code %}, {@code $/GPU/h}; {@code ""} when dimensionless)
 * @param low          the range's low end: the domain's, or a distribution's 0.1 % quantile cut to the domain
 * @param high         the range's high end (99.9 % for a distribution)
 * @param defaultValue the value in a run without overrides (a distribution's median)
 * @param uncertain    whether the param's value is a distribution
 * @param share        the value at a share of the range (see {@link #at})
 * @param writer       a value as a Tok expression (see {@link #literal})
 */
public record TestInput(String name, String unit, double low, double high, double defaultValue, boolean uncertain,
                        DoubleUnaryOperator share, java.util.function.DoubleFunction<String> writer) {
  /**
   * The value at a share of the range: the distribution's quantile, else linear.
   *
   * @param u the share, 0 to 1
   * @return the value in {@link #unit}
   */
  public double at(double u) {
    return share.applyAsDouble(u);
  }

  /**
   * A value as a Tok expression for {@link Model#evaluate(java.util.Map)} or {@code --set}.
   *
   * @param v the value in {@link #unit}
   * @return a literal such as {@code 24.99 %} or {@code $25k/chip}
   */
  public String literal(double v) {
    return writer.apply(v);
  }
}

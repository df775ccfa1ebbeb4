package org.tokenomics.units;

/**
 * A unit: how many base units one of it is, and its dimension. {@code GWh} is 3.6e12 J.
 *
 * @param name   as written ({@code $B/yr}, {@code GW})
 * @param factor the size of one unit in base units
 * @param dim    its dimension
 */
public record Unit(String name, double factor, Dimension dim) {

  /** A value in base units, expressed in this unit. */
  public double fromBase(double base) {
    return base / factor;
  }

  /** A value in this unit, in base units. */
  public double toBase(double value) {
    return value * factor;
  }

  public Unit times(Unit o, String name) {
    return new Unit(name, factor * o.factor, dim.times(o.dim));
  }

  public Unit over(Unit o, String name) {
    return new Unit(name, factor / o.factor, dim.over(o.dim));
  }

  public Unit pow(int n, String name) {
    return new Unit(name, Math.pow(factor, n), dim.pow(n));
  }
}

package org.tokenomics.units;

import java.util.Map;
import java.util.TreeMap;

/**
 * A physical dimension: integer exponents over base dimensions, named by their base unit
 * ({@code $}, {@code s}, {@code J}, {@code tok}, {@code GPU}, {@code FLOP}, {@code byte}, or a
 * user's {@code unit NAME}). Power is not a base: a watt is {@code J/s}.
 */
public final class Dimension {
  public static final Dimension NONE = new Dimension(new TreeMap<>());

  private final TreeMap<String, Integer> exponents;

  private Dimension(TreeMap<String, Integer> exponents) {
    this.exponents = exponents;
  }

  public static Dimension base(String name) {
    TreeMap<String, Integer> m = new TreeMap<>();
    m.put(name, 1);
    return new Dimension(m);
  }

  public Dimension times(Dimension other) {
    return combine(other, 1);
  }

  public Dimension over(Dimension other) {
    return combine(other, -1);
  }

  public Dimension pow(int n) {
    TreeMap<String, Integer> m = new TreeMap<>();
    if (n != 0) {
      exponents.forEach((k, v) -> m.put(k, v * n));
    }
    return new Dimension(m);
  }

  /** The square root, or null when some exponent is odd. */
  public Dimension sqrt() {
    TreeMap<String, Integer> m = new TreeMap<>();
    for (Map.Entry<String, Integer> e : exponents.entrySet()) {
      if (e.getValue() % 2 != 0) {
        return null;
      }
      m.put(e.getKey(), e.getValue() / 2);
    }
    return new Dimension(m);
  }

  private Dimension combine(Dimension other, int sign) {
    TreeMap<String, Integer> m = new TreeMap<>(exponents);
    other.exponents.forEach((k, v) -> {
      int sum = m.getOrDefault(k, 0) + sign * v;
      if (sum == 0) {
        m.remove(k);
      } else {
        m.put(k, sum);
      }
    });
    return new Dimension(m);
  }

  public boolean isNone() {
    return exponents.isEmpty();
  }

  public int exponent(String base) {
    return exponents.getOrDefault(base, 0);
  }

  /** Exponents by base name, in a stable order. */
  public Map<String, Integer> exponents() {
    return java.util.Collections.unmodifiableMap(exponents);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Dimension d && d.exponents.equals(exponents);
  }

  @Override
  public int hashCode() {
    return exponents.hashCode();
  }

  /** A readable unit of this dimension, e.g. {@code W/GPU} or {@code $/yr}. */
  @Override
  public String toString() {
    return DimensionFormat.unitText(this);
  }
}

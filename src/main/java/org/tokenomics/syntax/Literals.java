package org.tokenomics.syntax;

/** Reading number literals: separators, exponents and magnitude suffixes. */
public final class Literals {
  private Literals() {}

  /** {@code 1_000} → 1000, {@code 1.5T} → 1.5e12, {@code 2.5E-3} → 0.0025, {@code 100k} → 1e5. */
  public static double number(String text) {
    String t = text.replace("_", "");
    double scale = 1;
    char last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
    switch (last) {
      case 'k' -> scale = 1e3;
      case 'M' -> scale = 1e6;
      case 'B' -> scale = 1e9;
      case 'T' -> scale = 1e12;
      default -> { }
    }
    if (scale != 1) {
      t = t.substring(0, t.length() - 1);
    }
    // Parse the digits exactly, then scale: 1.5T is 1.5e12, not 1.5 * 1e12 with a rounding step.
    if (scale != 1 && t.indexOf('e') < 0 && t.indexOf('E') < 0) {
      return Double.parseDouble(t + "e" + (int) Math.log10(scale));
    }
    if (scale != 1) {
      return Double.parseDouble(t) * scale;
    }
    return Double.parseDouble(t);
  }
}

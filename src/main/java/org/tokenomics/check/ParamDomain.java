package org.tokenomics.check;

import org.tokenomics.units.Unit;

/**
 * A param's domain (LANGUAGE.md §16), checked: its ends in base units, both included, the ends
 * as written ({@code 0 % to 100 %}) and the unit they are written in (for showing values).
 */
public record ParamDomain(double low, double high, String text, Unit unit) {
  /** Is {@code x} (base units) inside, ends included? */
  public boolean contains(double x) {
    return x >= low && x <= high;
  }

  /** {@code x} (base units) in the domain's unit, with the unit: {@code 120 %}. */
  public String show(double x) {
    return show(x, unit);
  }

  /** {@code x} (base units) in {@code unit}, as a Tok literal that reads back as the same value. */
  public static String show(double x, Unit unit) {
    return show(x, unit, 15);
  }

  /**
   * {@code x} in {@code unit} with at most {@code digits} significant digits (15 hides the noise of
   * converting units; 17 reads back as exactly the same double).
   */
  public static String show(double x, Unit unit, int digits) {
    double v = x / unit.factor();
    String num = v == 0 ? "0" : new java.math.BigDecimal(v).round(new java.math.MathContext(digits))
        .stripTrailingZeros().toPlainString();
    if (unit.name().isEmpty()) {
      return num;
    }
    if (unit.name().startsWith("$")) { // written as money: $50B/GW, -$2/GPU/h
      return (num.startsWith("-") ? "-$" + num.substring(1) : "$" + num) + unit.name().substring(1);
    }
    return num + " " + unit.name();
  }
}

package org.tokenomics.xlsx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tokenomics.check.Type;
import org.tokenomics.units.Dimension;
import org.tokenomics.units.Units;

/**
 * The units a workbook computes in (dsl/reference/xlsx.md): Tok's base units except that time is
 * counted in years and energy in watt-years, so power stays in watts. The system is coherent (a
 * product of sheet values is the sheet value of the product), which is why formulas carry no
 * conversion factors: {@code =capex_per_gw*capacity} is the model's own arithmetic. Rates read per
 * year ({@code $/yr}), dates are years since year 0 ({@code 2026.5} is 2026-07) and durations are
 * years.
 */
final class SheetUnits {
  private SheetUnits() {}

  /** How many base units one sheet unit of {@code dim} is: yr^(time + energy exponents). */
  static double factor(Dimension dim) {
    int k = dim.exponent("s") + dim.exponent("J");
    return k == 0 ? 1 : Math.pow(Units.YEAR, k);
  }

  /** The factor for a value of this type (dates are times; bools and plain numbers 1). */
  static double factor(Type type) {
    return switch (type.tag()) {
      case NUMBER -> factor(type.dim());
      case DATE -> Units.YEAR;
      default -> 1;
    };
  }

  /** A base-unit value in sheet units. */
  static double toSheet(double base, Type type) {
    double f = factor(type);
    return f == 1 ? base : base / f;
  }

  /**
   * The sheet unit's name: {@code $/yr}, {@code W}, {@code W*yr}, {@code $/(W*yr)}, {@code date (yr)},
   * {@code bool}; empty for a plain number.
   */
  static String text(Type type) {
    return switch (type.tag()) {
      case NUMBER -> text(type.dim());
      case DATE -> "date (yr)";
      case BOOL -> "bool";
      default -> "";
    };
  }

  static String text(Dimension dim) {
    // energy J^a * time s^b becomes W^a * yr^(a + b)
    int a = dim.exponent("J");
    int yr = a + dim.exponent("s");
    List<String> num = new ArrayList<>();
    List<String> den = new ArrayList<>();
    for (Map.Entry<String, Integer> e : dim.exponents().entrySet()) {
      String base = e.getKey();
      if (base.equals("J") || base.equals("s")) {
        continue;
      }
      put(base, e.getValue(), num, den);
    }
    put("W", a, num, den);
    put("yr", yr, num, den);
    if (num.isEmpty() && den.isEmpty()) {
      return "";
    }
    String top = num.isEmpty() ? "1" : String.join("*", num);
    if (den.isEmpty()) {
      return top;
    }
    return top + "/" + (den.size() == 1 ? den.get(0) : "(" + String.join("*", den) + ")");
  }

  private static void put(String base, int exp, List<String> num, List<String> den) {
    if (exp == 0) {
      return;
    }
    String name = Math.abs(exp) == 1 ? base : base + "^" + Math.abs(exp);
    (exp > 0 ? num : den).add(base.equals("$") ? 0 : (exp > 0 ? num : den).size(), name);
  }
}

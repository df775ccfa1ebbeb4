package org.tokenomics.cli;

import java.util.Locale;

/** Numbers as people read them: {@code $5.00T}, {@code $4.75/Mtok}, {@code 52,560 GWh}, {@code 4.27 %}. */
public final class Fmt {
  private Fmt() {}

  private static final String[] MAGNITUDES = {"", "k", "M", "B", "T"};

  /** A value in {@code unit} (the unit's own text, e.g. {@code $B/yr}). */
  public static String quantity(double v, String unit) {
    if (unit == null || unit.isEmpty() || unit.equals("1")) {
      return number(v);
    }
    if (unit.startsWith("$")) {
      return money(v, unit);
    }
    return number(v) + " " + unit;
  }

  /** {@code $B/yr} with 20 → {@code $20.00B/yr}; {@code $/GPU} with 61144.8 → {@code $61.14k/GPU}. */
  static String money(double v, String unit) {
    int mag = 0;
    String rest = unit.substring(1);
    if (!rest.isEmpty() && "kMBT".indexOf(rest.charAt(0)) >= 0 && (rest.length() == 1 || !Character.isLetterOrDigit(rest.charAt(1)))) {
      mag = "kMBT".indexOf(rest.charAt(0)) + 1;
      rest = rest.substring(1);
    }
    int m = 0;
    double mantissa = v;
    // Keep the unit's own magnitude when the source asked for it (without going through dollars,
    // which overflows for $1e306B); scale plain dollars.
    if (mag > 0) {
      m = mag;
    } else {
      double abs = Math.abs(v);
      while (m < 4 && abs >= 1000 * Math.pow(1000, m) - 0.005 * Math.pow(1000, m)) {
        m++;
      }
      mantissa = v / Math.pow(1000, m);
    }
    String sign = mantissa < 0 ? "-" : "";
    double a = Math.abs(mantissa);
    String digits = a != 0 && a < 1 ? new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", a)).stripTrailingZeros().toPlainString()
        : String.format(Locale.ROOT, "%,.2f", a);
    return sign + "$" + digits + MAGNITUDES[m] + rest;
  }

  /** A table cell: four significant digits, grouping for large values ({@code 9.259}, {@code 0.1063}, {@code 43,800}). */
  public static String compact(double v) {
    if (v == 0 || !Double.isFinite(v)) {
      return v == 0 ? "0" : String.valueOf(v);
    }
    double a = Math.abs(v);
    if (a >= 1e15 || a < 1e-4) {
      return String.format(Locale.ROOT, "%.3e", v);
    }
    if (a >= 10_000) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (a >= 1000) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    int decimals = Math.max(0, 3 - (int) Math.floor(Math.log10(a)));
    String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
    if (s.contains(".")) {
      s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return s;
  }

  /** A plain number with grouping and at most four decimals. */
  public static String number(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return String.valueOf(v);
    }
    double a = Math.abs(v);
    if (v == 0) {
      return "0";
    }
    if (a >= 1e15 || a < 1e-4) {
      return String.format(Locale.ROOT, "%.4g", v);
    }
    String s;
    if (a >= 10_000) {
      s = String.format(Locale.ROOT, "%,.2f", v);
    } else if (a >= 1000) {
      s = String.format(Locale.ROOT, "%.2f", v);
    } else if (a >= 1) {
      s = String.format(Locale.ROOT, "%.4f", v);
    } else {
      s = String.format(Locale.ROOT, "%.6f", v);
    }
    if (s.contains(".")) {
      s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return s;
  }
}

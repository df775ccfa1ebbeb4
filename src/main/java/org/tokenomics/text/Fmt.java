package org.tokenomics.text;

import java.util.Locale;
import org.tokenomics.spi.RunReport;

/**
 * Numbers as people read them: {@code $5.00T}, {@code $4.75/Mtok}, {@code 52,560 GWh}, {@code 4.27 %}.
 * Shared by the tools that show values to people (the command line's reporters, the language
 * server's hovers), so that a number reads the same everywhere; the unit it is shown in is chosen
 * before, by {@code check.DisplayUnits}.
 */
public final class Fmt {
  private Fmt() {}

  private static final String[] MAGNITUDES = {"", "k", "M", "B", "T"};

  /**
   * The locale numbers are formatted in: US, whose decimal point, grouping comma and digits are
   * those of {@code Locale.ROOT} (the same text for every format used here: FmtLocaleProperties),
   * and which {@link java.util.Formatter} writes with its own constants. For any other locale it
   * loads the JDK's locale data first, some 10 ms of a short run's CPU (issue 22).
   */
  static final Locale NUMBERS = Locale.US;

  /**
   * Below this, a value in its display unit is the residue of floating-point arithmetic (a paid-off
   * balance of {@code -1.192e-13 $B}), shown as 0. Display units are chosen to put values in a
   * readable range, so nothing a modeler wrote is this small in them.
   */
  static final double NOISE = 1e-9;

  /**
   * A number for programs (JSON): rounded to 12 significant digits, so that a unit conversion's
   * last bit ({@code 10.000000000000002}) is not shown; exact values stay exact.
   */
  public static double clean(double v) {
    if (!Double.isFinite(v) || v == 0) {
      return v;
    }
    return new java.math.BigDecimal(v).round(new java.math.MathContext(12)).doubleValue();
  }

  /**
   * A money series in plain dollars ({@code $/yr}, no {@code as}) in the magnitude its largest
   * value reads in ({@code $B/yr}: 20 rather than 20,000,000,000), as a single value is shown.
   * Other reports, and Monte Carlo series (whose statistics are in the report's unit), unchanged.
   */
  public static RunReport.Report scaledMoney(RunReport.Report r) {
    String unit = r.unit();
    if (!r.series() || r.text() != null || (r.stats() != null && !r.stats().isEmpty()) || unit == null
        || !unit.startsWith("$") || (unit.length() > 1 && unit.charAt(1) != '/')) {
      return r;
    }
    double max = 0;
    for (double v : r.values()) {
      if (Double.isFinite(v)) {
        max = Math.max(max, Math.abs(v));
      }
    }
    int m = 0;
    while (m < 4 && max >= 1000 * Math.pow(1000, m)) {
      m++;
    }
    if (m == 0) {
      return r;
    }
    double f = Math.pow(1000, m);
    double[] scaled = java.util.Arrays.stream(r.values()).map(v -> v / f).toArray();
    return new RunReport.Report(r.name(), "$" + MAGNITUDES[m] + unit.substring(1), true, scaled, null, r.stats(),
        r.periods());
  }

  private static double tidy(double v) {
    return Math.abs(v) < NOISE ? 0 : v;
  }

  /**
   * A Monte Carlo statistic of a report in {@code unit}: a share ({@code below_zero}, the samples
   * below zero) as a percentage, any other statistic as a value in the unit.
   *
   * @param name the statistic's key in a report's stats ({@code mean}, {@code p5}, {@code se} …)
   * @param v    its value
   * @param unit the report's unit text
   * @return the statistic as people read it
   */
  public static String stat(String name, double v, String unit) {
    return "below_zero".equals(name) ? quantity(100 * v, "%") : quantity(v, unit);
  }

  /** A value in {@code unit} (the unit's own text, e.g. {@code $B/yr}). */
  public static String quantity(double v, String unit) {
    v = tidy(v);
    if (unit == null || unit.isEmpty() || unit.equals("1")) {
      return number(v);
    }
    if (unit.startsWith("$")) {
      return money(v, unit);
    }
    if (unit.equals("%")) {
      return percent(v) + " %";
    }
    return number(v) + " " + unit;
  }

  /** A percentage as people write one: two decimals at most ({@code 9.43}), four digits below 1. */
  static String percent(double v) {
    double a = Math.abs(v);
    if (v == 0 || a >= 1e15 || a < 1e-4) {
      return number(v);
    }
    String s = a >= 1 ? String.format(NUMBERS, a >= 10_000 ? "%,.2f" : "%.2f", v)
        : new java.math.BigDecimal(v).round(new java.math.MathContext(4)).toPlainString();
    return trimZeros(s);
  }

  /** {@code $B/yr} with 20 → {@code $20.00B/yr}; {@code $/GPU} with 61144.8 → {@code $61.14k/GPU}. */
  static String money(double v, String unit) {
    v = tidy(v);
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
    String digits = a != 0 && a < 1 ? new java.math.BigDecimal(String.format(NUMBERS, "%.4g", a)).stripTrailingZeros().toPlainString()
        : String.format(NUMBERS, "%,.2f", a);
    return sign + "$" + digits + MAGNITUDES[m] + rest;
  }

  /** A table cell: four significant digits, grouping for large values ({@code 9.259}, {@code 0.1063}, {@code 43,800}). */
  public static String compact(double v) {
    v = tidy(v);
    if (v == 0 || !Double.isFinite(v)) {
      return v == 0 ? "0" : String.valueOf(v);
    }
    double a = Math.abs(v);
    if (a >= 1e15 || a < 1e-4) {
      return String.format(NUMBERS, "%.3e", v);
    }
    if (a >= 10_000) {
      return String.format(NUMBERS, "%,.0f", v);
    }
    if (a >= 1000) {
      return String.format(NUMBERS, "%.0f", v);
    }
    int decimals = Math.max(0, 3 - (int) Math.floor(Math.log10(a)));
    String s = String.format(NUMBERS, "%." + decimals + "f", v);
    return trimZeros(s);
  }

  /** A plain number with grouping and at most four decimals. */
  public static String number(double v) {
    v = tidy(v);
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return String.valueOf(v);
    }
    double a = Math.abs(v);
    if (v == 0) {
      return "0";
    }
    if (a >= 1e15 || a < 1e-4) {
      return String.format(NUMBERS, "%.4g", v);
    }
    String s;
    if (a >= 10_000) {
      s = String.format(NUMBERS, "%,.2f", v);
    } else if (a >= 1000) {
      s = String.format(NUMBERS, "%.2f", v);
    } else if (a >= 1) {
      s = String.format(NUMBERS, "%.4f", v);
    } else {
      s = String.format(NUMBERS, "%.6f", v);
    }
    return trimZeros(s);
  }

  /**
   * A decimal's trailing zeros and then a trailing point taken off ({@code 9.2500} → {@code 9.25},
   * {@code 100.00} → {@code 100}); a number without a point unchanged. By hand: two regular
   * expressions compiled per number were a millisecond of a short run's output.
   */
  static String trimZeros(String s) {
    if (s.indexOf('.') < 0) {
      return s;
    }
    int end = s.length();
    while (s.charAt(end - 1) == '0') {
      end--;
    }
    if (s.charAt(end - 1) == '.') {
      end--;
    }
    return s.substring(0, end);
  }

  /** A number to 12 significant digits, so unit conversions leave no 10.000000000000002 (JSON, CSV). */
  public static String significant(double v) {
    if (!Double.isFinite(v)) {
      return String.valueOf(v);
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(NUMBERS, "%.0f", v);
    }
    java.math.BigDecimal d = new java.math.BigDecimal(v).round(new java.math.MathContext(12)).stripTrailingZeros();
    return Math.abs(v) >= 1e-6 && Math.abs(v) < 1e15 ? d.toPlainString() : d.toString();
  }
}

package org.tokenomics;

import java.util.Arrays;
import java.util.List;
import org.tokenomics.check.DisplayUnits;
import org.tokenomics.check.Type;
import org.tokenomics.time.Dates;
import org.tokenomics.units.DimensionFormat;
import org.tokenomics.units.Unit;

/**
 * One computed value: a scalar or a series, with its dimension. Read it in any unit of its
 * dimension: {@code value.in("$B/yr")}, {@code value.series("$B/yr")}. Immutable and safe to share
 * between threads.
 */
public final class Value {
  private final String name;
  private final Type type;
  private final Unit displayUnit;
  private final double[] base;
  private final boolean series;
  private final List<String> periods;
  private final DisplayUnits units;

  Value(String name, Type type, Unit displayUnit, double[] base, boolean series, List<String> periods, DisplayUnits units) {
    this.name = name;
    this.type = type;
    this.displayUnit = displayUnit;
    this.base = base.clone();
    this.series = series;
    this.periods = periods;
    this.units = units;
  }

  /**
   * The report's or value's name ({@code npv}, {@code site.capex}).
   *
   * @return the report's or value's name ({@code npv}, {@code site.capex})
   */
  public String name() {
    return name;
  }

  /**
   * A number (with a dimension), rather than a date or a condition?
   *
   * @return true for a number, false for a date or a bool
   */
  public boolean isNumber() {
    return type.isNumber();
  }

  /**
   * One value per period?
   *
   * @return true for a series (one value per period), false for a scalar
   */
  public boolean isSeries() {
    return series;
  }

  /**
   * The unit values are shown in by default: the report's {@code as} unit, or a readable choice.
   *
   * @return the unit values are shown in by default: the report's {@code as} unit, or a readable choice
   */
  public String unit() {
    return displayUnit == null ? (type.tag() == Type.Tag.DATE ? "date" : type.tag() == Type.Tag.BOOL ? "bool" : "")
        : displayUnit.name();
  }

  /**
   * The dimension in words, e.g. {@code $/yr (money per time)}.
   *
   * @return the dimension in words, e.g. {@code $/yr (money per time)}
   */
  public String dimension() {
    return type.describe();
  }

  /**
   * Period labels ({@code 2026}, {@code 2026-Q1}, {@code 2026-01}) for a series; empty for a scalar.
   *
   * @return period labels ({@code 2026}, {@code 2026-Q1}, {@code 2026-01}) for a series
   */
  public List<String> periods() {
    return series ? periods : List.of();
  }

  /**
   * The scalar in {@code unit}; throws IllegalArgumentException for a unit of another dimension or a
   * series, ArithmeticException when the value is too large to express in that unit.
   *
   * @param unit a unit of the value's dimension as Tok writes it ({@code $B/yr}, {@code GW})
   * @return the scalar in {@code unit}
   */
  public double in(String unit) {
    if (series) {
      throw new IllegalArgumentException(name + " is a series of " + base.length + " periods; use series(\"" + unit + "\")");
    }
    return finite(base[0] / factor(unit), base[0], unit);
  }

  /** A value too large for the unit asked for is refused, never returned as an infinity. */
  private double finite(double shown, double base, String unit) {
    if (!Double.isFinite(shown) && Double.isFinite(base)) {
      throw new ArithmeticException(org.tokenomics.diag.SafetyMessages.valueOverflow(name, base,
          unit == null ? unit() : unit));
    }
    return shown;
  }

  /**
   * The series in {@code unit}, one value per period (a scalar gives one value).
   *
   * @param unit a unit of the value's dimension as Tok writes it ({@code $B/yr}, {@code GW})
   * @return the series in {@code unit}, one value per period (a scalar gives one value)
   */
  public double[] series(String unit) {
    double f = factor(unit);
    double[] out = new double[base.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = finite(base[i] / f, base[i], unit);
    }
    return out;
  }

  /**
   * Values in the display unit.
   *
   * @return values in the display unit
   */
  public double[] values() {
    return series(null);
  }

  /**
   * A date value as its month: {@code 2027-06}.
   *
   * @return the month, {@code YYYY-MM}
   * @throws IllegalArgumentException when the value is not a date
   */
  public String asDate() {
    requireTag(Type.Tag.DATE);
    return Dates.format(base[0]);
  }

  /**
   * A condition's truth.
   *
   * @return whether the condition holds
   * @throws IllegalArgumentException when the value is not a condition
   */
  public boolean asBool() {
    requireTag(Type.Tag.BOOL);
    return base[0] != 0;
  }

  private void requireTag(Type.Tag tag) {
    if (type.tag() != tag) {
      throw new IllegalArgumentException(name + " is " + type.describe());
    }
  }

  private double factor(String unit) {
    if (unit == null) {
      return displayUnit == null ? 1 : displayUnit.factor();
    }
    if (!type.isNumber()) {
      throw new IllegalArgumentException(name + " is " + type.describe() + " and has no unit");
    }
    if (unit.isBlank() || unit.strip().equals("1")) {
      if (!type.dim().isNone()) {
        throw new IllegalArgumentException(name + " is " + type.describe() + ", not a plain number; give a unit such as \""
            + DimensionFormat.unitText(type.dim()) + "\"");
      }
      return 1;
    }
    Unit u = units.fromText(unit);
    if (u == null) {
      throw new IllegalArgumentException(unknownUnit(unit));
    }
    if (!u.dim().equals(type.dim())) {
      throw new IllegalArgumentException(name + " is " + type.describe() + "; " + unit + " is "
          + DimensionFormat.describe(u.dim()));
    }
    return u.factor();
  }

  /** Why a unit text does not parse, naming the unknown unit and a near one. */
  private String unknownUnit(String unit) {
    for (String atom : unit.split("[\\s*/^()]+")) {
      if (atom.isEmpty() || atom.matches("[0-9.eE+-]+") || units.units().isUnit(atom)) {
        continue;
      }
      String near = org.tokenomics.diag.Suggest.closest(atom, units.units().names());
      return "'" + unit + "' is not a unit: no unit named '" + atom + "'"
          + (near != null ? "; did you mean " + near + "?" : "") + " (" + name + " is " + type.describe() + ")";
    }
    return "'" + unit + "' is not a unit expression (" + name + " is " + type.describe() + ")";
  }

  @Override
  public String toString() {
    return name + " = " + (series ? Arrays.toString(values()) : String.valueOf(values()[0])) + " " + unit();
  }
}

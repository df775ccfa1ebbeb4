package org.tokenomics.check;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tokenomics.units.Dimension;
import org.tokenomics.units.DimensionFormat;
import org.tokenomics.units.Unit;
import org.tokenomics.units.Units;

/**
 * Units to show a value in when the source names none: the unit a literal was written in
 * ({@code $30B/GW} → {@code $B/GW}), or a readable unit of the dimension scaled to the values
 * ({@code 1e9 W} → {@code GW}). Used by sweep, sensitivity and explain.
 */
public final class DisplayUnits {
  private final Units units;
  private final UnitResolver resolver;

  DisplayUnits(Units units) {
    this.units = units;
    this.resolver = new UnitResolver(units, java.util.Map.of());
  }

  /** The unit registry these display units are read from. */
  public Units units() {
    return units;
  }

  /** The readable unit chosen for a value without {@code as}: {@code $/yr}, {@code W/GPU} … */
  public Unit readable(Type type) {
    String text = DimensionFormat.unitText(type.dim());
    if (text.isEmpty()) {
      return new Unit("", 1, type.dim());
    }
    Unit u = fromText(text);
    return u != null && u.dim().equals(type.dim()) ? new Unit(text, u.factor(), u.dim()) : new Unit(text, 1, type.dim());
  }

  /** Parses a unit expression such as {@code $B/yr}; null when it is not one. */
  public Unit fromText(String text) {
    org.tokenomics.syntax.Diagnostics scratch = new org.tokenomics.syntax.Diagnostics();
    org.tokenomics.syntax.UnitExpr u = new org.tokenomics.syntax.SyntaxParser()
        .parseUnit(new org.tokenomics.syntax.SourceFile("<unit>", text, false), scratch);
    if (u == null) {
      return null;
    }
    Unit unit = resolver.unit(u, (code, span, message, help) -> scratch.error(code, span, message, help));
    return unit == null || scratch.hasErrors() ? null : new Unit(text.replaceAll("\\s+", ""), unit.factor(), unit.dim());
  }

  private static final Pattern LITERAL = Pattern.compile(
      "^\\s*-?\\s*(\\$)?\\s*[0-9][0-9_]*(?:\\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?([kMBT])?\\s*(.*?)\\s*$");

  /** Prefix families: the leading unit of a readable unit text and its scaled siblings, smallest first. */
  private static final List<List<String>> FAMILIES = List.of(
      List.of("W", "kW", "MW", "GW", "TW"),
      List.of("Wh", "kWh", "MWh", "GWh", "TWh"),
      List.of("tok", "ktok", "Mtok", "Btok", "Ttok"),
      List.of("FLOP", "TFLOP", "PFLOP", "EFLOP"),
      List.of("byte", "kB", "MB", "GB", "TB", "PB"));

  /** The unit of a literal such as {@code $30B/GW}, {@code 700 W/GPU}, {@code 40 %}; null when not a literal of {@code dim}. */
  public Unit fromLiteral(String text, Dimension dim) {
    Matcher m = LITERAL.matcher(text);
    if (!m.matches()) {
      return null;
    }
    String rest = m.group(3);
    String unitText;
    if (m.group(1) != null) {
      unitText = "$" + (m.group(2) == null ? "" : m.group(2)) + rest;
    } else if (m.group(2) != null && !rest.isEmpty()) {
      return null; // 1.5T tok: a magnitude on a plain number; let the caller choose
    } else {
      unitText = rest;
    }
    if (unitText.isEmpty()) {
      return dim.isNone() ? new Unit("", 1, dim) : null;
    }
    Unit u = fromText(unitText);
    return u != null && u.dim().equals(dim) ? u : null;
  }

  /** A readable unit of {@code type}'s dimension, scaled so that the largest of {@code base} reads well. */
  public Unit forValues(Dimension dim, double[] base) {
    String text = DimensionFormat.unitText(dim);
    Unit plain = readable(Type.number(dim, false));
    if (text.isEmpty() || text.startsWith("$")) {
      return plain; // money scales itself when shown ($5.00T)
    }
    int cut = indexOfOperator(text);
    String lead = text.substring(0, cut);
    String rest = text.substring(cut);
    if (lead.equals("J")) {
      lead = "Wh";
    }
    double max = 0;
    for (double v : base) {
      if (Double.isFinite(v)) {
        max = Math.max(max, Math.abs(v));
      }
    }
    for (List<String> family : FAMILIES) {
      if (!family.contains(lead) && !(lead.equals("GB") && family.contains("byte"))) {
        continue;
      }
      Unit best = null;
      for (String candidate : family) {
        Unit u = fromText(candidate + rest);
        if (u == null || !u.dim().equals(dim)) {
          continue;
        }
        if (best == null || max > 0 && max / u.factor() >= 1 - 1e-9) {
          best = u;
        }
      }
      return best != null ? best : plain;
    }
    return plain;
  }

  private static int indexOfOperator(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '/' || c == '*' || c == '^') {
        return i;
      }
    }
    return text.length();
  }

  /** {@code uniform(low: 1 %, 5 %)} → {@code 1 %}. */
  public static String firstArgument(String call) {
    int open = call.indexOf('(');
    if (open < 0) {
      return call;
    }
    int depth = 0;
    int end = call.length();
    for (int i = open + 1; i < call.length(); i++) {
      char c = call.charAt(i);
      if (c == '(' || c == '[') {
        depth++;
      } else if ((c == ')' || c == ']') && depth-- == 0 || c == ',' && depth == 0) {
        end = i;
        break;
      }
    }
    String arg = call.substring(open + 1, end).strip();
    arg = arg.replaceFirst("^[A-Za-z_][A-Za-z0-9_]*\\s*:(?!:)\\s*", "");
    if (arg.startsWith("[")) {
      // a keyed list (discrete([0 month: 70 %, …])): its first key carries the unit
      int colon = arg.indexOf(':');
      return (colon < 0 ? arg.substring(1) : arg.substring(1, colon)).strip();
    }
    return arg;
  }

}

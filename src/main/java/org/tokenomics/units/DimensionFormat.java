package org.tokenomics.units;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Dimensions in words a modeler reads: {@code J/s/GPU} is shown as {@code W/GPU (power per
 * accelerator)}; money over time as {@code $/yr}; money per token per {@code Mtok}.
 */
public final class DimensionFormat {
  private DimensionFormat() {}

  /** A readable unit expression of the dimension ({@code ""} for dimensionless). */
  public static String unitText(Dimension dim) {
    List<String> num = new ArrayList<>();
    List<String> den = new ArrayList<>();
    int energy = dim.exponent("J");
    int time = dim.exponent("s");
    int power = 0;
    if (energy > 0 && time <= -energy) {
      power = energy;
      time += energy;
      energy = 0;
    } else if (energy < 0 && time >= -energy) {
      power = energy;
      time += energy;
      energy = 0;
    }
    boolean money = dim.exponent("$") != 0;
    boolean onlyTime = dim.exponents().size() == 1 && time != 0;
    String timeName = money || onlyTime ? "yr" : "s";
    String tokName = money ? "Mtok" : "tok";
    for (Map.Entry<String, Integer> e : dim.exponents().entrySet()) {
      String base = e.getKey();
      int exp = e.getValue();
      String name = base;
      switch (base) {
        case "J" -> exp = energy;
        case "s" -> { exp = time; name = timeName; }
        case "tok" -> name = tokName;
        case "byte" -> name = "GB";
        default -> { }
      }
      add(num, den, name, exp);
    }
    add(num, den, "W", power);
    // Money first, then the rest as they come: "$/GPU/h" reads better than "GPU^-1*$".
    num.sort((a, b) -> Boolean.compare(!a.startsWith("$"), !b.startsWith("$")));
    if (num.isEmpty() && den.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(num.isEmpty() ? "1" : String.join("*", num));
    for (String d : den) {
      out.append('/').append(d);
    }
    return out.toString();
  }

  private static void add(List<String> num, List<String> den, String name, int exp) {
    if (exp > 0) {
      num.add(exp == 1 ? name : name + "^" + exp);
    } else if (exp < 0) {
      den.add(exp == -1 ? name : name + "^" + (-exp));
    }
  }

  /** {@code W/GPU (power per accelerator)}; just the unit when no words fit. */
  public static String describe(Dimension dim) {
    String unit = unitText(dim);
    if (unit.isEmpty()) {
      return "a plain number (dimensionless)";
    }
    String words = words(dim);
    return words == null ? unit : unit + " (" + words + ")";
  }

  private static String words(Dimension dim) {
    int energy = dim.exponent("J");
    int time = dim.exponent("s");
    List<String> num = new ArrayList<>();
    List<String> den = new ArrayList<>();
    if (energy == 1 && time <= -1) {
      num.add("power");
      time += 1;
    } else if (energy == 1) {
      num.add("energy");
    } else if (energy == -1 && time >= 1) {
      den.add("power");
      time -= 1;
    } else if (energy == -1) {
      den.add("energy");
    } else if (energy != 0) {
      return null;
    }
    for (Map.Entry<String, Integer> e : dim.exponents().entrySet()) {
      String base = e.getKey();
      int exp = base.equals("s") ? time : e.getValue();
      if (base.equals("J") || exp == 0) {
        continue;
      }
      if (Math.abs(exp) != 1) {
        return null;
      }
      String word = switch (base) {
        case "$" -> "money";
        case "s" -> exp > 0 ? "time" : "time";
        case "tok" -> "tokens";
        case "GPU" -> exp > 0 ? "accelerators" : "accelerator";
        case "FLOP" -> "compute";
        case "byte" -> "data";
        default -> base;
      };
      (exp > 0 ? num : den).add(word);
    }
    if (num.isEmpty()) {
      num.add("1");
    }
    StringBuilder out = new StringBuilder(String.join(" × ", num));
    for (String d : den) {
      out.append(" per ").append(d);
    }
    return out.toString();
  }
}

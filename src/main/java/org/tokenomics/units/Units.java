package org.tokenomics.units;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The unit table of one compilation: the built-in units of LANGUAGE.md §3 plus the user's
 * {@code unit} declarations. Built-ins are shared; user units live in a child table.
 */
public final class Units {
  public static final double MINUTE = 60;
  public static final double HOUR = 3600;
  public static final double DAY = 24 * HOUR;
  public static final double WEEK = 7 * DAY;
  public static final double YEAR = 365 * DAY;
  /** A month is exactly a twelfth of a year (730 h): a modeling convention, not a calendar fact. */
  public static final double MONTH = YEAR / 12;
  public static final double QUARTER = YEAR / 4;

  public static final Dimension MONEY = Dimension.base("$");
  public static final Dimension TIME = Dimension.base("s");
  public static final Dimension ENERGY = Dimension.base("J");
  public static final Dimension POWER = ENERGY.over(TIME);
  public static final Dimension TOKENS = Dimension.base("tok");
  public static final Dimension ACCELERATORS = Dimension.base("GPU");
  public static final Dimension COMPUTE = Dimension.base("FLOP");
  public static final Dimension DATA = Dimension.base("byte");

  private static final Map<String, Unit> BUILT_IN = builtIns();

  private final Map<String, Unit> user = new LinkedHashMap<>();

  private static Map<String, Unit> builtIns() {
    Map<String, Unit> m = new LinkedHashMap<>();
    put(m, MONEY, 1, "$", "USD");
    put(m, MONEY, 1e3, "$k");
    put(m, MONEY, 1e6, "$M");
    put(m, MONEY, 1e9, "$B");
    put(m, MONEY, 1e12, "$T");
    put(m, TIME, 1, "s");
    put(m, TIME, MINUTE, "min");
    put(m, TIME, HOUR, "h");
    put(m, TIME, DAY, "day");
    put(m, TIME, WEEK, "week");
    put(m, TIME, MONTH, "month");
    put(m, TIME, QUARTER, "quarter");
    put(m, TIME, YEAR, "yr");
    put(m, POWER, 1, "W");
    put(m, POWER, 1e3, "kW");
    put(m, POWER, 1e6, "MW");
    put(m, POWER, 1e9, "GW");
    put(m, POWER, 1e12, "TW");
    put(m, ENERGY, 1, "J");
    put(m, ENERGY, 1e3, "kJ");
    put(m, ENERGY, 1e6, "MJ");
    put(m, ENERGY, 1e9, "GJ");
    put(m, ENERGY, HOUR, "Wh");
    put(m, ENERGY, HOUR * 1e3, "kWh");
    put(m, ENERGY, HOUR * 1e6, "MWh");
    put(m, ENERGY, HOUR * 1e9, "GWh");
    put(m, ENERGY, HOUR * 1e12, "TWh");
    put(m, TOKENS, 1, "tok");
    put(m, TOKENS, 1e3, "ktok");
    put(m, TOKENS, 1e6, "Mtok");
    put(m, TOKENS, 1e9, "Btok");
    put(m, TOKENS, 1e12, "Ttok");
    put(m, ACCELERATORS, 1, "GPU");
    put(m, COMPUTE, 1, "FLOP");
    put(m, COMPUTE, 1e9, "GFLOP");
    put(m, COMPUTE, 1e12, "TFLOP");
    put(m, COMPUTE, 1e15, "PFLOP");
    put(m, COMPUTE, 1e18, "EFLOP");
    put(m, DATA, 1, "byte");
    put(m, DATA, 1e3, "kB");
    put(m, DATA, 1e6, "MB");
    put(m, DATA, 1e9, "GB");
    put(m, DATA, 1e12, "TB");
    put(m, DATA, 1e15, "PB");
    put(m, Dimension.NONE, 0.01, "%");
    put(m, Dimension.NONE, 1e-4, "bp");
    return Collections.unmodifiableMap(m);
  }

  private static void put(Map<String, Unit> m, Dimension dim, double factor, String... names) {
    for (String n : names) {
      m.put(n, new Unit(n, factor, dim));
    }
  }

  /** A unit by name, or null. */
  public Unit get(String name) {
    Unit u = BUILT_IN.get(name);
    return u != null ? u : user.get(name);
  }

  public boolean isUnit(String name) {
    return get(name) != null;
  }

  public static boolean isBuiltIn(String name) {
    return BUILT_IN.containsKey(name);
  }

  /** Declares {@code unit NAME}: a new base dimension named after the unit. */
  public Unit declareBase(String name) {
    Unit u = new Unit(name, 1, Dimension.base(name));
    user.put(name, u);
    return u;
  }

  /** Declares {@code unit NAME = EXPR}: an alias for a quantity of existing units. */
  public Unit declareDerived(String name, double factor, Dimension dim) {
    Unit u = new Unit(name, factor, dim);
    user.put(name, u);
    return u;
  }

  /** Every unit name, for "did you mean". */
  public java.util.Set<String> names() {
    java.util.Set<String> all = new java.util.LinkedHashSet<>(BUILT_IN.keySet());
    all.addAll(user.keySet());
    return all;
  }

  public Map<String, Unit> userUnits() {
    return Collections.unmodifiableMap(user);
  }
}

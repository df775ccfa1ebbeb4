package org.tokenomics.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A generated model of a given number of lines for the compile benchmark: a monthly timeline,
 * params in four dimensions, lets that combine earlier values of matching dimensions with
 * arithmetic, ramps, growth, halving, min/max, if, cumsum and reductions, and reports.
 * Deterministic (fixed seed).
 */
public final class GeneratedModel {
  private GeneratedModel() {}

  /** Source text with exactly {@code lines} lines. */
  public static String source(int lines) {
    Random r = new Random(8);
    StringBuilder out = new StringBuilder("timeline 2026 to 2030 monthly\n");
    // four dimensions: power (GW), price ($/MWh), money rate ($/yr), share (dimensionless)
    List<List<String>> names = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    String[] units = {"GW", "$/MWh", "$B/yr", "%"};
    int params = lines / 5;
    int reports = lines / 10;
    int lets = lines - 1 - params - reports;
    for (int i = 0; i < params; i++) {
      int d = i % 4;
      String name = "p" + i;
      double v = 1 + r.nextInt(900) / 10.0;
      out.append("param ").append(name).append(" = ").append(v).append(' ').append(units[d]).append('\n');
      names.get(d).add(name);
    }
    for (int i = 0; i < lets; i++) {
      int d = r.nextInt(4);
      String name = "x" + i;
      out.append("let ").append(name).append(" = ").append(expression(d, names, r)).append('\n');
      names.get(d).add(name);
    }
    for (int i = 0; i < reports; i++) {
      int d = r.nextInt(4);
      List<String> pool = names.get(d);
      String x = pool.get(pool.size() - 1 - r.nextInt(Math.min(pool.size(), 500)));
      out.append("report r").append(i).append(" = ").append(x).append(" as ").append(units[d]).append('\n');
    }
    return out.toString();
  }

  private static String pick(List<String> pool, Random r) {
    // mostly recent values, so that dependency chains are long but not one single chain
    return pool.get(pool.size() - 1 - r.nextInt(Math.min(pool.size(), 200)));
  }

  private static String expression(int d, List<List<String>> names, Random r) {
    List<String> same = names.get(d);
    List<String> shares = names.get(3);
    String a = pick(same, r);
    String b = pick(same, r);
    String s = pick(shares, r);
    return switch (r.nextInt(8)) {
      case 0 -> a + " + " + b + " * " + s;
      case 1 -> a + " * ramp(from: 2026-0" + (1 + r.nextInt(9)) + ", over: " + (1 + r.nextInt(24)) + " month)";
      case 2 -> a + " * grow(by: " + (1 + r.nextInt(5)) + " %, every: month)";
      case 3 -> a + " * halving(every: " + (6 + r.nextInt(30)) + " month) + " + b;
      case 4 -> "min(" + a + ", " + b + " * (1 + " + s + "))";
      case 5 -> "if " + s + " > 50 % then " + a + " else " + b;
      case 6 -> d == 3 ? "max(" + a + ", " + b + ")" : a + " * mean(" + s + ") + " + b;
      default -> "(" + a + " - " + b + ") * active(from: 2027-01, for: " + (1 + r.nextInt(3)) + " yr) + " + b;
    };
  }
}

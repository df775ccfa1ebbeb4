package org.tokenomics.mc;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random series models for the block evaluation's properties ({@link SeriesColumnsProperties}):
 * dimensionless lets over drawn and fixed params, built from every operation the block form takes
 * and some it hands to a cell's own computer (reductions, npv), with divisions by zero, square roots
 * of negative numbers, overflowing exponentials and powers of negative bases in some samples.
 */
final class SeriesModels {
  private SeriesModels() {}

  static String generate(Random rnd, int lets) {
    StringBuilder sb = new StringBuilder();
    sb.append(rnd.nextBoolean() ? "timeline 2026 to 2027 monthly\n" : "timeline 2026 to 2030 quarterly\n");
    sb.append("""
        param a = uniform(1, 2)
        param b = normal(0.5, 0.5)
        param c = lognormal(1, 3)
        param g = uniform(1 %, 3 %)
        param k = 3
        param start = 2026-04
        param life = 9 month
        """);
    if (rnd.nextInt(3) == 0) {
      sb.append("correlate a, c = 0.4\n");
    }
    List<String> names = new ArrayList<>(List.of("a", "b", "c", "g", "k"));
    List<String> lets_ = new ArrayList<>();
    for (int i = 1; i <= lets; i++) {
      String name = "x" + i;
      sb.append("let ").append(name).append(" = ").append(expr(rnd, names, 3)).append('\n');
      names.add(name);
      lets_.add(name);
      if (rnd.nextInt(3) > 0) {
        sb.append("report r").append(i).append(" = ").append(name).append('\n');
      }
    }
    String any = lets_.get(rnd.nextInt(lets_.size()));
    String other = lets_.get(rnd.nextInt(lets_.size()));
    sb.append("report last = ").append(lets_.get(lets_.size() - 1)).append('\n');
    sb.append("report running = cumsum(").append(any).append(")\n");
    sb.append("report later = prev(").append(other).append(", initial: 1) + ").append(any).append('\n');
    sb.append("let lagged = prev(later, initial: 0.5) * 2\n");
    sb.append("report twice = lagged + later\n");
    if (rnd.nextBoolean()) { // a recurrence of two cells, fed by a let
      sb.append("let paid = min(prev(owed, initial: 5), max(").append(any).append(", 0) * 0.1)\n");
      sb.append("let owed = prev(owed, initial: 5) * (1 + g) - paid\n");
      sb.append("report owed\nreport paid\n");
    }
    if (rnd.nextBoolean()) {
      sb.append("report value = npv(").append(other).append(", 9 %)\n");
    }
    if (rnd.nextBoolean()) { // a drawn rate: computed sample by sample from the columns
      sb.append("report drawn_rate = npv(").append(any).append(", g)\n");
    }
    if (rnd.nextBoolean()) {
      sb.append("report total = sum(").append(any).append(") / a\n");
    }
    if (rnd.nextBoolean()) {
      sb.append("assert ").append(any).append(" < 4 \"stays below 4\"\n");
    }
    return sb.toString();
  }

  private static String expr(Random rnd, List<String> names, int depth) {
    if (depth == 0 || rnd.nextInt(4) == 0) {
      return leaf(rnd, names);
    }
    String x = expr(rnd, names, depth - 1);
    String y = expr(rnd, names, depth - 1);
    return switch (rnd.nextInt(17)) {
      case 0 -> "(" + x + " + " + y + ")";
      case 1 -> "(" + x + " - " + y + ")";
      case 2, 3 -> "(" + x + " * " + y + ")";
      case 4 -> "(" + x + " / " + (rnd.nextBoolean() ? "c" : "(if a > 1.9 then 0 else a)") + ")";
      case 5 -> "min(" + x + ", " + y + ")";
      case 6 -> "max(" + x + ", " + y + ", " + leaf(rnd, names) + ")";
      case 7 -> "(if " + x + " > " + y + " then " + leaf(rnd, names) + " else " + x + ")";
      case 8 -> "(if " + x + " <= 1 and not (" + y + " == 2) or b < 0 then " + y + " else -" + x + ")";
      case 9 -> "grow(by: g, every: month) * " + x;
      case 10 -> "exp(" + x + " / 20)";
      case 11 -> "sqrt(" + x + " + 1)";
      case 12 -> "(" + x + " ^ 2)";
      // the same divisor in every sample, zero in the twelfth month: in a branch and outside one
      case 13 -> "(if " + x + " > " + y + " then " + x + " / (halving(every: 12 month) - 0.5) else " + y + ")";
      case 14 -> "(" + x + " / (1.5 - halving(every: 12 month)))";
      // a base that varies by period and sample, sometimes zero or negative (pow's special cases)
      case 15 -> "(decline(by: " + x + " / 4, every: 3 month) * " + y + ")";
      default -> "(ramp(from: start, over: life) * " + x + ")";
    };
  }

  private static String leaf(Random rnd, List<String> names) {
    return switch (rnd.nextInt(8)) {
      case 0 -> "1.5";
      case 1 -> "halving(every: 12 month)";
      case 2 -> "active(from: 2026-03, for: life)";
      case 3 -> "grow(by: 2 %, every: month)";
      default -> names.get(rnd.nextInt(names.size()));
    };
  }
}

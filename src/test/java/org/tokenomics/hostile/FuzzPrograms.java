package org.tokenomics.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Grammar-aware random programs: a timeline, params (numbers with units, money, percentages,
 * distributions with odd arguments), functions, lets built from every operator and built-in,
 * reports with and without units, assertions, scenarios and goal seeks. Most of them parse and
 * many check, so they reach the engine, the Monte Carlo and the reporters, where mutated samples
 * mostly stop at the parser.
 */
final class FuzzPrograms {
  private FuzzPrograms() {}

  static final String[] UNITS = {"", "", "%", "bp", "GW", "MW", "yr", "month", "h", "GPU", "tok", "Mtok", "$/yr",
      "$B/yr", "$/Mtok", "$/GPU/h", "W", "kWh"};
  static final String[] TIMELINES = {"timeline 2026 to 2030 yearly", "timeline 2026-01 to 2027-12 monthly",
      "timeline 2026 to 2035 quarterly", "timeline 2026 to 2026 yearly", "timeline 2026-01 to 2026-03 monthly"};
  static final String[] DATES = {"2026-01", "2027-06", "2030-12", "2026", "2099-01", "1999-01"};

  static String program(Random r) {
    StringBuilder b = new StringBuilder();
    if (r.nextInt(6) != 0) {
      b.append(TIMELINES[r.nextInt(TIMELINES.length)]).append('\n');
    }
    List<String> names = new ArrayList<>(List.of("t", "dt", "year"));
    List<String> params = new ArrayList<>();
    int nParams = r.nextInt(5);
    for (int i = 0; i < nParams; i++) {
      String p = "p" + i;
      b.append("param ").append(p).append(" = ").append(r.nextInt(3) == 0 ? dist(r) : literal(r)).append('\n');
      names.add(p);
      params.add(p);
    }
    int nFns = r.nextInt(3);
    List<String> fns = new ArrayList<>();
    for (int i = 0; i < nFns; i++) {
      String f = "f" + i;
      b.append("fn ").append(f).append("(a, b) = ").append(expr(r, 3, List.of("a", "b"), fns)).append('\n');
      fns.add(f);
    }
    int nLets = 1 + r.nextInt(6);
    for (int i = 0; i < nLets; i++) {
      String l = "l" + i;
      b.append("let ").append(l).append(" = ").append(expr(r, 1 + r.nextInt(4), names, fns)).append('\n');
      names.add(l);
    }
    if (!params.isEmpty() && r.nextInt(4) == 0) {
      b.append("scenario s { ").append(params.get(r.nextInt(params.size()))).append(" = ").append(literal(r)).append(" }\n");
    }
    if (!params.isEmpty() && r.nextInt(5) == 0) {
      String p = params.get(r.nextInt(params.size()));
      b.append("solve g for ").append(p).append(" so that ").append(expr(r, 2, names, fns)).append(" == ")
          .append(literal(r)).append(" within ").append(literal(r)).append(" to ").append(literal(r)).append('\n');
      b.append("report g\n");
    }
    int nReports = 1 + r.nextInt(4);
    for (int i = 0; i < nReports; i++) {
      if (r.nextBoolean()) {
        b.append("report ").append(names.get(r.nextInt(names.size())));
      } else {
        b.append("report r").append(i).append(" = ").append(expr(r, 1 + r.nextInt(3), names, fns));
      }
      if (r.nextInt(3) == 0) {
        b.append(" as ").append(unit(r).isEmpty() ? "%" : unit(r));
      }
      b.append('\n');
    }
    if (r.nextInt(4) == 0) {
      b.append("assert ").append(expr(r, 2, names, fns)).append(" > 0 \"fuzz\"\n");
    }
    return b.toString();
  }

  static String expr(Random r, int depth, List<String> names) {
    return expr(r, depth, names, List.of());
  }

  static String expr(Random r, int depth, List<String> names, List<String> fns) {
    if (depth <= 0 || r.nextInt(5) == 0) {
      return atom(r, names);
    }
    int d = depth - 1;
    return switch (r.nextInt(16)) {
      case 0, 1 -> expr(r, d, names, fns) + " " + pick(r, "+", "-", "*", "/", "^") + " " + expr(r, d, names, fns);
      case 2 -> expr(r, d, names, fns) + " " + pick(r, "<", "<=", ">", ">=", "==", "!=") + " " + expr(r, d, names, fns);
      case 3 -> "(" + expr(r, d, names, fns) + " " + pick(r, "and", "or") + " not " + expr(r, d, names, fns) + ")";
      case 4 -> "if " + expr(r, d, names, fns) + " > 0 then " + expr(r, d, names, fns) + " else " + expr(r, d, names, fns);
      case 5 -> "-(" + expr(r, d, names, fns) + ")";
      case 6 -> pick(r, "sum", "cumsum", "abs", "sqrt", "ln", "exp", "first", "last", "max", "min") + "(" + expr(r, d, names, fns) + ")";
      case 7 -> pick(r, "min", "max", "lag", "grow", "crf") + "(" + expr(r, d, names, fns) + ", " + expr(r, d, names, fns) + ")";
      case 8 -> "npv(" + expr(r, d, names, fns) + " * dt, " + literal(r) + ", initial: " + expr(r, d, names, fns) + ")";
      case 9 -> pick(r, "irr", "payback") + "(" + expr(r, d, names, fns) + " * dt, initial: " + expr(r, d, names, fns) + ")";
      case 10 -> "once(" + expr(r, d, names, fns) + ", at: " + pick(r, DATES) + ")";
      case 11 -> pick(r, "ramp(from: ", "active(from: ") + pick(r, DATES) + (r.nextBoolean() ? ", over: 12 month" : "") + ")";
      case 12 -> "(" + expr(r, d, names, fns) + ")[" + pick(r, DATES) + "]";
      case 13 -> fns.isEmpty() ? expr(r, d, names, fns)
          : fns.get(r.nextInt(fns.size())) + "(" + expr(r, d, names, fns) + ", " + expr(r, d, names, fns) + ")";
      case 14 -> "halving(" + expr(r, d, names, fns) + ", every: " + literal(r) + ")";
      default -> "(" + expr(r, d, names, fns) + ")";
    };
  }

  private static String atom(Random r, List<String> names) {
    return r.nextInt(3) == 0 ? literal(r) : names.get(r.nextInt(names.size()));
  }

  static String literal(Random r) {
    String n = r.nextInt(4) == 0 ? FuzzInputs.NUMBERS[r.nextInt(FuzzInputs.NUMBERS.length)]
        : String.valueOf(1 + r.nextInt(1000));
    if (n.startsWith("-")) {
      return "-" + literalOf(r, n.substring(1));
    }
    return literalOf(r, n);
  }

  private static String literalOf(Random r, String n) {
    return switch (r.nextInt(4)) {
      case 0 -> "$" + n + pick(r, "", "k", "M", "B", "T");
      case 1 -> n + " " + unit(r);
      default -> n;
    };
  }

  private static String unit(Random r) {
    return UNITS[r.nextInt(UNITS.length)];
  }

  private static String dist(Random r) {
    return switch (r.nextInt(5)) {
      case 0 -> "uniform(" + literal(r) + ", " + literal(r) + ")";
      case 1 -> "normal(" + literal(r) + ", " + literal(r) + ")";
      case 2 -> "lognormal(" + literal(r) + ", " + literal(r) + ")";
      case 3 -> "triangular(" + literal(r) + ", " + literal(r) + ", " + literal(r) + ")";
      default -> "pert(" + literal(r) + ", " + literal(r) + ", " + literal(r) + ")";
    };
  }

  private static String pick(Random r, String... options) {
    return options[r.nextInt(options.length)];
  }
}

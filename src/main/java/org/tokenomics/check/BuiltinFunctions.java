package org.tokenomics.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one registry of built-in functions (LANGUAGE.md §6–§7): each entry's name, parameters with
 * their labels, shape, documentation and rule (argument dimensions, result type and the node it
 * builds, in {@link BuiltIns}). The checker, the language server's completion and hover, and the
 * manual's test all read it. To add a built-in: an entry here, its rule (and node, if new) and a
 * row in {@code dsl/manual/reference.md} §7 — a test fails when the manual lacks an entry.
 */
public final class BuiltinFunctions {
  /** How a built-in reads its inputs. */
  public enum Shape {
    /** Period by period (code generation inlines it). */
    POINTWISE,
    /** Reads a whole series or shifts periods: evaluated as a cell of its own. */
    WHOLE_SERIES,
    /** A distribution: only the whole value of a param (LANGUAGE.md §7). */
    DISTRIBUTION
  }

  /** A parameter: its label ({@code from:}) and whether it may be left out. */
  public record Param(String label, boolean optional) {}

  /** How a call's checked arguments become a typed node (reports its own errors). */
  interface Rule {
    Typed apply(BuiltIns call);
  }

  /**
   * One built-in function.
   *
   * @param name   the name as called
   * @param params its parameters, in positional order
   * @param shape  how it reads its inputs
   * @param doc    one line for hover, completion and the manual's index
   */
  public record Entry(String name, List<Param> params, Shape shape, String doc, Rule rule) {
    /** {@code ramp(from, over?)}. */
    public String signature() {
      List<String> ps = new ArrayList<>();
      params.forEach(p -> ps.add(p.label() + (p.optional() ? "?" : "")));
      return name + "(" + String.join(", ", ps) + ")";
    }

    /** Parameter names with a trailing {@code ?} for optional ones (the binder's form). */
    String[] binderNames() {
      return params.stream().map(p -> p.optional() ? p.label() + "?" : p.label()).toArray(String[]::new);
    }
  }

  private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

  static {
    // 7.1 series functions
    add("ramp", "from, over?", Shape.POINTWISE, "ramp(from: D, over: DUR) — clamp((period end − D) / DUR, 0, 1)", BuiltIns::ramp);
    add("active", "from?, for?, until?", Shape.POINTWISE,
        "active(from: D, for: DUR) or active(until: D) — 1 in the periods in range, else 0", BuiltIns::active);
    add("once", "amount, at", Shape.POINTWISE, "once(AMOUNT, at: D) — AMOUNT in the period containing D, 0 elsewhere",
        BuiltIns::once);
    add("grow", "by, every", Shape.POINTWISE, "grow(by: R, every: DUR) = (1 + R) ^ (t / DUR)", b -> b.compound("grow"));
    add("decline", "by, every", Shape.POINTWISE, "decline(by: R, every: DUR) = (1 − R) ^ (t / DUR)",
        b -> b.compound("decline"));
    add("halving", "every", Shape.POINTWISE, "halving(every: DUR) = 0.5 ^ (t / DUR)", BuiltIns::halving);
    // 7.2 reductions and shifts
    add("sum", "x, from?, to?", Shape.WHOLE_SERIES, "sum(x) over all periods, or sum(x, from: D1, to: D2)",
        b -> b.reduce("sum"));
    add("mean", "x", Shape.WHOLE_SERIES, "mean(x) over all periods", b -> b.reduce("mean"));
    add("min", "x", Shape.WHOLE_SERIES, "min(x) over all periods; min(a, b, …) element-wise", b -> b.reduce("min"));
    add("max", "x", Shape.WHOLE_SERIES, "max(x) over all periods; max(a, b, …) element-wise", b -> b.reduce("max"));
    add("first", "x", Shape.WHOLE_SERIES, "first(x): the value in the first period", b -> b.reduce("first"));
    add("last", "x", Shape.WHOLE_SERIES, "last(x): the value in the last period", b -> b.reduce("last"));
    add("cumsum", "x", Shape.WHOLE_SERIES, "cumsum(x): the running sum over periods", BuiltIns::cumsum);
    add("lag", "x, n", Shape.WHOLE_SERIES, "lag(x, n): x shifted by n periods, 0 filled", BuiltIns::lag);
    // 7.3 finance
    add("npv", "amounts, rate, initial?", Shape.WHOLE_SERIES,
        "npv(amounts, rate, initial: AMOUNT) — net present value, amounts at period ends", b -> b.cashFlow("npv"));
    add("irr", "amounts, initial?", Shape.WHOLE_SERIES, "irr(amounts, initial: AMOUNT) — the rate where npv = 0",
        b -> b.cashFlow("irr"));
    add("payback", "amounts, initial?", Shape.WHOLE_SERIES,
        "payback(amounts, initial: AMOUNT) — when cumulative cash turns non-negative (yr)", b -> b.cashFlow("payback"));
    add("crf", "rate, n", Shape.POINTWISE, "crf(rate, n) — capital recovery factor per year", BuiltIns::crf);
    // 7.4 math
    add("exp", "x", Shape.POINTWISE, "exp(x), x dimensionless", b -> b.math("exp"));
    add("ln", "x", Shape.POINTWISE, "ln(x), x dimensionless", b -> b.math("ln"));
    add("log10", "x", Shape.POINTWISE, "log10(x), x dimensionless", b -> b.math("log10"));
    add("sqrt", "x", Shape.POINTWISE, "sqrt(x) — a quantity with even unit powers keeps half of them", BuiltIns::sqrt);
    add("abs", "x", Shape.POINTWISE, "abs(x)", BuiltIns::abs);
    add("floor", "x", Shape.POINTWISE, "floor(x), x dimensionless", b -> b.math("floor"));
    add("ceil", "x", Shape.POINTWISE, "ceil(x), x dimensionless", b -> b.math("ceil"));
    add("round", "x", Shape.POINTWISE, "round(x), x dimensionless", b -> b.math("round"));
    // 7.5 distributions: checked as a param's whole value (Distributions), never as a call
    add("uniform", "low, high", Shape.DISTRIBUTION, "uniform(LOW, HIGH) — a distribution (median in a deterministic run)",
        null);
    add("normal", "mean, sd", Shape.DISTRIBUTION, "normal(MEAN, SD) — a distribution", null);
    add("lognormal", "p5, p95", Shape.DISTRIBUTION, "lognormal(P5, P95) — a distribution given its 90 % interval", null);
    add("triangular", "low, mode, high", Shape.DISTRIBUTION, "triangular(LOW, MODE, HIGH) — a distribution", null);
    add("pert", "low, mode, high", Shape.DISTRIBUTION, "pert(LOW, MODE, HIGH) — a distribution", null);
  }

  private BuiltinFunctions() {}

  private static void add(String name, String params, Shape shape, String doc, Rule rule) {
    List<Param> ps = new ArrayList<>();
    for (String p : params.split(",\\s*")) {
      boolean optional = p.endsWith("?");
      ps.add(new Param(optional ? p.substring(0, p.length() - 1) : p, optional));
    }
    ENTRIES.put(name, new Entry(name, List.copyOf(ps), shape, doc, rule));
  }

  /** The entry named {@code name}, or null. */
  public static Entry get(String name) {
    return ENTRIES.get(name);
  }

  /** Every built-in, in the manual's order. */
  public static List<Entry> all() {
    return List.copyOf(ENTRIES.values());
  }

  /** Every built-in name. */
  public static java.util.Set<String> names() {
    return Collections.unmodifiableSet(ENTRIES.keySet());
  }
}

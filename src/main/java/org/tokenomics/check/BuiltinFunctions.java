package org.tokenomics.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tokenomics.eval.Arith;
import org.tokenomics.eval.Const;
import org.tokenomics.eval.MathFn;
import org.tokenomics.eval.series.DataSeries;
import org.tokenomics.eval.series.Points;
import org.tokenomics.eval.series.Reductions;
import org.tokenomics.eval.series.TimeFns;
import org.tokenomics.finance.FinanceNodes;

/**
 * The one registry of built-in functions (LANGUAGE.md §6–§7): each entry's name, parameters with
 * their labels, shape, documentation and rule (argument dimensions, result type and the node it
 * builds, in {@link BuiltIns}). The checker, the language server's completion and hover, and the
 * manual's test all read it. To add a built-in: its name in the list and its case in {@code define}
 * here, its rule (and node, if new) and a row in {@code dsl/manual/reference.md} §7 — a test fails
 * when the manual lacks an entry, or the list and the cases disagree.
 */
public final class BuiltinFunctions {
  /** How a built-in reads its inputs. */
  public enum Shape {
    /** Period by period (code generation inlines it). */
    POINTWISE,
    /** Reads a whole series or shifts periods: evaluated as a cell of its own. */
    WHOLE_SERIES,
    /** A distribution: only the whole value of a param (LANGUAGE.md §7). */
    DISTRIBUTION,
    /** Reads an earlier period of a value that may depend on it ({@code prev}): checked by {@link Prevs}. */
    DELAYED
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
   * @param rule   checks a call's arguments and gives its typed form
   * @param factory builds the evaluation node of the typed form (null when the rule writes the call
   *               in other terms, e.g. {@code once} as a conditional, or for distributions)
   */
  public record Entry(String name, List<Param> params, Shape shape, String doc, Rule rule,
                      NodeBuilder.Factory factory) {
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

  private static final Map<String, Entry> ENTRIES = new ConcurrentHashMap<>();
  /**
   * Every built-in's name, in the manual's order. A function's entry is made by its case in
   * {@link #define} the first time it is asked for, not when the class initialises: an entry's rule
   * and node factory are lambdas, and each lambda's call site is linked (LambdaMetafactory, cold
   * code) when first run, about 0.1 ms apiece on a cold JVM even with its class in the class-data
   * archive. Some fifty of them were 5-8 ms of every compile's start; a model links those it calls
   * (issue 22). The distributions have neither and are made here.
   */
  private static final java.util.Set<String> ORDER = new java.util.LinkedHashSet<>();
  /** Arguments the rule reads as written (keyed lists, strings, words), never checked as values first. */
  private static final java.util.Set<String> RAW = new java.util.HashSet<>();
  private static final Map<String, List<String>> WORDS = new LinkedHashMap<>();

  static {
    ORDER.addAll(List.of(
        // 7.1 series functions
        "ramp", "active", "once", "grow", "decline", "halving",
        // 7.2 reductions and shifts
        "sum", "mean", "min", "max", "first", "last", "cumsum", "lag", "prev",
        // 7.2b families (LANGUAGE.md §15)
        "total",
        // 7.3 finance
        "npv", "irr", "payback", "crf",
        // 7.4 math
        "exp", "ln", "log10", "sqrt", "abs", "floor", "ceil", "round",
        // 7.6 values given by points and data files (LANGUAGE.md §11, §12)
        "series", "curve", "lookup", "csv"));
    rawArg("series", "points");
    rawArg("curve", "points");
    rawArg("lookup", "points");
    rawArg("csv", "path");
    rawArg("csv", "column");
    words("curve", "interpolate", "linear", "step", "log");
    words("lookup", "interpolate", "linear", "step", "log");
    words("csv", "aggregate", "mean", "sum", "last");
    // 7.5 distributions, from their own registry: checked as a param's whole value (Distributions), never as a call
    for (org.tokenomics.dist.Family f : org.tokenomics.dist.Family.values()) {
      add(f.word(), String.join(", ", f.params()), Shape.DISTRIBUTION, f.doc(), null, null);
    }
    rawArg("discrete", "points"); // a keyed list (LANGUAGE.md §18), read by Discrete
    // Price paths (dist.Paths): drawn per sample and per period under Monte Carlo.
    add("gbm", "start, drift, volatility", Shape.DISTRIBUTION,
        "gbm(start: S0, drift: MU, volatility: SIGMA) — a geometric Brownian price path (a series)", null, null);
    add("ou", "start, mean, reversion, volatility", Shape.DISTRIBUTION,
        "ou(start: X0, mean: M, reversion: K, volatility: SIGMA) — a mean-reverting path (a series)", null, null);
  }


  /**
   * The entry of a function named in {@link #ORDER}: to add a built-in, its name there and its case
   * here (name, parameters, shape, documentation, rule, node factory), its rule and node, and its
   * row in the manual. {@code BuiltinRegistryTest} checks the names and the cases agree.
   */
  private static Entry define(String name) {
    return switch (name) {
      // 7.1 series functions
      case "ramp" -> entry(name, "from, over?", Shape.POINTWISE, "ramp(from: D, over: DUR) — the period's average of clamp((τ − D) / DUR, 0, 1)",
          BuiltIns::ramp, (a, b, op) -> new TimeFns.Ramp(a[0], a[1], b.timeline()));
      case "active" -> entry(name, "from?, for?, until?", Shape.POINTWISE,
          "active(from: D, for: DUR) or active(until: D) — the share of each period in range", BuiltIns::active,
          (a, b, op) -> new TimeFns.Active(a[0], a[1], a[2], b.timeline()));
      case "once" -> entry(name, "amount, at", Shape.POINTWISE, "once(AMOUNT, at: D) — AMOUNT in the period containing D, 0 elsewhere",
          BuiltIns::once, null);
      case "grow" -> entry(name, "by, every", Shape.POINTWISE, "grow(by: R, every: DUR) = (1 + R) ^ (t / DUR)", b -> b.compound("grow"),
          (a, b, op) -> compound(Arith.binary(Arith.Op.ADD, new Const(1), a[0], op.span()), a[1], b, op));
      case "decline" -> entry(name, "by, every", Shape.POINTWISE, "decline(by: R, every: DUR) = (1 − R) ^ (t / DUR)",
          b -> b.compound("decline"),
          (a, b, op) -> compound(Arith.binary(Arith.Op.SUB, new Const(1), a[0], op.span()), a[1], b, op));
      case "halving" -> entry(name, "every", Shape.POINTWISE, "halving(every: DUR) = 0.5 ^ (t / DUR)",
          BuiltIns::halving, (a, b, op) -> new TimeFns.Compound(new Const(0.5), a[0], b.timeline(), op.span()));
      // 7.2 reductions and shifts
      case "sum" -> entry(name, "x, from?, to?, by?", Shape.WHOLE_SERIES, "sum(x) over all periods, or sum(x, from: D1, to: D2); in a report, sum(x, by: yr|quarter) per year or quarter",
          b -> b.reduce("sum"), reduce(Reductions.Kind.SUM));
      case "mean" -> entry(name, "x, by?", Shape.WHOLE_SERIES, "mean(x) over all periods; in a report, by: yr|quarter",
          b -> b.reduce("mean"), reduce(Reductions.Kind.MEAN));
      case "min" -> entry(name, "x, by?", Shape.WHOLE_SERIES, "min(x) over all periods; min(a, b, …) element-wise; in a report, by: yr|quarter",
          b -> b.reduce("min"), reduce(Reductions.Kind.MIN));
      case "max" -> entry(name, "x, by?", Shape.WHOLE_SERIES, "max(x) over all periods; max(a, b, …) element-wise; in a report, by: yr|quarter",
          b -> b.reduce("max"), reduce(Reductions.Kind.MAX));
      case "first" -> entry(name, "x, by?", Shape.WHOLE_SERIES, "first(x): the value in the first period; in a report, by: yr|quarter",
          b -> b.reduce("first"), reduce(Reductions.Kind.FIRST));
      case "last" -> entry(name, "x, by?", Shape.WHOLE_SERIES, "last(x): the value in the last period; in a report, by: yr|quarter",
          b -> b.reduce("last"), reduce(Reductions.Kind.LAST));
      case "cumsum" -> entry(name, "x", Shape.WHOLE_SERIES, "cumsum(x): the running sum over periods", BuiltIns::cumsum, null);
      case "lag" -> entry(name, "x, n", Shape.WHOLE_SERIES, "lag(x, n): x shifted by n periods, 0 filled",
          BuiltIns::lag, (a, b, op) -> new TimeFns.Lag(a[0], a[1], op.type().series()));
      case "prev" -> entry(name, "x, initial?", Shape.DELAYED,
          "prev(x, initial: X0) — x in the previous period, X0 in the first (0 by default); x may depend on it",
          null, BuiltinFunctions::prev);
      // 7.2b families (LANGUAGE.md §15): checked by Totals (its argument once per member), one Sum node
      case "total" -> entry(name, "x", Shape.POINTWISE,
          "total(EXPR) — the sum over a family's members (total(vintage.cash)) or a kind's instances (total(rental.cash))",
          b -> {
            throw new IllegalStateException("total is checked by Totals");
          }, (a, b, op) -> Arith.fold(new org.tokenomics.eval.Sum(a), a));
      // 7.3 finance
      case "npv" -> entry(name, "amounts, rate, initial?, timing?", Shape.WHOLE_SERIES,
          "npv(amounts, rate, initial: AMOUNT, timing: end|mid|start) — net present value, amounts at period ends by default",
          b -> b.cashFlow("npv"), cashFlow(FinanceNodes.Fn.NPV));
      case "irr" -> entry(name, "amounts, initial?, timing?", Shape.WHOLE_SERIES,
          "irr(amounts, initial: AMOUNT, timing: end|mid|start) — the rate where npv = 0",
          b -> b.cashFlow("irr"), cashFlow(FinanceNodes.Fn.IRR));
      case "payback" -> entry(name, "amounts, initial?, timing?", Shape.WHOLE_SERIES,
          "payback(amounts, initial: AMOUNT, timing: end|mid|start) — when cumulative cash turns non-negative (yr)",
          b -> b.cashFlow("payback"), cashFlow(FinanceNodes.Fn.PAYBACK));
      case "crf" -> entry(name, "rate, n", Shape.POINTWISE, "crf(rate, n) — capital recovery factor per year",
          BuiltIns::crf, (a, b, op) -> Arith.fold(new FinanceNodes.Crf(a[0], a[1], op.span()), a));
      // 7.4 math
      case "exp" -> entry(name, "x", Shape.POINTWISE, "exp(x), x dimensionless", b -> b.math("exp"), BuiltinFunctions::math);
      case "ln" -> entry(name, "x", Shape.POINTWISE, "ln(x), x dimensionless", b -> b.math("ln"), BuiltinFunctions::math);
      case "log10" -> entry(name, "x", Shape.POINTWISE, "log10(x), x dimensionless", b -> b.math("log10"), BuiltinFunctions::math);
      case "sqrt" -> entry(name, "x", Shape.POINTWISE, "sqrt(x) — a quantity with even unit powers keeps half of them",
          BuiltIns::sqrt, BuiltinFunctions::math);
      case "abs" -> entry(name, "x", Shape.POINTWISE, "abs(x)", BuiltIns::abs, BuiltinFunctions::math);
      case "floor" -> entry(name, "x", Shape.POINTWISE, "floor(x), x dimensionless", b -> b.math("floor"), BuiltinFunctions::math);
      case "ceil" -> entry(name, "x", Shape.POINTWISE, "ceil(x), x dimensionless", b -> b.math("ceil"), BuiltinFunctions::math);
      case "round" -> entry(name, "x", Shape.POINTWISE, "round(x), x dimensionless", b -> b.math("round"), BuiltinFunctions::math);
      // 7.6 values given by points and data files (LANGUAGE.md §11, §12)
      case "series" -> entry(name, "points", Shape.POINTWISE,
          "series([D1: A1, D2: A2, …]) — each period holds the sum of the amounts dated inside it, 0 elsewhere",
          PointCalls::series, (a, b, op) -> {
            PointCalls.Points pts = (PointCalls.Points) op.data();
            return new Points.Sum(pts.keys(), pts.keySpans(), a, op.type().series());
          });
      case "curve" -> entry(name, "points, interpolate?", Shape.POINTWISE,
          "curve([D1: V1, D2: V2, …], interpolate: linear|step|log) — the value at each period's start, flat outside",
          PointCalls::curve, (a, b, op) -> {
            PointCalls.Points pts = (PointCalls.Points) op.data();
            return new Points.Curve(pts.keys(), a, interp(pts), op.span(), op.type().series());
          });
      case "lookup" -> entry(name, "x, points, interpolate?", Shape.POINTWISE,
          "lookup(x, [K1: V1, K2: V2, …], interpolate: linear|step|log) — the value at x, flat beyond the ends",
          PointCalls::lookup, (a, b, op) -> {
            PointCalls.Points pts = (PointCalls.Points) op.data();
            return new Points.Lookup(a[0], pts.keys(), java.util.Arrays.copyOfRange(a, 1, a.length), interp(pts), op.span());
          });
      case "csv" -> entry(name, "path, column, aggregate?", Shape.POINTWISE,
          "csv(\"FILE.csv\", column: \"NAME\", aggregate: mean|sum|last) — a column of a data file, read at compile time, per period",
          PointCalls::csv, (a, b, op) -> {
            PointCalls.Data d = (PointCalls.Data) op.data();
            return new DataSeries(d.dates(), d.values(), DataSeries.Aggregate.valueOf(d.aggregate().toUpperCase(java.util.Locale.ROOT)),
                op.span(), d.file(), op.type().series());
          });
      default -> throw new IllegalStateException("no case for the built-in " + name);
    };
  }

  /** exp, ln, log10, sqrt, abs, floor, ceil, round: one math node. */
  private static org.tokenomics.eval.Node math(org.tokenomics.eval.Node[] a, NodeBuilder b, TExpr.Op op) {
    return MathFn.of(op.op(), a[0], op.span());
  }

  private BuiltinFunctions() {}

  /** A delayed reference: the cell some periods back; in a static model, its initial value. */
  private static org.tokenomics.eval.Node prev(org.tokenomics.eval.Node[] a, NodeBuilder b, TExpr.Op op) {
    Prevs.Use u = (Prevs.Use) op.data();
    org.tokenomics.eval.Node initial = a.length > 0 ? a[0] : null;
    if (!b.timeline()) {
      return initial != null ? initial : new Const(0);
    }
    return new org.tokenomics.eval.Prev(u.slot(), u.periods, initial);
  }

  private static NodeBuilder.Factory reduce(Reductions.Kind kind) {
    return (a, b, op) -> op.data() instanceof org.tokenomics.time.Step by ? new org.tokenomics.eval.series.RollUp(kind, a[0], by)
        : new Reductions.Reduce(kind, a[0], a.length > 1 ? a[1] : null, a.length > 2 ? a[2] : null);
  }

  private static org.tokenomics.eval.Node compound(org.tokenomics.eval.Node base, org.tokenomics.eval.Node every,
                                                   NodeBuilder b, TExpr.Op op) {
    return new TimeFns.Compound(base, every, b.timeline(), op.span());
  }

  private static NodeBuilder.Factory cashFlow(FinanceNodes.Fn fn) {
    return (a, b, op) -> new FinanceNodes.CashFlow(fn, a[0], a[1], a[2], op.span(),
        op.data() == null ? FinanceNodes.Timing.END : FinanceNodes.Timing.valueOf(((String) op.data()).toUpperCase(java.util.Locale.ROOT)));
  }

  private static Points.Interp interp(PointCalls.Points pts) {
    return Points.Interp.valueOf(pts.interpolate().toUpperCase(java.util.Locale.ROOT));
  }


  private static void rawArg(String name, String label) {
    RAW.add(name + "." + label);
  }

  private static void words(String name, String label, String... words) {
    rawArg(name, label);
    WORDS.put(name + "." + label, List.of(words));
  }

  /**
   * Whether the argument {@code label} of {@code name} is read by the rule as written (a keyed
   * list, a string, or a word such as {@code interpolate: log}) rather than checked as a value.
   *
   * @param name  a built-in's name
   * @param label one of its parameters
   * @return true when the rule reads it as written
   */
  public static boolean raw(String name, String label) {
    return RAW.contains(name + "." + label);
  }

  /**
   * The words an argument takes ({@code interpolate: linear|step|log}), for the checker and completion.
   *
   * @param name  a built-in's name
   * @param label one of its parameters
   * @return its words, or an empty list when it takes a value
   */
  public static List<String> words(String name, String label) {
    return WORDS.getOrDefault(name + "." + label, List.of());
  }

  /** A distribution's entry, made now (it has no rule and no node factory: nothing to link). */
  private static void add(String name, String params, Shape shape, String doc, Rule rule, NodeBuilder.Factory factory) {
    ORDER.add(name);
    ENTRIES.put(name, entry(name, params, shape, doc, rule, factory));
  }

  private static Entry entry(String name, String params, Shape shape, String doc, Rule rule, NodeBuilder.Factory factory) {
    List<Param> ps = new ArrayList<>();
    for (String p : paramNames(params)) {
      boolean optional = p.endsWith("?");
      ps.add(new Param(optional ? p.substring(0, p.length() - 1) : p, optional));
    }
    return new Entry(name, List.copyOf(ps), shape, doc, rule, factory);
  }

  /**
   * {@code params.split(",\\s*")} without a regular expression: that split compiled its pattern
   * once per entry, some 2 ms of every command's start-up on a cold JVM (issue 22).
   */
  static List<String> paramNames(String params) {
    List<String> out = new ArrayList<>();
    int start = 0;
    boolean split = false;
    for (int i = 0; i < params.length(); i++) {
      if (params.charAt(i) == ',') {
        out.add(params.substring(start, i));
        split = true;
        start = i + 1;
        while (start < params.length() && " \t\n\u000B\f\r".indexOf(params.charAt(start)) >= 0) {
          start++;
        }
        i = start - 1;
      }
    }
    out.add(params.substring(start));
    // as String.split: no separator gives the whole text; otherwise trailing empty strings go
    while (split && !out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  /** Whether {@code name} is a price path ({@code gbm}, {@code ou}): a distribution that is a series. */
  public static boolean isPath(String name) {
    return org.tokenomics.dist.Paths.isPath(name);
  }

  /** The entry named {@code name}, or null. */
  public static Entry get(String name) {
    Entry known = name == null ? null : ENTRIES.get(name);
    if (known != null || !ORDER.contains(name)) {
      return known;
    }
    // two threads may both define it: the same entry either way, and one is kept
    Entry made = define(name);
    Entry raced = ENTRIES.putIfAbsent(name, made);
    return raced != null ? raced : made;
  }

  /** Every built-in, in the manual's order. */
  public static List<Entry> all() {
    List<Entry> out = new ArrayList<>();
    for (String name : ORDER) {
      out.add(get(name));
    }
    return List.copyOf(out);
  }

  /** Every built-in name, in the manual's order. */
  public static java.util.Set<String> names() {
    return Collections.unmodifiableSet(ORDER);
  }
}

package org.tokenomics.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tokenomics.eval.Arith;
import org.tokenomics.eval.Const;
import org.tokenomics.eval.MathFn;
import org.tokenomics.eval.series.Reductions;
import org.tokenomics.eval.series.TimeFns;
import org.tokenomics.finance.FinanceNodes;

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

  /** exp, ln, log10, sqrt, abs, floor, ceil, round: one math node. */
  private static final NodeBuilder.Factory MATH = (a, b, op) -> MathFn.of(op.op(), a[0], op.span());

  private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

  static {
    // 7.1 series functions
    add("ramp", "from, over?", Shape.POINTWISE, "ramp(from: D, over: DUR) — the period's average of clamp((τ − D) / DUR, 0, 1)",
        BuiltIns::ramp, (a, b, op) -> new TimeFns.Ramp(a[0], a[1], b.timeline()));
    add("active", "from?, for?, until?", Shape.POINTWISE,
        "active(from: D, for: DUR) or active(until: D) — the share of each period in range", BuiltIns::active,
        (a, b, op) -> new TimeFns.Active(a[0], a[1], a[2], b.timeline()));
    add("once", "amount, at", Shape.POINTWISE, "once(AMOUNT, at: D) — AMOUNT in the period containing D, 0 elsewhere",
        BuiltIns::once, null);
    add("grow", "by, every", Shape.POINTWISE, "grow(by: R, every: DUR) = (1 + R) ^ (t / DUR)", b -> b.compound("grow"),
        (a, b, op) -> compound(Arith.binary(Arith.Op.ADD, new Const(1), a[0], op.span()), a[1], b, op));
    add("decline", "by, every", Shape.POINTWISE, "decline(by: R, every: DUR) = (1 − R) ^ (t / DUR)",
        b -> b.compound("decline"),
        (a, b, op) -> compound(Arith.binary(Arith.Op.SUB, new Const(1), a[0], op.span()), a[1], b, op));
    add("halving", "every", Shape.POINTWISE, "halving(every: DUR) = 0.5 ^ (t / DUR)",
        BuiltIns::halving, (a, b, op) -> new TimeFns.Compound(new Const(0.5), a[0], b.timeline(), op.span()));
    // 7.2 reductions and shifts
    add("sum", "x, from?, to?, by?", Shape.WHOLE_SERIES, "sum(x) over all periods, or sum(x, from: D1, to: D2); in a report, sum(x, by: yr|quarter) per year or quarter",
        b -> b.reduce("sum"), reduce(Reductions.Kind.SUM));
    add("mean", "x, by?", Shape.WHOLE_SERIES, "mean(x) over all periods; in a report, by: yr|quarter",
        b -> b.reduce("mean"), reduce(Reductions.Kind.MEAN));
    add("min", "x, by?", Shape.WHOLE_SERIES, "min(x) over all periods; min(a, b, …) element-wise; in a report, by: yr|quarter",
        b -> b.reduce("min"), reduce(Reductions.Kind.MIN));
    add("max", "x, by?", Shape.WHOLE_SERIES, "max(x) over all periods; max(a, b, …) element-wise; in a report, by: yr|quarter",
        b -> b.reduce("max"), reduce(Reductions.Kind.MAX));
    add("first", "x, by?", Shape.WHOLE_SERIES, "first(x): the value in the first period; in a report, by: yr|quarter",
        b -> b.reduce("first"), reduce(Reductions.Kind.FIRST));
    add("last", "x, by?", Shape.WHOLE_SERIES, "last(x): the value in the last period; in a report, by: yr|quarter",
        b -> b.reduce("last"), reduce(Reductions.Kind.LAST));
    add("cumsum", "x", Shape.WHOLE_SERIES, "cumsum(x): the running sum over periods", BuiltIns::cumsum, null);
    add("lag", "x, n", Shape.WHOLE_SERIES, "lag(x, n): x shifted by n periods, 0 filled",
        BuiltIns::lag, (a, b, op) -> new TimeFns.Lag(a[0], a[1], op.type().series()));
    // 7.3 finance
    add("npv", "amounts, rate, initial?, timing?", Shape.WHOLE_SERIES,
        "npv(amounts, rate, initial: AMOUNT, timing: end|mid|start) — net present value, amounts at period ends by default",
        b -> b.cashFlow("npv"), cashFlow(FinanceNodes.Fn.NPV));
    add("irr", "amounts, initial?, timing?", Shape.WHOLE_SERIES,
        "irr(amounts, initial: AMOUNT, timing: end|mid|start) — the rate where npv = 0",
        b -> b.cashFlow("irr"), cashFlow(FinanceNodes.Fn.IRR));
    add("payback", "amounts, initial?, timing?", Shape.WHOLE_SERIES,
        "payback(amounts, initial: AMOUNT, timing: end|mid|start) — when cumulative cash turns non-negative (yr)",
        b -> b.cashFlow("payback"), cashFlow(FinanceNodes.Fn.PAYBACK));
    add("crf", "rate, n", Shape.POINTWISE, "crf(rate, n) — capital recovery factor per year",
        BuiltIns::crf, (a, b, op) -> Arith.fold(new FinanceNodes.Crf(a[0], a[1], op.span()), a));
    // 7.4 math
    add("exp", "x", Shape.POINTWISE, "exp(x), x dimensionless", b -> b.math("exp"), MATH);
    add("ln", "x", Shape.POINTWISE, "ln(x), x dimensionless", b -> b.math("ln"), MATH);
    add("log10", "x", Shape.POINTWISE, "log10(x), x dimensionless", b -> b.math("log10"), MATH);
    add("sqrt", "x", Shape.POINTWISE, "sqrt(x) — a quantity with even unit powers keeps half of them",
        BuiltIns::sqrt, MATH);
    add("abs", "x", Shape.POINTWISE, "abs(x)", BuiltIns::abs, MATH);
    add("floor", "x", Shape.POINTWISE, "floor(x), x dimensionless", b -> b.math("floor"), MATH);
    add("ceil", "x", Shape.POINTWISE, "ceil(x), x dimensionless", b -> b.math("ceil"), MATH);
    add("round", "x", Shape.POINTWISE, "round(x), x dimensionless", b -> b.math("round"), MATH);
    // 7.5 distributions, from their own registry: checked as a param's whole value (Distributions), never as a call
    for (org.tokenomics.dist.Family f : org.tokenomics.dist.Family.values()) {
      add(f.word(), String.join(", ", f.params()), Shape.DISTRIBUTION, f.doc(), null, null);
    }
    // Price paths (dist.Paths): drawn per sample and per period under Monte Carlo.
    add("gbm", "start, drift, volatility", Shape.DISTRIBUTION,
        "gbm(start: S0, drift: MU, volatility: SIGMA) — a geometric Brownian price path (a series)", null, null);
    add("ou", "start, mean, reversion, volatility", Shape.DISTRIBUTION,
        "ou(start: X0, mean: M, reversion: K, volatility: SIGMA) — a mean-reverting path (a series)", null, null);
  }

  private BuiltinFunctions() {}

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

  private static void add(String name, String params, Shape shape, String doc, Rule rule, NodeBuilder.Factory factory) {
    List<Param> ps = new ArrayList<>();
    for (String p : params.split(",\\s*")) {
      boolean optional = p.endsWith("?");
      ps.add(new Param(optional ? p.substring(0, p.length() - 1) : p, optional));
    }
    ENTRIES.put(name, new Entry(name, List.copyOf(ps), shape, doc, rule, factory));
  }

  /** Whether {@code name} is a price path ({@code gbm}, {@code ou}): a distribution that is a series. */
  public static boolean isPath(String name) {
    return org.tokenomics.dist.Paths.isPath(name);
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

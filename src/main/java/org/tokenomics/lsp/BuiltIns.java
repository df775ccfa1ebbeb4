package org.tokenomics.lsp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tokenomics.units.Units;

/** What the language itself defines, for hover and completion (LANGUAGE.md §3, §6, §7). */
final class BuiltIns {
  private BuiltIns() {}

  static final Map<String, String> SERIES = new LinkedHashMap<>();
  static final Map<String, String> FUNCTIONS = new LinkedHashMap<>();
  static final List<String> KEYWORDS = List.of("timeline", "to", "yearly", "quarterly", "monthly", "param", "let", "report",
      "assert", "kind", "fn", "import", "scenario", "solve", "for", "so", "that", "within", "if", "then", "else", "and",
      "or", "not", "as", "true", "false", "unit");
  static final Set<String> UNITS = new Units().names();

  static {
    SERIES.put("t", "time from the timeline's start to the period's start (yr); 0 in the first period");
    SERIES.put("dt", "the period's length: 1 month, 1 quarter or 1 yr");
    SERIES.put("date", "the period's start, a date");
    SERIES.put("year", "the calendar year of the period, a plain number");
    SERIES.put("period", "the period's index: 0, 1, 2 …");

    FUNCTIONS.put("ramp", "ramp(from: D, over: DUR) — clamp((period end − D) / DUR, 0, 1)");
    FUNCTIONS.put("active", "active(from: D, for: DUR) or active(until: D) — 1 in the periods in range, else 0");
    FUNCTIONS.put("once", "once(AMOUNT, at: D) — AMOUNT in the period containing D, 0 elsewhere");
    FUNCTIONS.put("grow", "grow(by: R, every: DUR) = (1 + R) ^ (t / DUR)");
    FUNCTIONS.put("decline", "decline(by: R, every: DUR) = (1 − R) ^ (t / DUR)");
    FUNCTIONS.put("halving", "halving(every: DUR) = 0.5 ^ (t / DUR)");
    FUNCTIONS.put("sum", "sum(x) over all periods, or sum(x, from: D1, to: D2)");
    FUNCTIONS.put("mean", "mean(x) over all periods");
    FUNCTIONS.put("min", "min(x) over all periods; min(a, b, …) element-wise");
    FUNCTIONS.put("max", "max(x) over all periods; max(a, b, …) element-wise");
    FUNCTIONS.put("first", "first(x): the value in the first period");
    FUNCTIONS.put("last", "last(x): the value in the last period");
    FUNCTIONS.put("cumsum", "cumsum(x): the running sum over periods");
    FUNCTIONS.put("lag", "lag(x, n): x shifted by n periods, 0 filled");
    FUNCTIONS.put("npv", "npv(amounts, rate, initial: AMOUNT) — net present value, amounts at period ends");
    FUNCTIONS.put("irr", "irr(amounts, initial: AMOUNT) — the rate where npv = 0");
    FUNCTIONS.put("payback", "payback(amounts, initial: AMOUNT) — when cumulative cash turns non-negative (yr)");
    FUNCTIONS.put("crf", "crf(rate, n) — capital recovery factor per year");
    FUNCTIONS.put("exp", "exp(x), x dimensionless");
    FUNCTIONS.put("ln", "ln(x), x dimensionless");
    FUNCTIONS.put("log10", "log10(x), x dimensionless");
    FUNCTIONS.put("sqrt", "sqrt(x)");
    FUNCTIONS.put("abs", "abs(x)");
    FUNCTIONS.put("floor", "floor(x)");
    FUNCTIONS.put("ceil", "ceil(x)");
    FUNCTIONS.put("round", "round(x)");
    FUNCTIONS.put("uniform", "uniform(LOW, HIGH) — a distribution (median in a deterministic run)");
    FUNCTIONS.put("normal", "normal(MEAN, SD) — a distribution");
    FUNCTIONS.put("lognormal", "lognormal(P5, P95) — a distribution given its 90 % interval");
    FUNCTIONS.put("triangular", "triangular(LOW, MODE, HIGH) — a distribution");
    FUNCTIONS.put("pert", "pert(LOW, MODE, HIGH) — a distribution");
  }
}

package org.tokenomics.xlsx;

import org.tokenomics.check.TExpr;
import org.tokenomics.units.Units;

/**
 * {@code active} and {@code ramp} pro-rated over partial periods (LANGUAGE.md §6, v2), as formulas
 * against the period's start and end rows: the share of [s, e) inside [from, from + for) and before
 * {@code until}; a ramp's average over [s, e), from the integral of clamp((τ − d) / over, 0, 1),
 * MAX(0, MIN(τ − d, over))² / (2·over) + MAX(0, τ − d − over). Shares within a millisecond of 0 or
 * 1 are 0 or 1, as Tok's eval.series.ProRata snaps them, so a period a contract fully covers gives
 * exactly 1.
 */
final class ProRataFormulas {
  /** A millisecond in years: eval.series.ProRata's EPS. */
  private static final String EPS = Formulas.number(1e-3 / Units.YEAR).text();

  private final Formulas f;
  private final Calc calc;

  ProRataFormulas(Formulas f, Calc calc) {
    this.f = f;
    this.calc = calc;
  }

  /** active(from:, for:, until:) in column {@code col}. */
  Formulas.E active(TExpr from, TExpr length, TExpr until, int col) {
    if (from == null && length != null) {
      return Formulas.number(0); // no start: the window ends at minus infinity
    }
    String s = calc.time(Calc.START, col);
    String e = calc.time(Calc.END, col);
    String lo = from == null ? null : f.text(from, col);
    String hi = null;
    if (length != null) {
      hi = Formulas.wrap(f.emit(from, col), Formulas.ADD) + "+" + Formulas.wrap(f.emit(length, col), Formulas.ADD + 1);
    }
    if (until != null) {
      hi = hi == null ? f.text(until, col) : "MIN(" + hi + "," + f.text(until, col) + ")";
    }
    if (lo == null && hi == null) {
      return Formulas.number(1);
    }
    return Formulas.atom(share(s, e, lo, hi));
  }

  /** The share of [s, e) inside [lo, hi) (null: unbounded), snapped to 0 and 1. */
  private static String share(String s, String e, String lo, String hi) {
    String overlap = (hi == null ? e : "MIN(" + e + "," + hi + ")") + "-" + (lo == null ? s : "MAX(" + s + "," + lo + ")");
    return "IF(" + overlap + "<=" + EPS + ",0,IF(" + overlap + ">=" + e + "-" + s + "-" + EPS + ",1,(" + overlap + ")/("
        + e + "-" + s + ")))";
  }

  /** ramp(from:, over:) in column {@code col}: a step at from when over is at most a millisecond. */
  Formulas.E ramp(TExpr from, TExpr over, int col) {
    String s = calc.time(Calc.START, col);
    String e = calc.time(Calc.END, col);
    String d = Formulas.wrap(f.emit(from, col), Formulas.ADD + 1);
    String step = share(s, e, d, null);
    Double constant = over == null ? Double.valueOf(0) : TExpr.constant(over);
    if (constant != null && constant <= 1e-3) {
      return Formulas.atom(step);
    }
    String o = Formulas.wrap(f.emit(over, col), Formulas.ATOM);
    String avg = "(" + integral(e, d, o) + "-(" + integral(s, d, o) + "))/(" + e + "-" + s + ")";
    String snapped = "IF(" + avg + "<=" + EPS + "/(" + e + "-" + s + "),0,IF(" + avg + ">=1-" + EPS + "/(" + e + "-" + s
        + "),1," + avg + "))";
    return Formulas.atom(constant != null ? snapped : "IF(" + o + "<=" + EPS + "," + step + "," + snapped + ")");
  }

  /** ∫ from d to x of clamp((τ − d) / o, 0, 1) dτ. */
  private static String integral(String x, String d, String o) {
    return "MAX(0,MIN(" + x + "-" + d + "," + o + "))^2/(2*" + o + ")+MAX(0," + x + "-" + d + "-" + o + ")";
  }
}

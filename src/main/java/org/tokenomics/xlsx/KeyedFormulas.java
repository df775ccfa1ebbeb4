package org.tokenomics.xlsx;

import java.util.ArrayList;
import java.util.List;
import org.tokenomics.check.OpParts;
import org.tokenomics.check.TExpr;
import org.tokenomics.check.Type;
import org.tokenomics.eval.series.DataSeries;

/**
 * Values given by points (LANGUAGE.md §11, §12) as formulas. The keys are constants of the model
 * and so is the timeline, so what depends only on them is decided here, once per column, and the
 * formula keeps only what the workbook can change (the values, which may be params, and a
 * lookup's x): {@code series} is a per-period sum of the values dated in it, {@code curve} the
 * interpolation between the two keys around the period's start, written against the start row.
 * {@code lookup}'s x can change, so its segment is chosen by the formula (nested {@code IF}s over
 * the keys; past 30 keys, MATCH and INDEX over hidden rows of keys and values). A {@code csv} column is data read when the model compiled: a row of numbers whose
 * comment names the file, not a calculation.
 */
final class KeyedFormulas {
  /** Keys this close (relative, at least absolute in base units) count as equal, as in eval.series.Points. */
  private static final double SAME = 1e-6;
  /** Excel allows 64 nested functions; a lookup takes two levels per key. */
  private static final int MAX_LOOKUP_KEYS = 30;

  private final Formulas f;
  private final Calc calc;

  KeyedFormulas(Formulas f, Calc calc) {
    this.f = f;
    this.calc = calc;
  }

  /** series([D1: A1, …]) in column {@code col}: the sum of the amounts dated inside that period, else 0. */
  Formulas.E series(TExpr.Op o, int col) {
    if (col < 0) {
      throw new Formulas.Inexpressible("series(…) without a timeline");
    }
    double[] keys = OpParts.keys(o).keys();
    List<Formulas.E> parts = new ArrayList<>();
    for (int i = 0; i < keys.length; i++) {
      int p = calc.timeline.indexOf(keys[i]);
      if (p < 0) {
        throw new Formulas.Inexpressible("a date of series(…) outside the timeline");
      }
      if (p == col) {
        parts.add(f.emit(o.args().get(i), col));
      }
    }
    if (parts.size() <= 1) {
      return parts.isEmpty() ? Formulas.number(0) : parts.get(0);
    }
    List<String> text = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      text.add(Formulas.wrap(parts.get(i), i == 0 ? Formulas.ADD : Formulas.ADD + 1));
    }
    return new Formulas.E(String.join("+", text), Formulas.ADD);
  }

  /** curve([D1: V1, …]): the value at the period's start, between the keys around it (flat outside). */
  Formulas.E curve(TExpr.Op o, int col) {
    if (col < 0) {
      throw new Formulas.Inexpressible("curve(…) without a timeline");
    }
    OpParts.Keys k = OpParts.keys(o);
    double[] keys = k.keys();
    double x = calc.timeline.start(col);
    int n = keys.length;
    int i = java.util.Arrays.binarySearch(keys, x);
    i = i >= 0 ? i : -i - 2;
    if (i + 1 < n && on(keys[i + 1], x)) {
      i++;
    }
    List<TExpr> v = o.args();
    if (i < 0) {
      return f.emit(v.get(0), col);
    }
    if (i >= n - 1 || k.interpolate().equals("step") || on(keys[i], x)) {
      return f.emit(v.get(i), col);
    }
    Type date = Type.date(false);
    String w = "(" + calc.time(Calc.START, col) + "-" + key(keys[i], date) + ")/(" + key(keys[i + 1], date) + "-"
        + key(keys[i], date) + ")";
    return between(f.emit(v.get(i), col), f.emit(v.get(i + 1), col), w, k.interpolate());
  }

  /**
   * lookup(x, [K1: V1, …]): the first value up to K1, then per key a straight (or log) segment up
   * to just before the next key, that key's own value on it (to Tok's tolerance), the last value beyond.
   */
  Formulas.E lookup(TExpr.Op o, int col) {
    OpParts.Keys k = OpParts.keys(o);
    double[] keys = k.keys();
    int n = keys.length;
    TExpr x = o.args().get(0);
    Type kt = x.type();
    // a series x computed by an expression gets a row of its own, so the IFs read one cell
    String at = x instanceof TExpr.Op && x.type().series() && col >= 0 ? Calc.ref(f.seriesRow(x), col) : f.text(x, col);
    List<TExpr> v = o.args().subList(1, o.args().size());
    if (n > MAX_LOOKUP_KEYS) {
      return table(o, k, at, v);
    }
    String formula = f.text(v.get(n - 1), col);
    for (int i = n - 2; i >= 0; i--) {
      String onNext = "IF(" + at + "<=" + key(keys[i + 1], kt, +1) + "," + f.text(v.get(i + 1), col) + "," + formula + ")";
      String seg = k.interpolate().equals("step") ? f.text(v.get(i), col)
          : between(f.emit(v.get(i), col), f.emit(v.get(i + 1), col),
              "(" + at + "-" + key(keys[i], kt) + ")/(" + key(keys[i + 1], kt) + "-" + key(keys[i], kt) + ")",
              k.interpolate()).text();
      formula = "IF(" + at + "<" + key(keys[i + 1], kt, -1) + "," + seg + "," + onNext + ")";
    }
    return Formulas.atom("IF(" + at + "<=" + key(keys[0], kt, +1) + "," + f.text(v.get(0), col) + "," + formula + ")");
  }

  /**
   * A lookup over more keys than nested IFs allow: its keys, the keys less and plus Tok's tolerance,
   * and its values are list rows (hidden); {@code MATCH} over the lowered keys finds the segment
   * and {@code INDEX} reads its ends, with the same tests as the nested IFs: the first value up to
   * the first key, the last beyond the last, a key's own value on it, the segment between.
   */
  private Formulas.E table(TExpr.Op o, OpParts.Keys k, String at, List<TExpr> v) {
    double[] keys = k.keys();
    int n = keys.length;
    Type kt = o.args().get(0).type();
    for (TExpr value : v) {
      if (value.type().series()) {
        throw new Formulas.Inexpressible("a lookup over more than " + MAX_LOOKUP_KEYS + " keys whose values change by "
            + "period (Excel nests at most 64 IFs, and a table of its values would need a row per period)");
      }
    }
    String what = f.source().apply(o.span());
    Row exact = calc.list(new Key(o, "keys"), "↳ keys of " + what, SheetUnits.text(kt), kt, true,
        () -> keyCells(keys, kt, 0));
    Row low = calc.list(new Key(o, "low"), "↳ keys − Tok's tolerance, of " + what, SheetUnits.text(kt), kt, true,
        () -> keyCells(keys, kt, -1));
    Row high = calc.list(new Key(o, "high"), "↳ keys + Tok's tolerance, of " + what, SheetUnits.text(kt), kt, true,
        () -> keyCells(keys, kt, +1));
    Row values = calc.list(new Key(o, "values"), "↳ values of " + what, SheetUnits.text(o.type()), o.type(), false, () -> {
      String[] cells = new String[n];
      for (int i = 0; i < n; i++) {
        cells[i] = f.text(v.get(i), -1);
      }
      return cells;
    });
    String j = "MATCH(" + at + "," + calc.listRange(low) + ",1)";
    String vj = "INDEX(" + calc.listRange(values) + "," + j + ")";
    String vNext = "INDEX(" + calc.listRange(values) + "," + j + "+1)";
    String kj = "INDEX(" + calc.listRange(exact) + "," + j + ")";
    String kNext = "INDEX(" + calc.listRange(exact) + "," + j + "+1)";
    String seg = k.interpolate().equals("step") ? vj
        : between(Formulas.atom(vj), Formulas.atom(vNext), "(" + at + "-" + kj + ")/(" + kNext + "-" + kj + ")",
            k.interpolate()).text();
    String onKey = "IF(" + at + "<=INDEX(" + calc.listRange(high) + "," + j + ")," + vj + "," + seg + ")";
    return Formulas.atom("IF(" + at + "<=" + calc.listCell(high, 0) + "," + calc.listCell(values, 0) + ",IF(" + at + ">"
        + calc.listCell(high, n - 1) + "," + calc.listCell(values, n - 1) + "," + onKey + "))");
  }

  /** The keys in sheet units, moved by Tok's tolerance to {@code side} (0: as they are). */
  private static String[] keyCells(double[] keys, Type type, int side) {
    String[] cells = new String[keys.length];
    for (int i = 0; i < keys.length; i++) {
      double moved = keys[i] + side * SAME * Math.max(1, Math.abs(keys[i]));
      cells[i] = Formulas.number(SheetUnits.toSheet(moved, type)).text();
    }
    return cells;
  }

  /** A list row's key: one operation, one role. */
  private record Key(Object op, String role) {}

  /** A csv column: a data row of the values Tok aggregated into each period, with a comment naming the file. */
  Formulas.E csv(TExpr.Op o, int col) {
    if (col < 0) {
      throw new Formulas.Inexpressible("csv(…) without a timeline");
    }
    OpParts.Rows rows = OpParts.rows(o);
    DataSeries data = new DataSeries(rows.dates(), rows.values(),
        DataSeries.Aggregate.valueOf(rows.aggregate().toUpperCase(java.util.Locale.ROOT)), o.span(), rows.file(), true);
    double[] values = new double[calc.periods];
    for (int p = 0; p < values.length; p++) {
      values[p] = data.valueIn(calc.timeline, p);
    }
    Row r = calc.helper(o, "↳ data: " + f.source().apply(o.span()), "", true, o.type(),
        p -> Formulas.number(values[p]).text());
    if (r.note == null) {
      r.data = true;
      r.values = values;
      r.note = "Data, not a calculation: column of " + OpParts.dataFile(o) + " read when Tok compiled the model, "
          + OpParts.aggregate(o) + " of the rows dated in each period (a period without rows "
          + (OpParts.aggregate(o).equals("sum") ? "is 0" : "keeps the latest earlier row") + ").";
    }
    return Formulas.atom(Calc.ref(r, col));
  }

  /** a + (b − a)·w, or exp(ln a + (ln b − ln a)·w) under log. */
  private static Formulas.E between(Formulas.E a, Formulas.E b, String w, String how) {
    if (how.equals("log")) {
      String la = "LN(" + a.text() + ")";
      return Formulas.atom("EXP(" + la + "+(LN(" + b.text() + ")-" + la + ")*" + w + ")");
    }
    return new Formulas.E(Formulas.wrap(a, Formulas.ADD) + "+(" + b.text() + "-" + Formulas.wrap(a, Formulas.ADD + 1)
        + ")*" + w, Formulas.ADD);
  }

  private static boolean on(double key, double x) {
    return Math.abs(key - x) <= SAME * Math.max(1, Math.abs(x));
  }

  /** A key in sheet units. */
  private static String key(double base, Type type) {
    return Formulas.wrap(Formulas.number(SheetUnits.toSheet(base, type)), Formulas.ATOM);
  }

  /** A key moved by Tok's tolerance ({@code side} −1 below, +1 above), in sheet units. */
  private static String key(double base, Type type, int side) {
    double moved = base + side * SAME * Math.max(1, Math.abs(base));
    return Formulas.wrap(Formulas.number(SheetUnits.toSheet(moved, type)), Formulas.ATOM);
  }
}

package org.tokenomics.xlsx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.tokenomics.check.Type;
import org.tokenomics.time.TimeVar;
import org.tokenomics.time.Timeline;

/**
 * The layout of the calculations sheet and how a formula refers to a value: the timeline's rows
 * at the top (period, start date, end date, dt, t, t at the period's end, year), then a row per
 * value, then helper rows (a series a reduction reads, discounted amounts …). Column C holds a
 * single value, columns D onwards one period each. Inputs live on the Inputs sheet and are
 * referred to by name.
 */
final class Calc {
  static final String SHEET = "Calculations";
  static final int HEADER = 2;
  static final int PERIOD = 3;
  static final int START = 4;
  static final int END = 5;
  static final int DT = 6;
  static final int T = 7;
  static final int T_END = 8;
  static final int YEAR = 9;
  static final int FIRST_ROW = 11;
  static final int VALUE_COL = 2;
  static final int PERIOD_COL = 3;

  final Timeline timeline;
  final int periods;
  final List<Row> rows = new ArrayList<>();
  private final Map<Integer, Row> bySlot = new HashMap<>();
  /** Single-value inputs: slot → the formula text that reads them (an Excel name or an address). */
  private final Map<Integer, String> inputs = new HashMap<>();
  /** Helper rows by what they compute (typed trees are records: equal trees share a row). */
  private final Map<Object, Row> helpers = new HashMap<>();

  /** True while writing a formula for the Inputs sheet: references to this sheet name it. */
  boolean crossSheet;

  Calc(Timeline timeline) {
    this.timeline = timeline;
    this.periods = timeline.size();
  }

  /** A new row at the bottom. */
  Row add(String label, String unit, boolean series, Type type) {
    Row r = new Row(label, unit, FIRST_ROW + rows.size(), series, type, periods);
    rows.add(r);
    return r;
  }

  /** A label row that starts a block of rows (a family member). */
  Row heading(String label) {
    Row r = add(label, "", false, null);
    r.heading = true;
    return r;
  }

  /**
   * A row that holds a list from column C rightwards, made once per key: {@code cells} are its
   * formulas (or numbers, with {@code data}). Its range is {@link #listRange}.
   */
  Row list(Object key, String label, String unit, Type type, boolean data, java.util.function.Supplier<String[]> cells) {
    Row r = helpers.get(key);
    if (r != null) {
      return r;
    }
    r = add(label, unit, false, type);
    helpers.put(key, r);
    boolean cross = crossSheet;
    crossSheet = false; // the list's own formulas live on this sheet
    try {
      r.list = cells.get();
    } finally {
      crossSheet = cross;
    }
    r.data = data;
    return r;
  }

  /** A list row's range ({@code $C$40:$AP$40}), with the sheet's name from the Inputs sheet. */
  String listRange(Row r) {
    return (crossSheet ? SHEET + "!" : "") + "$" + Row.column(VALUE_COL) + "$" + (r.index + 1) + ":$" + Row.column(VALUE_COL + r.list.length - 1) + "$"
        + (r.index + 1);
  }

  /** A list row's cell {@code i}, absolute. */
  String listCell(Row r, int i) {
    return (crossSheet ? SHEET + "!" : "") + "$" + Row.column(VALUE_COL + i) + "$" + (r.index + 1);
  }

  void place(int slot, Row row) {
    bySlot.put(slot, row);
  }

  void input(int slot, String ref) {
    inputs.put(slot, ref);
  }

  Row row(int slot) {
    return bySlot.get(slot);
  }

  boolean placed(int slot) {
    return bySlot.containsKey(slot) || inputs.containsKey(slot);
  }

  /**
   * A helper row made once per key (a typed tree or an operation): {@code fill} gives the
   * formula of each column ({@code -1}: the single-value column), after the row exists.
   */
  Row helper(Object key, String label, String unit, boolean series, Type type, IntFunction<String> fill) {
    Row r = helpers.get(key);
    if (r != null) {
      return r;
    }
    r = add(label, unit, series, type);
    helpers.put(key, r);
    boolean cross = crossSheet;
    crossSheet = false; // the helper's own formulas live on this sheet
    if (series) {
      for (int p = 0; p < periods; p++) {
        r.formulas[1 + p] = fill.apply(p);
      }
    } else {
      r.formulas[0] = fill.apply(-1);
    }
    crossSheet = cross;
    return r;
  }

  /** How a formula in column {@code col} ({@code -1}: the value column) reads the value in {@code slot}. */
  String ref(int slot, boolean series, int col) {
    String in = inputs.get(slot);
    if (in != null) {
      return in;
    }
    Row r = bySlot.get(slot);
    if (r == null) {
      throw new Formulas.Inexpressible("it reads a value the workbook does not hold");
    }
    String ref = ref(r, col);
    return crossSheet && r.name == null ? SHEET + "!" + ref : ref;
  }

  /** A row's cell in column {@code col}, from a formula on this sheet. */
  static String ref(Row r, int col) {
    if (!r.series) {
      return r.name != null ? r.name : "$" + Row.column(VALUE_COL) + "$" + (r.index + 1);
    }
    if (col < 0) {
      throw new Formulas.Inexpressible("a series is read where one value is needed");
    }
    return Row.column(PERIOD_COL + col) + (r.index + 1);
  }

  /** A series row's whole range ({@code $D$12:$M$12}). */
  String range(Row r) {
    return range(r.index);
  }

  String range(int row) {
    return "$" + Row.column(PERIOD_COL) + "$" + (row + 1) + ":$" + Row.column(PERIOD_COL + periods - 1) + "$" + (row + 1);
  }

  /** A timeline row's cell in column {@code col} (the first period's, absolute, for the value column). */
  String time(int row, int col) {
    if (col < 0) {
      return (crossSheet ? SHEET + "!" : "") + "$" + Row.column(PERIOD_COL) + "$" + (row + 1);
    }
    return Row.column(PERIOD_COL + col) + "$" + (row + 1);
  }

  /** A timeline row's first cell, absolute. */
  String first(int row) {
    return time(row, -1);
  }

  String time(TimeVar v, int col) {
    return time(switch (v) {
      case T -> T;
      case DT -> DT;
      case DATE -> START;
      case YEAR -> YEAR;
      case PERIOD -> PERIOD;
    }, col);
  }

  /** Periods per year (12 monthly, 4 quarterly, 1 yearly or static). */
  int perYear() {
    return switch (timeline.step()) {
      case MONTHLY -> 12;
      case QUARTERLY -> 4;
      case YEARLY -> 1;
    };
  }
}

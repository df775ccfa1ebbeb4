package org.tokenomics.xlsx;

import org.tokenomics.check.Type;

/**
 * One row of the calculations sheet: a value of the model (or a helper a formula needs), its
 * sheet unit, and per column a formula, or Tok's values with a note saying why Excel cannot say it.
 */
final class Row {
  final String label;
  final String unit;
  final int index;
  final boolean series;
  final Type type;
  /** Formulas without '=': [0] is the single-value column, [1 + p] period p; null: empty. */
  final String[] formulas;
  /** Tok's values in sheet units ([0] for a single value, [p] per period), or null (a helper). */
  double[] values;
  /** Excel's name of a single-value row, or null. */
  String name;
  /** When set, the row holds values, not formulas, and this says why (a cell comment). */
  String valuesBecause;
  /** True when the formulas are numbers read from a data file: written as values, not formulas. */
  boolean data;
  /** A note for the row's first value cell (e.g. how to redo a goal seek). */
  String note;
  /** A label row that starts a block (a family member's rows): the label alone, in bold. */
  boolean heading;
  /**
   * A list a formula reads as a range rather than per period (a long lookup's keys, irr's flows at
   * half-period steps): cells from column C rightwards, not under the period headers; null otherwise.
   * Such a row is hidden (its label says what it holds) unless {@link #shown} is set.
   */
  String[] list;
  /** With {@link #list}: keep the row visible. */
  boolean shown;

  Row(String label, String unit, int index, boolean series, Type type, int periods) {
    this.label = label;
    this.unit = unit;
    this.index = index;
    this.series = series;
    this.type = type;
    this.formulas = new String[periods + 1];
  }

  /** The A1 column letters of column {@code c} (0-based). */
  static String column(int c) {
    StringBuilder b = new StringBuilder();
    for (int n = c + 1; n > 0; n = (n - 1) / 26) {
      b.insert(0, (char) ('A' + (n - 1) % 26));
    }
    return b.toString();
  }
}

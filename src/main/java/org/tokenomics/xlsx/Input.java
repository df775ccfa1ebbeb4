package org.tokenomics.xlsx;

/**
 * A single-value param on the Inputs sheet: its Excel name, its sheet unit, per scenario column a
 * formula (a param computed from others) or a value (sheet units), the source as written and a note.
 */
final class Input {
  final String label;
  final int row;
  final String unit;
  final String[] formulas;
  final double[] values;
  final String written;
  final String where;
  String name;
  String note;

  Input(String label, int row, String unit, int scenarios, String written, String where) {
    this.label = label;
    this.row = row;
    this.unit = unit;
    this.formulas = new String[scenarios];
    this.values = new double[scenarios];
    java.util.Arrays.fill(values, Double.NaN);
    this.written = written;
    this.where = where;
  }
}

package org.tokenomics.run;

import org.tokenomics.check.CellSym;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.units.Unit;

/**
 * The unit a report is shown in, the same for {@code tok run}, the API's values and {@code tok
 * explain}: the {@code as} unit when the source gives one, else a readable unit of its dimension
 * scaled to its values by {@code check.DisplayUnits#forValues} ({@code 2 GW}, not
 * {@code 2,000,000,000 W}; money and plain numbers scale themselves when shown).
 */
public final class ReportUnits {
  private ReportUnits() {}

  /**
   * Whether the report names its unit ({@code report x = … as $B}). The statement is
   * {@code report [NAME =] EXPR [as UNIT]}: the {@code as} clause is the only thing that can follow
   * the expression, so the statement's span ends after the expression's exactly when it is there.
   */
  public static boolean written(CompiledModel cm, CompiledModel.ReportSpec r) {
    CellSym cell = r.slot() < cm.cells().size() ? cm.cells().get(r.slot()) : null;
    if (cell == null || cell.expr() == null || cell.expr().span() == null || r.span() == null) {
      return true; // nothing to tell by: keep the checker's choice
    }
    return r.span().end() > cell.expr().span().end();
  }

  /** The unit to show {@code base} (the report's values in base units) in; null for dates and bools. */
  public static Unit of(CompiledModel cm, CompiledModel.ReportSpec r, double[] base) {
    if (r.unit() == null || !r.type().isNumber() || written(cm, r)) {
      return r.unit();
    }
    return cm.units().forValues(r.type().dim(), base);
  }
}

package org.tokenomics.run;

import java.util.Locale;
import org.tokenomics.diag.Diagnostic;
import org.tokenomics.diag.Severity;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.diag.Code;
import org.tokenomics.syntax.Diagnostics;
import org.tokenomics.diag.SafetyMessages;
import org.tokenomics.units.Unit;

/**
 * The last guard before a number is shown: a finite value can overflow when converted to its
 * display unit ({@code 1e306 as bp} is 1e310 bp). Such a report is TOK500 at the report, never a
 * printed {@code Infinity}.
 */
public final class Display {
  private Display() {}

  /** Null when every value of {@code base} is finite in the report's display unit; else the TOK500. */
  public static Diagnostic overflow(CompiledModel model, CompiledModel.ReportSpec spec, double[] base) {
    return overflow(model, spec, base, false);
  }

  /**
   * {@link #overflow(CompiledModel, CompiledModel.ReportSpec, double[])} knowing whether the values
   * were checked finite: then a unit at least as large as the base unit cannot overflow, and
   * nothing is looked at.
   *
   * @param model  the model
   * @param spec   the report
   * @param base   its values in base units
   * @param finite whether every value is known to be finite
   * @return null, or the TOK500
   */
  public static Diagnostic overflow(CompiledModel model, CompiledModel.ReportSpec spec, double[] base, boolean finite) {
    return overflow(model, spec, base, finite, Double.NaN);
  }

  /**
   * {@link #overflow(CompiledModel, CompiledModel.ReportSpec, double[], boolean)} knowing a bound on
   * the values' magnitudes (the frame's, {@code eval.Frame#bound}): when it is within what the unit
   * can show, nothing is looked at.
   *
   * @param model  the model
   * @param spec   the report
   * @param base   its values in base units
   * @param finite whether every value is known to be finite
   * @param bound  the largest magnitude of any value, or NaN when not known
   * @return null, or the TOK500
   */
  public static Diagnostic overflow(CompiledModel model, CompiledModel.ReportSpec spec, double[] base, boolean finite,
      double bound) {
    Unit unit = spec.unit();
    if (finite && (unit == null || Math.abs(unit.toBase(1)) >= 1)) {
      return null; // |v / factor| <= |v|, and v is finite
    }
    // every value at most half of what the unit can show is shown as a finite number
    double limit = unit == null ? Double.MAX_VALUE
        : Math.min(Double.MAX_VALUE, Math.abs(unit.toBase(Double.MAX_VALUE)) * 0.5);
    if (bound <= limit) {
      return null; // false for NaN
    }
    // First a pass with no chain from value to value (it is on every evaluation's path).
    boolean small = true;
    for (double v : base) {
      small &= Math.abs(v) <= limit; // false for NaN and ±∞: the passes below decide
    }
    if (small) {
      return null;
    }
    // Showing scales every value by the same factor, so if the largest magnitude shows as a finite
    // number every value does: one pass without a division per value (NaN is skipped, as below).
    double largest = 0;
    for (double v : base) {
      double a = Math.abs(v);
      largest = a > largest ? a : largest;
    }
    if (Double.isFinite(unit == null ? largest : unit.fromBase(largest))) {
      return null;
    }
    for (double v : base) {
      double shown = unit == null ? v : unit.fromBase(v);
      if (!Double.isNaN(v) && !Double.isFinite(shown)) {
        String value = String.format(Locale.ROOT, "%.3g", v);
        return Diagnostics.make(model.sources(), Severity.ERROR, Code.TOK500, spec.span(),
            SafetyMessages.displayOverflow(spec.name(), value, spec.unitText()), SafetyMessages.displayOverflowHelp(), null);
      }
    }
    return null;
  }
}

package org.tokenomics;

import java.util.ArrayList;
import java.util.List;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.mc.Tornado;
import org.tokenomics.units.Unit;

/**
 * A tornado ({@code tok sensitivity}): each uncertain param at its p5 and its p95 with the others at
 * their median, and how far that moves one output, widest swing first. Values are in display units
 * (the output's {@code as} unit or a readable one; a param's in the unit its distribution is written
 * in). From {@link Model#sensitivity}. Immutable.
 *
 * @param output      the value studied (a report or any named value)
 * @param unit        the unit {@code base} and the outputs are in ({@code ""} when dimensionless)
 * @param base        the output with every uncertain param at its median
 * @param bars        one per uncertain param, largest swing first, failed ones last
 * @param diagnostics why there is no tornado (unknown output, not a single number, the base run
 *                    failed): then {@code bars} is empty and {@link #ok()} false
 */
public record Sensitivity(String output, String unit, double base, List<Bar> bars, List<Diagnostic> diagnostics) {
  /**
   * Copies the lists.
   *
   * @param output      the value studied (a report or any named value)
   * @param unit        the unit {@code base} and the outputs are in ({@code ""} when dimensionless)
   * @param base        the output with every uncertain param at its median
   * @param bars        one per uncertain param, largest swing first, failed ones last
   * @param diagnostics why there is no tornado; empty when there is one
   */
  public Sensitivity {
    bars = List.copyOf(bars);
    diagnostics = List.copyOf(diagnostics);
  }

  /**
   * True when the tornado was computed (some bars may still carry an error).
   *
   * @return true when no diagnostic is an error
   */
  public boolean ok() {
    return diagnostics.stream().noneMatch(Diagnostic::isError);
  }

  /**
   * One param's bar.
   *
   * @param param        {@code growth} or {@code site.pue}
   * @param distribution its distribution as written ({@code uniform(1 %, 5 %)}), or null
   * @param unit         the unit of {@code low} and {@code high}
   * @param low          the param at its p5
   * @param high         the param at its p95
   * @param outputAtLow  the output with the param at p5 (NaN when that run failed)
   * @param outputAtHigh the output with the param at p95 (NaN when that run failed)
   * @param error        the evaluation error of a failed run, or null
   */
  public record Bar(String param, String distribution, String unit, double low, double high, double outputAtLow,
                    double outputAtHigh, Diagnostic error) {
    /**
     * |output at p95 − output at p5|; NaN when a run failed.
     *
     * @return how far the output moves between the param's p5 and p95, or NaN when a run failed
     */
    public double swing() {
      return error != null ? Double.NaN : Math.abs(outputAtHigh - outputAtLow);
    }
  }

  static Sensitivity of(CompiledModel cm, List<CompiledModel.Override> overrides, String name) {
    List<org.tokenomics.diag.Diagnostic> errors = new ArrayList<>();
    Tornado.Result r = Tornado.run(cm, overrides, name, errors);
    if (r == null) {
      return new Sensitivity(name, "", Double.NaN, List.of(), Diagnostic.of(errors));
    }
    Unit u = r.output().unit();
    List<Bar> bars = new ArrayList<>();
    for (Tornado.Bar b : r.bars()) {
      bars.add(new Bar(b.param(), b.distribution(), b.unit().name(), b.unit().fromBase(b.inLow()),
          b.unit().fromBase(b.inHigh()), b.error() == null ? u.fromBase(b.outLow()) : Double.NaN,
          b.error() == null ? u.fromBase(b.outHigh()) : Double.NaN, b.error() == null ? null : Diagnostic.of(b.error())));
    }
    return new Sensitivity(r.output().name(), u.name(), u.fromBase(r.base()), bars, List.of());
  }
}

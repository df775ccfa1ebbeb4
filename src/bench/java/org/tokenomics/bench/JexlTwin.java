package org.tokenomics.bench;

import java.util.Map;
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlContext;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlScript;
import org.apache.commons.jexl3.MapContext;
import org.apache.commons.jexl3.introspection.JexlPermissions;
import org.tokenomics.units.Units;

/**
 * A suite model's formulas in Apache Commons JEXL, as {@link JexlModel} does the 60-month one: one
 * script (the model's lets in order) parsed once and run once per period in a context holding the
 * params, the period ({@code p}) and its time from the start ({@code t}, seconds); variables carry
 * over from one period to the next (the balances of a recurrence). The reports are copied out of
 * the context after each period (series) or after the last (scalars).
 */
final class JexlTwin {
  private static final JexlEngine JEXL = new JexlBuilder().namespaces(Map.of("math", Math.class))
      .permissions(JexlPermissions.UNRESTRICTED).strict(true).silent(false).cache(64).create();

  private final JexlScript script;
  private final Map<String, Double> params;
  private final int periods;
  private final String[] series;
  private final String[] scalars;

  /**
   * @param script  the formulas of one period
   * @param params  the params and starting values in base units ({@code month} and {@code year} are added)
   * @param periods how many periods
   * @param series  the series reports, in order
   * @param scalars the scalar reports, read after the last period
   */
  JexlTwin(String script, Map<String, Double> params, int periods, String[] series, String... scalars) {
    this.script = JEXL.createScript(script);
    this.params = Map.copyOf(params);
    this.periods = periods;
    this.series = series.clone();
    this.scalars = scalars.clone();
  }

  /** Runs the script for every period: the series reports, then the scalars as arrays of one. */
  double[][] evaluate() {
    JexlContext c = new MapContext();
    params.forEach(c::set);
    c.set("month", Units.MONTH);
    c.set("year", Units.YEAR);
    double[][] out = new double[series.length + scalars.length][];
    for (int r = 0; r < series.length; r++) {
      out[r] = new double[periods];
    }
    for (int p = 0; p < periods; p++) {
      c.set("p", p);
      c.set("t", p * Units.MONTH);
      script.execute(c);
      for (int r = 0; r < series.length; r++) {
        out[r][p] = ((Number) c.get(series[r])).doubleValue();
      }
    }
    for (int r = 0; r < scalars.length; r++) {
      out[series.length + r] = new double[] {((Number) c.get(scalars[r])).doubleValue()};
    }
    return out;
  }
}

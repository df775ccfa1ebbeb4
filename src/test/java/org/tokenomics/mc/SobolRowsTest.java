package org.tokenomics.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.eval.EvalError;
import org.tokenomics.eval.Frame;

/**
 * {@link SobolRows} reuses A's values for the evaluations that change one draw: each of a row's
 * k + 2 values must equal, bit for bit, a fresh evaluation with those draws, for models with
 * series, recurrences (prev), price paths, a discrete event and errors in some rows.
 */
class SobolRowsTest {
  static final String MODEL = """
      timeline 2026-01 to 2027-12 monthly
      param growth = uniform(1 %, 5 %)
      param price  = lognormal($1/Mtok, $4/Mtok)
      param delay  = discrete([0 month: 50 %, 3 month: 30 %, 6 month: 20 %])
      param index  = gbm(start: $2/h, drift: -10 %, volatility: 30 %)
      param unused = normal(0, 1)
      param floor  = uniform(-1, 1)
      let demand   = 1 Mtok/month * grow(by: growth, every: 1 month) * active(from: 2026-01 + delay)
      let cash     = prev(cash, initial: $0) + demand * price * dt - index * 10 h
      let ratio    = 1 / floor
      report value = last(cash) + ratio * $1 as $
      """;

  @Test
  void everyValueOfARowEqualsAFreshEvaluation() {
    CompiledModel cm = MonteCarloTest.model(MODEL);
    Sampler sampler = Sampler.of(cm, List.of());
    int slot = cm.reports().get(0).slot();
    List<UncertainParam> params = sampler.params();
    int k = params.size();
    SobolRows rows = new SobolRows(sampler.program(), slot, params);
    Frame f = sampler.newFrame();
    Frame check = sampler.newFrame();
    int n = 300;
    double[][] values = new double[k + 2][n];
    double[][] saved = new double[sampler.program().size()][];
    List<Integer> failures = new ArrayList<>();
    int fails = 0;
    for (int j = 0; j < n; j++) {
      double[] a = new double[k];
      double[] b = new double[k];
      for (UncertainParam p : params) {
        a[p.index()] = Draws.uniform(11, j, p.stream());
        b[p.index()] = Draws.uniform(12, j, p.stream());
      }
      // a row in twenty divides by zero somewhere: floor exactly 0 in A or B
      if (j % 20 == 7) {
        a[index(params, "floor")] = 0.5;
      }
      if (j % 20 == 13) {
        b[index(params, "floor")] = 0.5;
      }
      failures.clear();
      rows.evaluate(f, a, b, values, j, saved, (m, e) -> failures.add(m));
      for (int m = 0; m < k + 2; m++) {
        double[] draws = m == 1 ? b.clone() : a.clone();
        if (m >= 2) {
          draws[m - 2] = b[m - 2];
        }
        check.draws = draws;
        check.reset();
        double expected;
        try {
          expected = check.values(slot)[0];
        } catch (EvalError e) {
          expected = Double.NaN;
          fails++;
          assertTrue(failures.contains(m), "row " + j + ", evaluation " + m + " failed afresh but not in the row");
        }
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(values[m][j]),
            "row " + j + ", evaluation " + m + ": " + expected + " vs " + values[m][j]);
      }
    }
    assertTrue(fails > 20, "the error rows were exercised: " + fails);
  }

  private static int index(List<UncertainParam> params, String name) {
    return params.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().index();
  }
}

package org.tokenomics.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokenomics.diag.Diagnostic;
import org.tokenomics.check.CompiledModel;

/** Sobol indices (EMBEDDING.md §7) against analytic values, and their determinism. */
class SobolTest {
  static Sobol.Result run(String source, String output, int n, long seed, int threads) {
    List<Diagnostic> errors = new ArrayList<>();
    Sobol.Result r = Sobol.run(MonteCarloTest.model(source), List.of(), output, n, seed, threads, errors);
    assertNotNull(r, errors.toString());
    return r;
  }

  static Sobol.Index index(Sobol.Result r, String name) {
    return r.indices().stream().filter(i -> i.param().equals(name)).findFirst().orElseThrow();
  }

  /**
   * The analytic value lies in the 95 % bootstrap interval (with a little slack for the interval's
   * own sampling error: 0.01), and the point estimate is within 0.05 of it at N = 16,384.
   */
  static void near(double analytic, double estimate, double low, double high, String what) {
    assertTrue(low - 0.01 <= analytic && analytic <= high + 0.01, what + ": " + analytic + " outside [" + low + ", " + high + "]");
    assertEquals(analytic, estimate, 0.05, what);
  }

  /** y = x1 + 2·x2 + 3·x3 with uniform inputs: S_i = ST_i = a_i² / Σ a². */
  @Test
  void linearModelHasItsAnalyticIndices() {
    String source = """
        param x1 = uniform(0, 1)
        param x2 = uniform(0, 1)
        param x3 = uniform(0, 1)
        report y = x1 + 2 * x2 + 3 * x3
        """;
    Sobol.Result r = run(source, "y", 16_384, 3, 2);
    double[] a = {1, 2, 3};
    for (int i = 0; i < 3; i++) {
      Sobol.Index x = index(r, "x" + (i + 1));
      double s = a[i] * a[i] / 14;
      near(s, x.first(), x.firstLow(), x.firstHigh(), "S" + (i + 1));
      near(s, x.total(), x.totalLow(), x.totalHigh(), "ST" + (i + 1));
    }
    assertEquals("x3", r.indices().get(0).param(), "sorted by total, largest first");
  }

  /** The Sobol g-function Π (|4x − 2| + a) / (1 + a), a = 0, 1, 4.5, 9: interactions, so ST > S. */
  @Test
  void gFunctionHasItsAnalyticIndices() {
    String source = """
        param x1 = uniform(0, 1)
        param x2 = uniform(0, 1)
        param x3 = uniform(0, 1)
        param x4 = uniform(0, 1)
        report g = (abs(4 * x1 - 2) + 0) / 1 * (abs(4 * x2 - 2) + 1) / 2 * (abs(4 * x3 - 2) + 4.5) / 5.5
                   * (abs(4 * x4 - 2) + 9) / 10
        """;
    double[] a = {0, 1, 4.5, 9};
    double[] vi = new double[4];
    double prod = 1;
    for (int i = 0; i < 4; i++) {
      vi[i] = 1 / (3 * (1 + a[i]) * (1 + a[i]));
      prod *= 1 + vi[i];
    }
    double v = prod - 1;
    Sobol.Result r = run(source, "g", 16_384, 5, 2);
    for (int i = 0; i < 4; i++) {
      Sobol.Index x = index(r, "x" + (i + 1));
      near(vi[i] / v, x.first(), x.firstLow(), x.firstHigh(), "S" + (i + 1));
      near(vi[i] * prod / (1 + vi[i]) / v, x.total(), x.totalLow(), x.totalHigh(), "ST" + (i + 1));
    }
  }

  @Test
  void sameIndicesOnOneAndSixteenThreads() {
    String source = """
        param x1 = normal(0, 1)
        param x2 = lognormal(1, 4)
        report y = x1 * x2 + x2
        """;
    Sobol.Result one = run(source, "y", 2_000, 9, 1);
    Sobol.Result many = run(source, "y", 2_000, 9, 16);
    assertEquals(one, many);
  }

  /** Several waves of rows (streaming sums, Poisson bootstrap): the same indices on 1 and 3 threads, still analytic. */
  @Test
  void streamingOverSeveralWavesIsDeterministicAndAnalytic() {
    String source = """
        param x1 = uniform(0, 1)
        param x2 = uniform(0, 1)
        report y = 1000 + x1 + 3 * x2
        """;
    int n = 3 * Sobol.WAVE + 17; // an offset of 1000 would cancel badly without the shift
    Sobol.Result one = run(source, "y", n, 4, 1);
    assertEquals(one, run(source, "y", n, 4, 3));
    Sobol.Index x2 = index(one, "x2");
    near(0.9, x2.first(), x2.firstLow(), x2.firstHigh(), "S2");
    near(0.9, x2.total(), x2.totalLow(), x2.totalHigh(), "ST2");
    Sobol.Index x1 = index(one, "x1");
    near(0.1, x1.total(), x1.totalLow(), x1.totalHigh(), "ST1");
  }

  /** The bootstrap weights are Poisson(1): mean 1, variance 1, P(0) = 1/e. */
  @Test
  void poissonWeightsHaveMeanAndVarianceOne() {
    int n = 200_000;
    double sum = 0;
    double squares = 0;
    int zeros = 0;
    for (int j = 0; j < n; j++) {
      int w = SobolSums.poisson(Draws.uniform(7, j, 3));
      sum += w;
      squares += w * w;
      zeros += w == 0 ? 1 : 0;
    }
    double mean = sum / n;
    assertEquals(1, mean, 0.01); // the standard error is 1/√n = 0.0022
    assertEquals(1, squares / n - mean * mean, 0.02);
    assertEquals(Math.exp(-1), zeros / (double) n, 0.005);
  }

  @Test
  void anOutputThatDoesNotVaryIsAClearError() {
    CompiledModel cm = MonteCarloTest.model("param x = uniform(0, 1)\nreport y = 5\n");
    List<Diagnostic> errors = new ArrayList<>();
    assertNull(Sobol.run(cm, List.of(), "y", 100, 1, 1, errors));
    assertTrue(errors.get(0).message().contains("does not vary"), errors.toString());
  }
}

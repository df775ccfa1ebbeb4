package org.tokenomics.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokenomics.diag.Diagnostic;

/** Morris elementary effects (EMBEDDING.md §7): exact on a linear model, interactions show in σ. */
class MorrisTest {
  static Morris.Result run(String source, String output, int r, int threads) {
    List<Diagnostic> errors = new ArrayList<>();
    Morris.Result m = Morris.run(MonteCarloTest.model(source), List.of(), output, r, 7, threads, errors);
    assertNotNull(m, errors.toString());
    return m;
  }

  static Morris.Effect effect(Morris.Result r, String name) {
    return r.effects().stream().filter(e -> e.param().equals(name)).findFirst().orElseThrow();
  }

  /** y = x1 + 2·x2 + 3·x3, uniform on [0, 1]: a step of half the distribution moves y by a_i / 2, always. */
  @Test
  void linearModelHasConstantEffects() {
    Morris.Result r = run("""
        param x1 = uniform(0, 1)
        param x2 = uniform(0, 1)
        param x3 = uniform(0, 1)
        report y = x1 + 2 * x2 + 3 * x3
        """, "y", 50, 2);
    for (int i = 1; i <= 3; i++) {
      Morris.Effect e = effect(r, "x" + i);
      assertEquals(i / 2.0, e.muStar(), 1e-12);
      assertEquals(i / 2.0, e.mu(), 1e-12);
      assertEquals(0, e.sigma(), 1e-12);
    }
    assertEquals("x3", r.effects().get(0).param());
  }

  /** y = x1·x2: x1's effect depends on x2, so σ > 0; an unused param has μ* = 0. */
  @Test
  void interactionsShowInSigmaAndUnusedParamsAreZero() {
    String source = """
        param x1 = uniform(0, 1)
        param x2 = uniform(0, 1)
        param unused = normal(0, 1)
        report y = x1 * x2
        """;
    Morris.Result r = run(source, "y", 200, 1);
    assertTrue(effect(r, "x1").sigma() > 0.05);
    assertEquals(0, effect(r, "unused").muStar(), 0.0);
    assertEquals(r, run(source, "y", 200, 16), "the same effects on 1 and 16 threads");
  }
}

package org.tokenomics.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.tokenomics.Compilation;
import org.tokenomics.TestModels;

/**
 * What a condition tells the code generator ({@link Guards}): a division in a branch that rules
 * its divisor's 0 out is not tested again. Checked against the interpreter on a model that is not
 * the benchmark's (a service's margin, an outage window), and the rule itself against every
 * comparison.
 */
class GuardsTest {
  private static final double[] VALUES = {0.0, -0.0, 1, -1, 2.5, -2.5, 1e-300, -1e-300, Double.NaN,
      Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE};

  @Provide
  Arbitrary<Double> values() {
    return Arbitraries.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11).map(i -> VALUES[i]);
  }

  @Provide
  Arbitrary<Arith.Op> comparisons() {
    return Arbitraries.of(Arith.Op.EQ, Arith.Op.NE, Arith.Op.LT, Arith.Op.LE, Arith.Op.GT, Arith.Op.GE);
  }

  /** Whenever the rule says a cell is not 0 in a branch, no value of the cell reaching that branch is 0. */
  @Property(tries = 3000)
  void aCellSaidNotToBeZeroInABranchNeverIsThere(@ForAll("comparisons") Arith.Op op, @ForAll("values") double k,
      @ForAll("values") double x, @ForAll boolean constantFirst, @ForAll boolean holds) {
    Ref r = new Ref.ScalarRef(7);
    Const c = new Const(k);
    Arith.Cmp cmp = constantFirst ? new Arith.Cmp(op, c, r) : new Arith.Cmp(op, r, c);
    double outcome = constantFirst ? cmp.apply(null, 0, k, x) : cmp.apply(null, 0, x, k);
    boolean reached = (outcome != 0) == holds;
    if (Guards.nonZero(cmp, holds) == 7 && reached) {
      assertNotEquals(0.0, Math.abs(x), op + " " + k + " " + holds + " reached with " + x);
    }
  }

  @Test
  void theRuleKnowsTheUsualGuards() {
    Ref r = new Ref.ScalarRef(3);
    Const zero = new Const(0);
    assertEquals(3, Guards.nonZero(new Arith.Cmp(Arith.Op.GT, r, zero), true)); // if x > 0 then … / x
    assertEquals(3, Guards.nonZero(new Arith.Cmp(Arith.Op.LE, r, zero), false)); // if x <= 0 then 0 else … / x
    assertEquals(3, Guards.nonZero(new Arith.Cmp(Arith.Op.LT, zero, r), true)); // if 0 < x
    assertEquals(3, Guards.nonZero(new Arith.Cmp(Arith.Op.NE, r, zero), true));
    assertEquals(3, Guards.nonZero(r, true)); // if x then … / x
    assertEquals(-1, Guards.nonZero(new Arith.Cmp(Arith.Op.GE, r, zero), true)); // x >= 0 lets 0 through
    assertEquals(-1, Guards.nonZero(r, false));
  }

  /** {@code %s}: the fixed cost, the outage's first period, its end (a number, maybe not whole). */
  static final String SERVICE = """
      timeline 2026-01 to 2027-12 monthly
      param users0 = 500
      param fee    = $12/month
      param fixed  = %s
      param from   = %s
      param until  = %s

      let outage  = period >= from and until > period
      let down    = 18 <= period and period < 20 or period == 3
      let users   = if outage or down then 0 else users0 + 40 * period
      let revenue = users * fee * dt
      let profit  = revenue - fixed * dt
      let margin  = if revenue > $0 then profit / revenue else 0
      let cover   = if users <= 0 then $0 else revenue / users
      let either  = if 0 < users then fee * dt / users else $1 / users

      report margin as %%
      report cover as $
      report revenue as $k
      report either as $
      """;

  @Test
  void guardedDivisionsAreTheInterpreters() {
    // either divides by users in the branch where users is 0 (period 3 is always down): TOK500
    // there, whichever way computed; margin and cover divide only where the guard rules 0 out
    for (String[] p : new String[][] {{"$3k/month", "6", "9"}, {"$0/month", "0", "2.5"}, {"$8k/month", "30", "40"}}) {
      Compilation c = TestModels.TOK.compile("m.tok", String.format(java.util.Locale.ROOT, SERVICE, p[0], p[1], p[2]));
      CodegenTest.agree(c);
      org.tokenomics.Evaluation e = c.model().tryEvaluate(org.tokenomics.Scenario.BASE, Map.of());
      assertEquals(1, e.errors().size(), e.errors().toString());
      assertTrue(e.errors().get(0).message().startsWith("division by zero"), e.errors().toString());
      assertEquals(24, e.value("margin").values().length);
    }
  }
}

package org.tokenomics.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.tokenomics.Compilation;
import org.tokenomics.Model;
import org.tokenomics.TestModels;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.run.Runner;

/**
 * A recurrence computed inside a fused group ({@link Fusion}, {@link FusedStep}): the pointwise
 * cells it reads and the cells that read it in the same loop, last period's values in locals, an
 * array only for what is read outside. The model is not the benchmark's: a GPU reseller that adds
 * servers in steps when demand nears its fleet, pays for them from cash and a revolving credit
 * line, and repays the line from the surplus. Every run is compared with the interpreter, value
 * for value, errors included ({@link CodegenTest#agree}).
 */
class FusedRecurrenceTest {
  /** The reseller; {@code %s}: the monthly demand growth, the step of servers, the rate, the opening cash. */
  static final String RESELLER = """
      timeline 2026-01 to 2028-12 monthly
      param demand0  = 800
      param growth   = %s
      param step     = %s
      param fee      = $30k/yr
      param cost     = $12k/yr
      param capex    = $60k
      param limit    = $60M
      param rate     = %s
      param floor    = $2M
      param opening  = %s

      let demand   = demand0 * (1 + growth) ^ period
      let near     = demand > prev(servers, initial: 1000) * 0.9
      let servers  = prev(servers, initial: 1000) + (if near then step else 0)
      let sold     = min(demand, servers)
      let margin   = (fee - cost) * sold * dt
      let buy      = (servers - prev(servers, initial: 1000)) * capex
      let interest = prev(drawn, initial: $0) * rate * dt / 1 yr
      let before   = prev(cash, initial: opening) + margin - buy - interest
      let draw     = min(max(floor - before, $0), limit - prev(drawn))
      let repay    = min(max(before - floor * 2, $0), prev(drawn))
      let drawn    = prev(drawn) + draw - repay
      let cash     = before + draw - repay
      let lagged   = lag(cash, 2)
      let usage    = sold / servers

      report cash as $M
      report drawn as $M
      report usage
      report peak = max(drawn) as $M
      report lagged as $M
      """;

  private static String reseller(String growth, String step, String opening) {
    return reseller(growth, step, opening, "9 %");
  }

  private static String reseller(String growth, String step, String opening, String rate) {
    return String.format(java.util.Locale.ROOT, RESELLER, growth, step, rate, opening); // in the text's order
  }

  @Test
  void theRecurrenceAndTheCellsAroundItAreOneLoopKeepingOnlyWhatIsReadOutside() {
    Model m = TestModels.compile(reseller("4 %", "400", "$5M"));
    CompiledModel cm = TestModels.compiled(m);
    Program.Plan plan = cm.program().plan(Runner.roots(cm));
    Fusion.Step[] steps = plan.fusion().fuse(plan);
    FusedStep.Compiled group = Arrays.stream(steps).map(Fusion.Step::group).filter(g -> g != null)
        .filter(g -> contains(g.members(), slot(cm, "servers"))).findFirst().orElseThrow();
    for (String name : new String[] {"demand", "near", "servers", "drawn", "cash", "usage"}) {
      assertTrue(contains(group.members(), slot(cm, name)), name + " is computed in the loop");
    }
    // cash, drawn (reports), and cash again as lag(cash, 2) reads two periods back: arrays;
    // interest, draw, repay, buy, servers are read only within the loop: locals
    assertTrue(contains(group.kept(), slot(cm, "cash")));
    assertTrue(contains(group.kept(), slot(cm, "drawn")));
    for (String name : new String[] {"interest", "draw", "repay", "buy", "servers", "before"}) {
      assertFalse(contains(group.kept(), slot(cm, name)), name + " has no array");
    }
    assertTrue(group.uninstalled().length > 0);
    // no step computes a member of the recurrence on its own
    for (Fusion.Step s : steps) {
      assertTrue(s.group() != null || !(cm.program().cell(s.slot()).computer() instanceof Adopt));
    }
  }

  @Test
  void aFusedRecurrenceGivesTheInterpretersValuesForEveryCellOnDemand() {
    // every report and every named value (those without arrays computed again on demand), three
    // ways: interpreted, compiled cell by cell, fused
    CodegenTest.agree(TestModels.TOK.compile("m.tok", reseller("4 %", "400", "$5M")));
    Model m = TestModels.compile(reseller("4 %", "400", "$5M"));
    double[] first = m.evaluate().value("interest").values();
    for (int i = 0; i < NodeComputer.COMPILE_AFTER + 2; i++) {
      org.tokenomics.Evaluation e = m.evaluate();
      assertArrayEquals(first, e.value("interest").values());
      assertArrayEquals(e.value("drawn").values(), m.evaluate().value("drawn").values());
    }
  }

  @Test
  void aValueThatIsNotFiniteInTheLoopIsTheInterpretersErrorAtItsCellAndPeriod() {
    // interest overflows once the line is drawn: TOK500 at interest, whichever way computed
    String source = reseller("4 %", "400", "$1M", "1e305");
    Compilation c = TestModels.TOK.compile("m.tok", source);
    CodegenTest.agree(c);
    org.tokenomics.Evaluation e = c.model().tryEvaluate(org.tokenomics.Scenario.BASE, Map.of());
    assertFalse(e.errors().isEmpty());
    assertTrue(e.errors().get(0).message().startsWith("interest is infinite in period"), e.errors().toString());
  }

  @Test
  void cellsReadingEveryPeriodOrEarlierPeriodsOfAMemberAgree() {
    // npv reads every period of cash (a cell of its own after the loop); late reads cash three
    // periods back in the loop (its array)
    CodegenTest.agree(TestModels.TOK.compile("m.tok", reseller("4 %", "400", "$5M")
        + "report value = npv(cash, 10 %) as $M\nlet late = cash - lag(cash, 3)\nreport late as $M\n"));
  }

  /**
   * Values the loop does not test (min, max, if and bounded sums of tested or constant values,
   * FiniteBounds) beside values that overflow: the first value that is not finite is met where the
   * interpreter meets it, in a recurrence and in a pointwise run.
   */
  @Test
  void overflowsBesideUntestedValuesAreTheInterpretersErrors() {
    for (String source : new String[] {
        // a huge step overflows servers (tested), read by min/max/if values that are not tested
        reseller("4 %", "if period > 20 then 1e308 else 400", "$5M"),
        // demand overflows in a pointwise cell before the recurrence; usage divides by servers
        reseller("1e9", "400", "$5M"),
        // the tested sum after untested bounded values: period * 1e306 overflows at period 18
        """
        timeline 2026-01 to 2027-12 monthly
        param k = 1e306
        let a = min(period * k, 2e306) + max(period, 3) * 1e307
        let b = if a > 0 then min(a, 1) else max(a, -1)
        let c = prev(c, initial: 1) + b + (if period > 2 then a else 0)
        report b
        report c
        """}) {
      CodegenTest.agree(TestModels.TOK.compile("m.tok", source));
    }
  }

  /** Any growth, step and opening cash: the fused loop is the interpreter, errors and all. */
  @Property(tries = 25)
  void anyResellerAgrees(@ForAll @DoubleRange(min = -0.05, max = 0.15) double growth,
      @ForAll @IntRange(min = 0, max = 2000) int step, @ForAll @DoubleRange(min = -5, max = 50) double opening) {
    String cash = (opening < 0 ? "-$" : "$") + plain(Math.abs(opening)) + "M";
    CodegenTest.agree(TestModels.TOK.compile("m.tok", reseller(plain(growth), step + "", cash)));
  }

  private static String plain(double x) {
    return new java.math.BigDecimal(x).round(new java.math.MathContext(12)).toPlainString();
  }

  private static int slot(CompiledModel cm, String name) {
    for (int s = 0; s < cm.program().size(); s++) {
      if (cm.program().cell(s).name().equals(name)) {
        return s;
      }
    }
    throw new AssertionError("no cell " + name);
  }

  private static boolean contains(int[] slots, int slot) {
    return Arrays.stream(slots).anyMatch(s -> s == slot);
  }
}

package org.tokenomics.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.tokenomics.Compilation;
import org.tokenomics.TestModels;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.run.Runner;

/**
 * The calls a fused loop makes first in each period ({@link Hoisting}): the time functions every
 * period evaluates, with inputs known when the period starts, and not those in a branch. The model
 * is not the benchmark's: a subscription service whose users grow and churn, whose price halves,
 * ramps in after a launch and is discounted after a promotion. Every run agrees with the
 * interpreter, value for value and error for error ({@link CodegenTest#agree}), including an
 * interval of zero, whose call then fails first in the loop.
 */
class HoistingTest {
  /** {@code %s}: the monthly growth, the churn interval, the launch date. */
  static final String SUBSCRIPTIONS = """
      timeline 2026-01 to 2029-12 monthly
      param start_users = 1200
      param growth      = %s
      param churn_every = %s
      param price0      = $40/month
      param launch      = %s

      let users   = start_users * grow(by: growth, every: month) * decline(by: 2 %%, every: churn_every)
      let price   = price0 * halving(every: 18 month) * ramp(from: launch, over: 6 month)
      let promo   = if period > 6 then price * decline(by: 10 %%, every: 3 month) else price
      let boost   = period > 12 and grow(by: 1 %%, every: month) > 1.2
      let revenue = users * promo * dt + (if boost then $1k else $0)
      let cost    = $20k/month * dt + users * $3/month * dt
      let margin  = if revenue > $0 then (revenue - cost) / revenue else 0
      let reach   = prev(reach, initial: 0) + users * sqrt(t / 1 month + 1)

      report revenue as $k
      report margin as %%
      report users
      report reach
      """;

  private static String model(String growth, String churnEvery, String launch) {
    return String.format(java.util.Locale.ROOT, SUBSCRIPTIONS, growth, churnEvery, launch);
  }

  @Test
  void theCallsEveryPeriodMakesComeFirstButNotThoseInABranch() {
    CompiledModel cm = TestModels.compiled(TestModels.compile(model("6 %", "9 month", "2026-07")));
    Program.Plan plan = cm.program().plan(Runner.roots(cm));
    Fusion.Step[] steps = plan.fusion().fuse(plan);
    FusedStep.Compiled group = Arrays.stream(steps).map(Fusion.Step::group).filter(g -> g != null)
        .filter(g -> g.nodes().length > 3).findFirst().orElseThrow();
    Set<Integer> members = Arrays.stream(group.members()).boxed().collect(Collectors.toSet());
    List<Node> first = Hoisting.of(group.nodes(), members);
    // users: grow and decline; price: halving and ramp; reach: sqrt of t (a math function)
    // (in the members' order, which is the plan's)
    assertEquals(List.of("Compound", "Compound", "Compound", "MathFn", "Ramp"),
        first.stream().map(n -> n.getClass().getSimpleName()).sorted().toList());
    // promo's decline (in an if's branch) and boost's grow (after and) are where they were
    int calls = 0;
    for (Node n : group.nodes()) {
      calls += count(n, "Compound");
    }
    assertEquals(5, calls, "five compounding calls in the loop's members");
    assertEquals(3, first.stream().filter(n -> n.getClass().getSimpleName().equals("Compound")).count());
  }

  @Test
  void aLoopWithItsCallsFirstGivesTheInterpretersValues() {
    CodegenTest.agree(TestModels.TOK.compile("m.tok", model("6 %", "9 month", "2026-07")));
    CodegenTest.agree(TestModels.TOK.compile("m.tok", model("-3 %", "1 month", "2028-02")));
  }

  @Test
  void aCallThatFailsFirstIsStillTheInterpretersErrorAtItsCell() {
    Compilation c = TestModels.TOK.compile("m.tok", model("6 %", "0 month", "2026-07"));
    CodegenTest.agree(c);
    org.tokenomics.Evaluation e = c.model().tryEvaluate(org.tokenomics.Scenario.BASE, Map.of());
    assertFalse(e.errors().isEmpty());
    assertTrue(e.errors().get(0).message().contains("compounding interval must be positive"), e.errors().toString());
  }

  /** Any growth, churn interval and launch: the loop with its calls first is the interpreter. */
  @Property(tries = 25)
  void anySubscriptionAgrees(@ForAll @DoubleRange(min = -0.6, max = 0.6) double growth,
      @ForAll @IntRange(min = 0, max = 24) int churnMonths, @ForAll @IntRange(min = 0, max = 47) int launchMonth) {
    String launch = String.format(java.util.Locale.ROOT, "%04d-%02d", 2026 + launchMonth / 12, launchMonth % 12 + 1);
    String g = new java.math.BigDecimal(growth).round(new java.math.MathContext(10)).toPlainString();
    CodegenTest.agree(TestModels.TOK.compile("m.tok", model(g, churnMonths + " month", launch)));
  }

  private static int count(Node n, String simpleName) {
    int c = n.getClass().getSimpleName().equals(simpleName) ? 1 : 0;
    for (Node in : n.children()) {
      c += count(in, simpleName);
    }
    return c;
  }
}

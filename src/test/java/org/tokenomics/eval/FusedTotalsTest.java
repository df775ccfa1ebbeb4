package org.tokenomics.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tokenomics.Evaluation;
import org.tokenomics.Model;
import org.tokenomics.Simulation;
import org.tokenomics.TestModels;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.run.Runner;

/**
 * A cell reading {@code total(…)}s over members of one shape is computed by one loop over the
 * periods and the members ({@link FusedTotals}, {@link TotalStep}): the same values bit for bit as
 * the interpreter, the same errors, its members' own cells computed only on demand, and every
 * kind of run (overrides, Monte Carlo, explain) unchanged.
 */
class FusedTotalsTest {
  /** A fleet of servers, not the benchmark's rentals: own cells, shared cells, two totals in one cell. */
  static final String FLEET = """
      timeline 2026-01 to 2028-12 monthly
      param base_price = $3/GPU/h
      param growth = 2 %
      let season = 1 + 10 % * (if period >= 6 and period < 18 then 1 else -1)

      kind server {
        param gpus
        param price
        param online: date
        let power = gpus * ramp(from: online, over: 3 month)
        let revenue: $ = power * price * dt * season * (if year >= 2027 then 1 + growth else 1)
        let cost: $ = min(power * $1/GPU/h, $5000/month) * dt
        let margin: $ = revenue - cost
      }

      server fleet[i in 1 to 40] {
        gpus = i * 8 GPU
        price = base_price * (1 - i * 0.5 %)
        online = 2026-01 + i * 1 week
      }

      report revenue = total(fleet.revenue) as $M
      report share = total(fleet.margin) / total(fleet.revenue)
      report first_cost = fleet[1].cost as $
      """;

  @Test
  void aFleetsTotalsAreFusedAndAgreeWithTheInterpreter() {
    Model m = TestModels.compile(FLEET);
    CodegenTest.agree(TestModels.TOK.compile("fleet.tok", FLEET)); // interpreted, compiled, fused
    Fusion.Step[] steps = fused(m);
    CompiledModel cm = TestModels.compiled(m);
    // revenue: 40 members × (power, revenue); share: 40 × (cost, margin), each a loop over the members
    List<FusedStep.Compiled> totals = Arrays.stream(steps).map(Fusion.Step::group)
        .filter(g -> g != null && g.code().getClass().getName().contains("CompiledTotal")).toList();
    assertEquals(2, totals.size(), () -> Arrays.toString(steps));
    int cost1 = slot(cm, "fleet[1].cost");
    int cost2 = slot(cm, "fleet[2].cost");
    int revenue7 = slot(cm, "fleet[7].revenue");
    assertTrue(totals.stream().anyMatch(g -> contains(g.members(), cost2) && !contains(g.kept(), cost2)),
        "a member's cell nothing else reads is a local of the loop");
    assertTrue(totals.stream().anyMatch(g -> contains(g.kept(), cost1)), "one a report reads is stored too");
    assertTrue(totals.stream().anyMatch(g -> contains(g.kept(), revenue7)), "one a later total reads is stored too");
    for (Fusion.Step s : steps) {
      assertFalse(s.group() == null && s.slot() == cost2, "computed by its total's loop, not on its own");
    }
  }

  private static int slot(CompiledModel cm, String name) {
    for (int s = 0; s < cm.program().size(); s++) {
      if (cm.program().cell(s).name().equals(name)) {
        return s;
      }
    }
    throw new AssertionError("no cell " + name);
  }

  private static boolean contains(int[] xs, int x) {
    return Arrays.stream(xs).anyMatch(y -> y == x);
  }

  @Test
  void aHotFleetGivesTheColdValuesAndItsMembersOnDemand() {
    Model cold = TestModels.compile(FLEET);
    Model hot = TestModels.compile(FLEET);
    for (int i = 0; i <= NodeComputer.COMPILE_AFTER + 2; i++) {
      hot.evaluate();
    }
    Evaluation a = cold.evaluate();
    Evaluation b = hot.evaluate();
    for (String r : List.of("revenue", "share", "first_cost", "fleet[7].margin", "fleet[40].power", "season")) {
      assertArrayEquals(a.value(r).values(), b.value(r).values(), r);
    }
    Map<String, String> set = Map.of("fleet[3].gpus", "100 GPU", "base_price", "$2/GPU/h");
    assertArrayEquals(cold.evaluate(set).value("share").values(), hot.evaluate(set).value("share").values());
    org.tokenomics.Explanation x = cold.explain("revenue", 2, org.tokenomics.Scenario.BASE, Map.of());
    org.tokenomics.Explanation y = hot.explain("revenue", 2, org.tokenomics.Scenario.BASE, Map.of());
    assertArrayEquals(x.values(), y.values());
    assertEquals(x.contributions().size(), y.contributions().size());
    for (int i = 0; i < x.contributions().size(); i++) {
      assertArrayEquals(x.contributions().get(i).values(), y.contributions().get(i).values());
    }
  }

  @Test
  void anErrorInOneMemberIsTheInterpretersError() {
    // fleet[3] divides by zero in 2027-01 only, fleet[5]'s cost overflows: the run stops at the
    // same cell and period, with the same message, fused or not
    String source = """
        timeline 2026-01 to 2027-06 monthly
        kind part {
          param n
          let x = 1 / (period - n * 4)
          let y = x * n
        }
        part u[k in 1 to 6] { n = k }
        report sum = total(u.y)
        """;
    CodegenTest.agree(TestModels.TOK.compile("bad.tok", source));
    Model m = TestModels.compile(source);
    for (int i = 0; i <= NodeComputer.COMPILE_AFTER + 2; i++) {
      assertTrue(m.tryEvaluate(org.tokenomics.Scenario.BASE, Map.of()).errors().toString().contains("TOK500"));
    }
    String huge = source.replace("let y = x * n", "let y = x * n * (if n == 5 then 1e308 else 1) * 10");
    CodegenTest.agree(TestModels.TOK.compile("huge.tok", huge));
  }

  @Test
  void aTotalOfNegativeZerosIsNegativeZero() {
    // the loop starts from -0.0, the one number x for which -0.0 + x is x for every x
    String source = """
        timeline 2026 to 2028 yearly
        kind part {
          param a
          let y = a * (period - 1)
        }
        part p[i in 1 to 3] { a = -1 * i }
        report t = total(p.y)
        """;
    CodegenTest.agree(TestModels.TOK.compile("zeros.tok", source));
    Model m = TestModels.compile(source);
    for (int i = 0; i <= NodeComputer.COMPILE_AFTER + 2; i++) {
      m.evaluate();
    }
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(m.evaluate().value("t").values()[1]));
  }

  @Test
  void membersOfOtherShapesOrReadElsewhereFallBackAndAgree() {
    // a kind's total over a family and an instance whose price is a series (another shape), a
    // member read by a report, and a total inside a cumsum's operand (a cell of its own)
    String source = FLEET + """
        server spare { gpus = 64 GPU; price = series([2026-01: $2/GPU/h, 2027-01: $2.5/GPU/h]); online = 2026-06 }
        report all = total(server.revenue) as $M
        report built = cumsum(total(fleet.cost)) as $M
        report fleet_power = total(fleet.power)
        """;
    CodegenTest.agree(TestModels.TOK.compile("mixed.tok", source));
  }

  @Test
  void monteCarloOverAFamilyWithDrawnParamsEqualsAColdRun() {
    String source = """
        timeline 2026 to 2030 yearly
        param demand = uniform(0.5, 1.5)
        kind plant {
          param size
          let out = size * demand * (1 + period * 10 %)
        }
        plant p[i in 1 to 30] { size = i * 1 GW }
        report output = total(p.out) as GW
        """;
    Model hot = TestModels.compile(source);
    for (int i = 0; i <= NodeComputer.COMPILE_AFTER + 2; i++) {
      hot.evaluate();
    }
    hot.simulate(200, 5);
    hot.simulate(200, 5);
    Simulation warm = hot.simulate(200, 5);
    Simulation cold = TestModels.compile(source).simulate(200, 5);
    assertArrayEquals(cold.mean("output").values(), warm.mean("output").values());
    assertArrayEquals(cold.quantile("output", 0.9).values(), warm.quantile("output", 0.9).values());
  }

  /** The plan of every report and assertion, fused now. */
  static Fusion.Step[] fused(Model m) {
    CompiledModel cm = TestModels.compiled(m);
    Program program = cm.program().with(Map.of());
    Program.Plan plan = program.plan(Runner.roots(cm));
    Fusion.Step[] steps = plan.fusion().fuse(plan);
    assertNotNull(steps);
    return steps;
  }
}

package org.tokenomics.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tokenomics.Evaluation;
import org.tokenomics.Explanation;
import org.tokenomics.Model;
import org.tokenomics.Scenario;
import org.tokenomics.Simulation;
import org.tokenomics.Tok;
import org.tokenomics.syntax.Formatter;

/** Families of instances and {@code total} (LANGUAGE.md §15), by example. */
class FamiliesTest {
  /** The spec's vintages, with the plan written as a formula of the key (series arrive with §11). */
  private static final String VINTAGES = """
      timeline 2026 to 2032 yearly
      param plan = $10B
      purchase vintage[y in 2026 to 2028 yearly] { amount = plan * (1 + (y - 2026-01) / 1 yr); at = y; life = 5 yr }
      report depreciation = total(vintage.depreciation) as $B/yr
      report first_one = vintage[2026].depreciation as $B/yr
      report spent = total(vintage.cash) as $B
      report life_sum = total(vintage.life) as yr
      report cash = vintage.cash as $B
      rental site[n in 1 to 3] { capacity = n * 1 GW; rate = $10B/GW/yr; start = 2027-01; term = 2 yr }
      rental extra { capacity = 1 GW; rate = $12B/GW/yr; start = 2026-01; term = 1 yr }
      report sites = total(site.cash) as $B
      report all_rentals = total(rental.cash) as $B
      report second = site[2].capacity as GW
      scenario bigger { vintage[2028].amount = $60B }
      """;

  @Test
  void theSpecsVintages() {
    Evaluation e = Tok.eval(VINTAGES);
    assertArrayEquals(new double[] {2, 6, 12, 12, 12, 10, 6}, e.value("depreciation").series("$B/yr"), 1e-9);
    assertArrayEquals(new double[] {2, 2, 2, 2, 2, 0, 0}, e.value("first_one").series("$B/yr"), 1e-9);
    assertArrayEquals(new double[] {-10, -20, -30, 0, 0, 0, 0}, e.value("spent").series("$B"), 1e-9);
    assertEquals(15, e.value("life_sum").in("yr"), 1e-9);
    assertArrayEquals(new double[] {0, -60, -60, 0, 0, 0, 0}, e.value("sites").series("$B"), 1e-9);
    // total over a kind: every rental, the family's members and the plain instance
    assertArrayEquals(new double[] {-12, -60, -60, 0, 0, 0, 0}, e.value("all_rentals").series("$B"), 1e-9);
    assertEquals(2, e.value("second").in("GW"), 1e-12);
  }

  @Test
  void aFamilyWideReportHasOneRowPerMember() {
    Model m = Tok.model(VINTAGES);
    assertEquals(List.of("depreciation", "first_one", "spent", "life_sum", "cash[2026]", "cash[2027]", "cash[2028]",
        "sites", "all_rentals", "second"), m.reportNames());
    assertArrayEquals(new double[] {0, -20, 0, 0, 0, 0, 0}, m.evaluate().value("cash[2027]").series("$B"), 1e-9);
  }

  @Test
  void membersParamsAreOverridableInScenariosTheApiAndByAnyKeyOfTheMember() {
    Model m = Tok.model(VINTAGES);
    double[] bigger = m.evaluate(Scenario.named("bigger")).value("depreciation").series("$B/yr");
    assertArrayEquals(new double[] {2, 6, 18, 18, 18, 16, 12}, bigger, 1e-9);
    for (String target : List.of("vintage[2028].amount", "vintage[2028-01].amount")) {
      double[] set = m.evaluate(Map.of(target, "$60B")).value("depreciation").series("$B/yr");
      assertArrayEquals(bigger, set, 1e-9, target);
    }
    assertTrue(m.params().stream().anyMatch(p -> p.name().equals("site[3].capacity")), m.params().toString());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> m.evaluate(Map.of("vintage[2029].amount", "$1B")));
    assertTrue(e.getMessage().contains("2029 is not a member of vintage (2026 to 2028 yearly)"), e.getMessage());
  }

  @Test
  void keysAreDatesByStepOrWholeNumbers() {
    Evaluation e = Tok.eval("""
        timeline 2026-01 to 2027-12 monthly
        rental q[d in 2026-01 to 2026-12 quarterly] { capacity = 1 GW; rate = $12B/GW/yr; start = d; term = 3 month }
        rental m[d in 2026-01 to 2026-03 monthly] { capacity = 1 GW; rate = $12B/GW/yr; start = d; term = 1 month }
        rental k[n in -1 to 1] { capacity = (n + 2) * 1 GW; rate = $12B/GW/yr; start = 2026-01; term = 1 month }
        report quarters = total(q.cash) as $B
        report second_quarter = q[2026-04].capacity as GW
        report march = m[2026-03].start
        report by_year = m[2026].term as month
        report minus_one = k[-1].capacity as GW
        report ks = total(k.capacity) as GW
        """);
    double[] quarters = e.value("quarters").series("$B");
    for (int p = 0; p < 12; p++) {
      assertEquals(-1, quarters[p], 1e-9, "month " + p);
    }
    assertEquals(0, quarters[12], 1e-12);
    assertEquals(1, e.value("second_quarter").in("GW"), 1e-12);
    assertEquals("2026-03", e.value("march").asDate());
    assertEquals(1, e.value("by_year").in("month"), 1e-12); // a bare year is the first member of that year
    assertEquals(1, e.value("minus_one").in("GW"), 1e-12);
    assertEquals(6, e.value("ks").in("GW"), 1e-12);
  }

  @Test
  void familiesOfPreludeAndUserKindsInsideFormulasAndFunctions() {
    Evaluation e = Tok.eval("""
        timeline 2026 to 2030 yearly
        chip gpu { power = 1000 W/GPU; price = $30k/GPU }
        cluster campus[n in 1 to 3] { chip = gpu; facility_power = n * 100 MW; pue = 1.25; energy_price = $50/MWh }
        kind site { param mw: MW; let double: MW = 2 * mw }
        site sm[n in 1 to 4] { mw = n * 1 MW }
        fn twice(x) = 2 * x
        report chips = total(campus.chips) as GPU
        report energy = total(campus.energy_cost * dt) as $M
        report sites = total(twice(sm.double)) as MW
        report nested = total(sm.mw / total(sm.mw)) * 100 %
        """);
    assertEquals(600e6 / 1.25 / 1000, e.value("chips").in("GPU"), 1e-6);
    assertEquals(600 * 8760 * 50 / 1e6, e.value("energy").series("$M")[0], 1e-6);
    assertEquals(40, e.value("sites").in("MW"), 1e-12);
    assertEquals(1, e.value("nested").in("1"), 1e-12);
  }

  @Test
  void monteCarloAndExplainSeeEachMember() {
    Model m = Tok.model("""
        timeline 2026 to 2030 yearly
        purchase v[y in 2026 to 2028 yearly] { amount = uniform($5B, $15B); at = y; life = 5 yr }
        report dep = total(v.depreciation) as $B/yr
        """);
    assertEquals(List.of("v[2026].amount", "v[2027].amount", "v[2028].amount"),
        m.params().stream().filter(p -> p.uncertain()).map(p -> p.name()).toList());
    Simulation s = m.simulate(4000, 7);
    assertEquals(6, s.mean("dep").series("$B/yr")[4], 0.15);
    Explanation x = m.explain("dep", 2, Scenario.BASE, Map.of());
    assertEquals(List.of("v[2026].depreciation", "v[2027].depreciation", "v[2028].depreciation"),
        x.inputs().stream().map(Explanation::name).toList());
  }

  @Test
  void prevInsideAMemberIsEachMembersOwnState() {
    Evaluation e = Tok.eval("""
        timeline 2026 to 2030 yearly
        kind book {
          param growth: 1
          param opening: $
          let balance: $ = prev(balance, initial: opening) * (1 + growth)
        }
        book b[n in 1 to 3] { growth = n * 10 %; opening = $1B }
        report all = total(b.balance) as $B
        report rows = b.balance as $B
        """);
    double[] all = e.value("all").series("$B");
    for (int p = 0; p < 5; p++) {
      double sum = 0;
      for (int n = 1; n <= 3; n++) {
        double own = Math.pow(1 + n * 0.1, p + 1);
        assertEquals(own, e.value("rows[" + n + "]").series("$B")[p], 1e-12);
        sum += own;
      }
      assertEquals(sum, all[p], 1e-12);
    }
  }

  @Test
  void aThousandMembersCompileAndEvaluate() {
    Model m = Tok.model("""
        timeline 2026-01 to 2030-12 monthly
        rental rack[n in 1 to 1000] { capacity = n * 1 GPU; rate = $2/GPU/h; start = 2026-01; term = 2 yr }
        report cost = total(rack.cash) as $M
        """);
    double perMonth = 1000 * 1001 / 2.0 * 2 * 8760 / 12 / 1e6;
    assertEquals(-perMonth, m.evaluate().value("cost").series("$M")[0], 1e-6);
  }

  @Test
  void fmtKeepsAFamilyAndItsMemberTargets() {
    String src = "timeline 2026 to 2030 yearly\n"
        + "purchase   v[ y in 2026 to 2028 yearly ] { amount = $1B; at = y; life = 5 yr }\n"
        + "scenario b { v[2027].amount = $2B }\n";
    Formatter.Result r = Formatter.format("f.tok", src);
    assertEquals("timeline 2026 to 2030 yearly\n"
        + "purchase v[y in 2026 to 2028 yearly] { amount = $1B; at = y; life = 5 yr }\n"
        + "scenario b { v[2027].amount = $2B }\n", r.text());
    assertEquals(r.text(), Formatter.format("f.tok", r.text()).text());
  }
}

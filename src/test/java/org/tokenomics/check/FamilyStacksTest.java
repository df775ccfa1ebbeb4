package org.tokenomics.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tokenomics.Evaluation;
import org.tokenomics.Explanation;
import org.tokenomics.Model;
import org.tokenomics.Scenario;
import org.tokenomics.Tok;

/**
 * Families composed with v2's keyed series and pro-rated partial periods (LANGUAGE.md §6, §11,
 * §15), and explain's cost stack of a {@code total} (issue 16).
 */
class FamilyStacksTest {
  /**
   * Case 40's plan as a series read by key inside each member, bought half a year after the key.
   * By hand (purchase depreciation = amount / life * active(from: at, for: life), yearly periods):
   * <pre>
   *   2026's $10B from 2026-07: $2B/yr × 0.5, 1, 1, 1, 1, 0.5 (2026 … 2031)  = 1, 2, 2, 2, 2, 1, 0, 0
   *   2027's $20B from 2027-07: $4B/yr × 0.5 … 0.5 (2027 … 2032)             = 0, 2, 4, 4, 4, 4, 2, 0
   *   2028's $30B from 2028-07: $6B/yr × 0.5 … 0.5 (2028 … 2033)             = 0, 0, 3, 6, 6, 6, 6, 3
   *   total                                                                   = 1, 4, 9, 12, 12, 11, 8, 3
   * </pre>
   * and over the eight years the total is $60B, every dollar bought. Two rentals of 1 GW at
   * $12B/GW/yr for a year, from 2026-07 and 2026-10: 2026 is 6 + 3 = $9B, 2027 is 6 + 9 = $15B.
   */
  private static final String MID_YEAR = """
      timeline 2026 to 2033 yearly
      param plan = series([2026: $10B, 2027: $20B, 2028: $30B])
      purchase vintage[y in 2026 to 2028 yearly] { amount = plan[y]; at = y + 6 month; life = 5 yr }
      rental site[n in 1 to 2] { capacity = 1 GW; rate = $12B/GW/yr; start = 2026-07 + (n - 1) * 3 month; term = 1 yr }
      report depreciation = total(vintage.depreciation) as $B/yr
      report bought = sum(total(vintage.depreciation) * dt) as $B
      report spent = total(vintage.cash) as $B
      report rent = total(site.cash) as $B
      """;

  @Test
  void aKeyedSeriesReadByEachMembersKeyWithMidYearStartsIsProRated() {
    Evaluation e = Tok.eval(MID_YEAR);
    assertArrayEquals(new double[] {1, 4, 9, 12, 12, 11, 8, 3}, e.value("depreciation").series("$B/yr"), 1e-9);
    assertEquals(60, e.value("bought").in("$B"), 1e-9);
    assertArrayEquals(new double[] {-10, -20, -30, 0, 0, 0, 0, 0}, e.value("spent").series("$B"), 1e-9);
    assertArrayEquals(new double[] {-9, -15, 0, 0, 0, 0, 0, 0}, e.value("rent").series("$B"), 1e-9);
  }

  @Test
  void aMembersPlanFollowsAnOverrideOfTheSeries() {
    Evaluation e = Tok.model(MID_YEAR).evaluate(Map.of("plan", "series([2026: $5B, 2027: $20B, 2028: $30B])"));
    // only 2026's vintage halves: $1B/yr × 0.5 in 2026, so the first year drops from 1 to 0.5
    assertEquals(0.5, e.value("depreciation").series("$B/yr")[0], 1e-9);
    assertEquals(55, e.value("bought").in("$B"), 1e-9);
  }

  @Test
  void explainOfATotalShowsEachMembersValueAndShare() {
    Model m = Tok.model("""
        param base = $10B
        purchase vintage[y in 2026 to 2029 yearly] { amount = base * (1 + (y - 2026-01) / 1 yr); at = y; life = 5 yr }
        let capex = total(vintage.amount) * 2
        report capex as $B
        """);
    Explanation x = m.explain("capex", 1, Scenario.BASE, Map.of());
    assertEquals(200, x.values()[0], 1e-9);
    // 10 + 20 + 30 + 40 = 100 before doubling: shares 10 %, 20 %, 30 %, 40 %
    List<Explanation.Contribution> stack = x.contributions();
    assertEquals(List.of("vintage[2026]", "vintage[2027]", "vintage[2028]", "vintage[2029]"),
        stack.stream().map(Explanation.Contribution::member).toList());
    assertArrayEquals(new double[] {10, 20, 30, 40},
        stack.stream().mapToDouble(c -> c.values()[0]).toArray(), 1e-9);
    assertArrayEquals(new double[] {0.1, 0.2, 0.3, 0.4},
        stack.stream().mapToDouble(Explanation.Contribution::share).toArray(), 1e-12);
    assertTrue(stack.stream().allMatch(c -> c.over().equals("vintage")));
    // an input that is not a total has no stack
    assertTrue(x.inputs().stream().allMatch(i -> i.contributions().isEmpty()));
  }

  @Test
  void aSeriesStackSharesAreOverTheTimelineAndFollowOverrides() {
    Model m = Tok.model(MID_YEAR);
    Explanation x = m.explain("depreciation", 1, Scenario.BASE, Map.of("vintage[2028].amount", "$0B"));
    List<Explanation.Contribution> stack = x.contributions();
    assertEquals(3, stack.size());
    // per period, as the total: 2026's vintage is 1, 2, 2, 2, 2, 1, 0, 0 ($B/yr)
    assertArrayEquals(new double[] {1, 2, 2, 2, 2, 1, 0, 0}, stack.get(0).values(), 1e-9);
    // 2026's $10B and 2027's $20B of the $30B left: a third and two thirds, 2028's nothing
    assertEquals(1 / 3.0, stack.get(0).share(), 1e-12);
    assertEquals(2 / 3.0, stack.get(1).share(), 1e-12);
    assertEquals(0, stack.get(2).share(), 1e-12);
  }

  @Test
  void aTotalOfZeroHasNoShares() {
    Explanation x = Tok.model("""
        purchase v[n in 1 to 2] { amount = $0; at = 2026-01; life = 5 yr }
        report all = total(v.amount) as $B
        """).explain("all", 1, Scenario.BASE, Map.of());
    assertEquals(2, x.contributions().size());
    assertTrue(x.contributions().stream().allMatch(c -> Double.isNaN(c.share())));
  }
}

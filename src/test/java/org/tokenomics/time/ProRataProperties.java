package org.tokenomics.time;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.tokenomics.Evaluation;
import org.tokenomics.Tok;

/** Partial periods are pro-rated (LANGUAGE.md §6, v2): active and ramp as time-weighted shares. */
class ProRataProperties {
  private static final String[] STEPS = {"yearly", "quarterly", "monthly"};

  @Test
  void theSpecsExamples() {
    Evaluation y = Tok.eval("timeline 2026 to 2028 yearly\nreport a = active(from: 2026-07)\n"
        + "report r = ramp(from: 2027-01, over: 2 yr)\nreport u = active(until: 2027-04)");
    assertArrayEquals(new double[] {0.5, 1, 1}, y.value("a").series(""), 1e-12);
    assertArrayEquals(new double[] {0, 0.25, 0.75}, y.value("r").series(""), 1e-12);
    assertArrayEquals(new double[] {1, 0.25, 0}, y.value("u").series(""), 1e-12);
    double[] m = Tok.eval("timeline 2026-01 to 2026-12 monthly\nreport r = ramp(from: 2026-07, over: 6 month)")
        .value("r").series("");
    assertEquals(1.0 / 12, m[6], 1e-12);
    assertEquals(11.0 / 12, m[11], 1e-12);
  }

  @Test
  void aRentalStartingInAprilIsChargedThreeQuartersOfItsFirstYear() {
    Evaluation e = Tok.eval("timeline 2026 to 2028 yearly\n"
        + "rental r { capacity = 1 GW; rate = $12B/GW/yr; start = 2026-04; term = 1 yr }\nreport c = r.cash as $B");
    assertArrayEquals(new double[] {-9, -3, 0}, e.value("c").series("$B"), 1e-9);
  }

  @Test
  void aClusterDepreciatesFromItsStartForItsLife() {
    Evaluation e = Tok.eval("timeline 2026 to 2032 yearly\nimport \"std:chips\"\n"
        + "cluster c { chip = H100; chips = 1000 GPU; capex = $100M; life = 4 yr; start = 2026-07 }\n"
        + "report d = c.depreciation as $M/yr\nreport o = c.online as %");
    assertArrayEquals(new double[] {12.5, 25, 25, 25, 12.5, 0, 0}, e.value("d").series("$M/yr"), 1e-9);
    assertEquals(50, e.value("o").series("%")[0], 1e-9);
  }

  /** Summed over a timeline that contains the whole range, active counts the range's length in periods. */
  @Property(tries = 60)
  void activeSumsToItsDurationInPeriods(@ForAll @IntRange(min = 0, max = 2) int step,
                                        @ForAll @IntRange(min = 1, max = 12) int month,
                                        @ForAll @IntRange(min = 1, max = 28) int day,
                                        @ForAll @IntRange(min = 1, max = 60) int months) {
    String from = String.format("2027-%02d-%02d", month, day);
    Evaluation e = Tok.eval("timeline 2026 to 2034 " + STEPS[step] + "\nreport n = sum(active(from: " + from + ", for: "
        + months + " month))\nreport len = dt as month");
    double periodMonths = e.value("len").series("month")[0];
    assertEquals(months / periodMonths, e.value("n").in(""), 1e-9);
  }

  /** A ramp is a share of each period (0 to 1) that never falls, and it averages to what it covers. */
  @Property(tries = 60)
  void rampIsBetweenZeroAndOneAndMonotone(@ForAll @IntRange(min = 0, max = 2) int step,
                                          @ForAll @IntRange(min = 1, max = 12) int month,
                                          @ForAll @IntRange(min = 1, max = 28) int day,
                                          @ForAll @IntRange(min = 0, max = 40) int months) {
    String from = String.format("2027-%02d-%02d", month, day);
    double[] r = Tok.eval("timeline 2026 to 2034 " + STEPS[step] + "\nreport r = ramp(from: " + from + ", over: "
        + months + " month)").value("r").series("");
    for (int i = 0; i < r.length; i++) {
      assertTrue(r[i] >= 0 && r[i] <= 1, r[i] + " outside [0, 1]");
      assertTrue(i == 0 || r[i] >= r[i - 1], "the ramp falls at period " + i);
    }
    assertEquals(1, r[r.length - 1], 0);
  }
}

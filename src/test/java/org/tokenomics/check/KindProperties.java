package org.tokenomics.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.tokenomics.Evaluation;
import org.tokenomics.Tok;

/** Invariants of the prelude's cluster over random chips and clusters. */
class KindProperties {
  @Property(tries = 60)
  void clusterPowerLaws(@ForAll @DoubleRange(min = 100, max = 2000) double watts,
                        @ForAll @IntRange(min = 1, max = 1_000_000) int chips,
                        @ForAll @DoubleRange(min = 1.0, max = 2.0) double pue) {
    Evaluation e = Tok.eval("chip c { power = " + watts + " W/GPU }\n"
        + "cluster site { chip = c; chips = " + chips + " GPU; pue = " + pue + " }\n"
        + "report it = site.it_power as W\nreport fac = site.facility_power as W");
    double it = e.value("it").in("W");
    assertEquals(chips * watts, it, chips * watts * 1e-12);
    assertEquals(it * pue, e.value("fac").in("W"), it * pue * 1e-12);
  }

  @Property(tries = 60)
  void chipsFromFacilityPowerGiveItBack(@ForAll @DoubleRange(min = 100, max = 2000) double watts,
                                        @ForAll @DoubleRange(min = 0.01, max = 10) double gigawatts,
                                        @ForAll @DoubleRange(min = 1.0, max = 2.0) double pue) {
    Evaluation e = Tok.eval("chip c { power = " + watts + " W/GPU }\n"
        + "cluster site { chip = c; facility_power = " + gigawatts + " GW; pue = " + pue + " }\n"
        + "report n = site.chips as GPU");
    double n = e.value("n").in("GPU");
    Evaluation back = Tok.eval("chip c { power = " + watts + " W/GPU }\n"
        + "cluster site { chip = c; chips = " + n + " GPU; pue = " + pue + " }\n"
        + "report fac = site.facility_power as GW");
    assertEquals(gigawatts, back.value("fac").in("GW"), gigawatts * 1e-12);
  }
}

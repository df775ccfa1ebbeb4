package org.tokenomics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** explain shows a value in the unit it was given in: its literal's, its declared type's, or the value it names. */
class ExplainUnitsTest {
  static final Model MODEL = Tokenomics.standard().compile("colo.tok", """
      import "std:chips"
      timeline 2026 to 2027 yearly
      param colo_price = 140 $/kW/month
      param power_price = 60 $/MWh
      let colo_again = colo_price
      cluster site { chip = H100; chips = 10k GPU; colocation = colo_price; energy_price = power_price }
      report colo = site.colocation_cost as $M/yr
      report again = colo_again * 1 kW * 1 yr as $
      """).model();

  private static Explanation input(Explanation e, String name) {
    return e.inputs().stream().filter(i -> i.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + e));
  }

  @Test
  void anAttributeSetToAParamIsShownInItsDeclaredUnitNotInDollarsPerJoule() {
    Explanation cost = MODEL.explain("site.colocation_cost", 3, Scenario.BASE, Map.of());
    Explanation colo = input(cost, "site.colocation");
    assertEquals("$/kW/month", colo.unit());
    assertEquals(140, colo.values()[0], 1e-9);
    assertEquals("$/kW/month", input(colo, "colo_price").unit());
    // a declared unit that is the dimension's own readable unit is still scaled: 7 MW, not 7,000,000 W
    assertEquals("MW", input(cost, "site.it_power").unit());
  }

  @Test
  void aLetThatOnlyNamesAParamIsShownInThatParamsUnit() {
    Explanation again = MODEL.explain("colo_again", 1, Scenario.BASE, Map.of());
    assertEquals("$/kW/month", again.unit());
    assertEquals(140, again.values()[0], 1e-9);
  }

  @Test
  void anOverriddenValueKeepsTheDeclaredUnit() {
    Explanation e = MODEL.explain("site.energy_price", 1, Scenario.BASE, Map.of("power_price", "80 $/MWh"));
    assertEquals("$/MWh", e.unit());
    assertEquals(80, e.values()[0], 1e-9);
    Explanation colo = MODEL.explain("site.colocation", 0, Scenario.BASE, Map.of("colo_price", "0.2 $/kW/h"));
    assertEquals("$/kW/month", colo.unit());
    assertEquals(0.2 * 730, colo.values()[0], 1e-9); // a month is a twelfth of a 365-day year
  }
}

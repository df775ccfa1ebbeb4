package org.tokenomics.testing;

/** Tok sources shared by the tests. */
public final class Models {
  private Models() {}

  /** The 1 GW back-of-envelope of the README, with an assertion and a scenario. */
  public static final String PAYBACK = """
      timeline 2026 to 2030 yearly
      param capex_per_gw = $50B/GW
      param gross_margin = 50 %
      let capex        = capex_per_gw * 1 GW
      let depreciation = capex / 5 yr
      let revenue      = if year >= 2028 then depreciation / (1 - gross_margin) else $0/yr
      report depreciation as $B/yr
      report revenue as $B/yr
      report npv = npv(revenue * dt, 8 %, initial: capex) as $B
      assert gross_margin < 100 % "a gross margin of 100% or more is not a margin"
      scenario bear { gross_margin = 30 % }
      """;
}

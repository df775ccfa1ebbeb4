package org.tokenomics.mc;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Random valid serving models, written as Tok source, for the property tests. */
record ServingModels(boolean timeline, double power, double chipPrice, int chips, double pue, double energy,
                     double throughput, double outPrice, double inputShare, double ratio, double utilLow,
                     double utilHigh, double rampYears, double colo) {

  static Arbitrary<ServingModels> any() {
    Arbitrary<double[]> site = Combinators.combine(
        Arbitraries.doubles().between(300, 1500), Arbitraries.doubles().between(5_000, 60_000),
        Arbitraries.integers().between(100, 200_000), Arbitraries.doubles().between(1.05, 1.6),
        Arbitraries.doubles().between(10, 250), Arbitraries.doubles().between(0, 200))
        .as((p, price, n, pue, e, colo) -> new double[] {p, price, n, pue, e, colo});
    Arbitrary<double[]> serving = Combinators.combine(
        Arbitraries.doubles().between(20, 5_000), Arbitraries.doubles().between(0.05, 80),
        Arbitraries.doubles().between(0.05, 1), Arbitraries.doubles().between(0.2, 10),
        Arbitraries.doubles().between(5, 95), Arbitraries.doubles().between(1, 60),
        Arbitraries.doubles().between(0, 2))
        .as((t, out, share, ratio, lo, width, ramp) -> new double[] {t, out, share, ratio, lo, Math.min(100, lo + width), ramp});
    return Combinators.combine(Arbitraries.of(true, false), site, serving).as((tl, s, v) ->
        new ServingModels(tl, s[0], s[1], (int) s[2], s[3], s[4], v[0], v[1], v[2], v[3], v[4], v[5], tl ? v[6] : 0, s[5]));
  }

  /** The source; {@code out_price} and {@code util} are params (util uncertain), plus reports and a solve. */
  String source() {
    return String.format(Locale.ROOT, """
        %s
        param out_price = %.6f $/Mtok
        param util = uniform(%.4f %%, %.4f %%)
        param chip_price = triangular(%.2f $/GPU, %.2f $/GPU, %.2f $/GPU)
        chip C { power = %.3f W/GPU; price = chip_price }
        cluster site { chip = C; chips = %d GPU; pue = %.4f; energy_price = %.4f $/MWh; colocation = %.3f $/kW/month; ramp = %.4f yr }
        model m { throughput = %.3f tok/s/GPU }
        price p { input = %.6f * out_price; output = out_price; ratio = %.4f }
        serving svc { cluster = site; model = m; price = p; utilization = util }
        report revenue = svc.revenue as $M/yr
        report cost = svc.cost as $M/yr
        report tokens = svc.tokens as Btok/yr
        report cpt = svc.cost_per_token as $/Mtok
        report margin = svc.gross_margin as %%
        report total_revenue = sum(svc.revenue * dt) as $M
        report total_cost = sum(svc.cost * dt) as $M
        solve breakeven for out_price so that sum(svc.revenue * dt) == sum(svc.cost * dt) within 1e-9 $/Mtok to 1e9 $/Mtok
        report breakeven as $/Mtok
        scenario dear { out_price = %.6f $/Mtok }
        """, timeline ? "timeline 2026-01 to 2027-12 monthly" : "", outPrice, utilLow, utilHigh,
        chipPrice * 0.7, chipPrice, chipPrice * 1.5, power, chips, pue, energy, colo, rampYears, throughput, inputShare,
        ratio, outPrice * 2);
  }
}

package org.tokenomics.bench;

import org.tokenomics.dist.Dist;
import org.tokenomics.dist.Quantile;
import org.tokenomics.time.Dates;
import org.tokenomics.units.Units;

/**
 * {@code sixty-months.tok} written by hand in Java: the baseline Tok is measured against. The
 * same formulas in base units (seconds, joules, dollars), one fused loop over the 60 months, the
 * reports written into arrays. {@link Bench#check} makes sure both give the same numbers.
 */
public final class HandWritten {
  private HandWritten() {}

  static final int PERIODS = 60;
  static final double MONTH = Units.MONTH;
  static final double YEAR = Units.YEAR;
  static final double FIRST = Dates.of(2026, 1, 1);
  static final double GW = 1e9;
  static final double B = 1e9;

  /** The params; the three uncertain ones are set per sample (or to their medians). */
  static final class Inputs {
    double capacity = 2 * GW;
    double buildStart = Dates.of(2026, 3, 1);
    double buildTime = 18 * MONTH;
    double demandStart = 2 * B / YEAR;
    double demandGrowth;
    double priceHalving = 24 * MONTH;
    double valuePerGw = 25 * B / GW / YEAR;
    double capexPerGw;
    double opexShare = 0.30;
    double powerPrice;
    double pue = 1.25;
    double discount = 0.09;
    double life = 5 * YEAR;

    static final double[] GROWTH = {0.02, 0.06};
    static final double[] CAPEX = {40 * B / GW, 55 * B / GW};
    static final double[] POWER = {50 / (Units.HOUR * 1e6), 120 / (Units.HOUR * 1e6)};

    /** The deterministic run: every distribution at its median. */
    static Inputs medians() {
      return draw(0.5, 0.5, 0.5);
    }

    /** The params for uniform draws {@code u} (in the model's param order). */
    static Inputs draw(double uGrowth, double uCapex, double uPower) {
      Inputs in = new Inputs();
      in.set(uGrowth, uCapex, uPower);
      return in;
    }

    // Prepared once, as Tok prepares a param's quantile function once (dist.Prepared).
    private static final Quantile Q_GROWTH = Dist.prepare("uniform", GROWTH);
    private static final Quantile Q_CAPEX = Dist.prepare("uniform", CAPEX);
    private static final Quantile Q_POWER = Dist.prepare("lognormal", POWER);

    void set(double uGrowth, double uCapex, double uPower) {
      demandGrowth = Q_GROWTH.at(uGrowth);
      capexPerGw = Q_CAPEX.at(uCapex);
      powerPrice = Q_POWER.at(uPower);
    }
  }

  /** The eleven reports: ten series and the npv. */
  static final class Outputs {
    final double[] revenue;
    final double[] opex;
    final double[] ebitda;
    final double[] cash;
    final double[] online;
    final double[] demand;
    final double[] powerCost;
    final double[] depreciation;
    final double[] margin;
    final double[] cumulativeCash;
    double value;

    /** Sixty months. */
    Outputs() {
      this(PERIODS);
    }

    /** {@code periods} months from January 2026 (long-600.tok: 600). */
    Outputs(int periods) {
      revenue = new double[periods];
      opex = new double[periods];
      ebitda = new double[periods];
      cash = new double[periods];
      online = new double[periods];
      demand = new double[periods];
      powerCost = new double[periods];
      depreciation = new double[periods];
      margin = new double[periods];
      cumulativeCash = new double[periods];
    }

    /** The reports' names, and the size of each one's display unit in base units ($B/yr, GW …). */
    static final String[] NAMES = {"revenue", "opex", "ebitda", "cash", "online", "demand", "power_cost",
        "depreciation", "margin", "cumulative_cash", "value"};
    static final double[] DISPLAY = {B / YEAR, B / YEAR, B / YEAR, B, GW, B / YEAR, B / YEAR, B / YEAR, 0.01, B, B};

    double[][] series() {
      return new double[][] {revenue, opex, ebitda, cash, online, demand, powerCost, depreciation, margin,
          cumulativeCash};
    }
  }

  /** Evaluates the model into fresh arrays. */
  static Outputs evaluate(Inputs in) {
    Outputs out = new Outputs();
    evaluate(in, out);
    return out;
  }

  /** Evaluates the model over {@code periods} months into fresh arrays. */
  static Outputs evaluate(Inputs in, int periods) {
    Outputs out = new Outputs(periods);
    evaluate(in, out);
    return out;
  }

  /** ∫ from 0 to u of clamp(τ / over, 0, 1) dτ. */
  private static double rampIntegral(double u, double over) {
    return u <= 0 ? 0 : u <= over ? u * u / (2 * over) : over / 2 + (u - over);
  }

  /** Evaluates the model into {@code out} (as many months as its arrays hold). */
  static void evaluate(Inputs in, Outputs out) {
    double capexSpend = in.capexPerGw * in.capacity / in.buildTime;
    double buildEnd = in.buildStart + in.buildTime;
    double acc = 0;
    double npv = 0;
    int periods = out.revenue.length;
    for (int p = 0; p < periods; p++) {
      double start = FIRST + p * MONTH;
      double end = start + MONTH;
      double t = start - FIRST;
      // ramp(from:, over:) is the month's average of the clamped ramp (LANGUAGE.md §6, v2)
      double online = in.capacity * (rampIntegral(end - in.buildStart, in.buildTime)
          - rampIntegral(start - in.buildStart, in.buildTime)) / MONTH;
      double priceIndex = Math.pow(0.5, t / in.priceHalving);
      double demand = in.demandStart * Math.pow(1 + in.demandGrowth, t / MONTH);
      double revenue = Math.min(demand, online * in.valuePerGw * priceIndex);
      double powerCost = online * in.pue * in.powerPrice;
      double opex = revenue * in.opexShare + powerCost;
      boolean building = start >= in.buildStart - 1e-6 && start < buildEnd - 1e-6;
      double ebitda = revenue - opex;
      double cash = (ebitda - (building ? capexSpend : 0)) * MONTH;
      acc += cash;
      npv += cash / Math.pow(1 + in.discount, (end - FIRST) / YEAR);
      out.revenue[p] = revenue;
      out.opex[p] = opex;
      out.ebitda[p] = ebitda;
      out.cash[p] = cash;
      out.online[p] = online;
      out.demand[p] = demand;
      out.powerCost[p] = powerCost;
      out.depreciation[p] = in.capexPerGw * online / in.life;
      out.margin[p] = revenue > 0 ? ebitda / revenue : 0;
      out.cumulativeCash[p] = acc;
    }
    out.value = npv;
  }
}

package org.tokenomics.bench;

import org.tokenomics.units.Units;

/**
 * {@code minmax-months.tok} written by hand in Java: the same formulas in base units (seconds,
 * GPUs, dollars), one loop over the 60 months, each month's values in locals, the reports written
 * into arrays.
 */
final class HandWrittenMinMax {
  private HandWrittenMinMax() {}

  static final int PERIODS = 60;
  static final double MONTH = Units.MONTH;
  static final double HOUR = Units.HOUR;

  // the params of minmax-months.tok, in base units
  static final double GPUS = 20_000;
  static final double POWER_CAP = 12_000;
  static final double POWER_STEP = 250;
  static final double DEMAND_START = 6_000;
  static final double DEMAND_GROWTH = 0.04;
  static final double CONTRACT_SHARE = 0.40;
  static final double SPOT_PRICE = 2.4 / HOUR;
  static final double CONTRACT_RATE = 1.9 / HOUR;
  static final double FLOOR_PRICE = 1.1 / HOUR;
  static final double PENALTY_RATE = 0.3 / HOUR;
  static final double OPEX_RATE = 0.45 / HOUR;
  static final double FIXED_COST = 5e6 / MONTH;
  static final double TAX_RATE = 0.25;

  /** The reports, in the model's order. */
  static final String[] NAMES = {"served", "revenue", "cost", "profit", "tax", "margin", "price"};

  /** Evaluates the model into fresh arrays, one per report of {@link #NAMES}. */
  static double[][] evaluate() {
    double[] servedOut = new double[PERIODS];
    double[] revenueOut = new double[PERIODS];
    double[] costOut = new double[PERIODS];
    double[] profitOut = new double[PERIODS];
    double[] taxOut = new double[PERIODS];
    double[] marginOut = new double[PERIODS];
    double[] priceOut = new double[PERIODS];
    double contractedCap = GPUS * CONTRACT_SHARE;
    for (int p = 0; p < PERIODS; p++) {
      double t = p * MONTH;
      double demand = DEMAND_START * Math.pow(1 + DEMAND_GROWTH, t / MONTH);
      double capacity = Math.min(GPUS, POWER_CAP + POWER_STEP * p);
      double available = p >= 18 && p < 21 ? capacity * 0.5 : capacity; // the outage
      double served = Math.min(demand, available);
      double unserved = Math.max(demand - available, 0);
      double contracted = Math.min(served, contractedCap);
      double spot = served - contracted;
      double utilisation = served / available;
      double tier = utilisation > 0.9 ? 1.3 : utilisation > 0.7 ? 1 : 0.8;
      double price = Math.max(FLOOR_PRICE, SPOT_PRICE * tier * Math.pow(0.5, t / (30 * MONTH)));
      double dealPrice = Math.max(FLOOR_PRICE, Math.min(CONTRACT_RATE, price * 1.1));
      double revenue = contracted * dealPrice + spot * price;
      double penalty = unserved > 0 ? Math.min(unserved, contractedCap) * PENALTY_RATE : 0;
      double cost = Math.max(FIXED_COST, served * OPEX_RATE) + penalty;
      double profit = revenue - cost;
      double tax = Math.max(profit * TAX_RATE, 0);
      servedOut[p] = served;
      revenueOut[p] = revenue;
      costOut[p] = cost;
      profitOut[p] = profit;
      taxOut[p] = tax;
      marginOut[p] = revenue > 0 ? (profit - tax) / revenue : 0;
      priceOut[p] = price;
    }
    return new double[][] {servedOut, revenueOut, costOut, profitOut, taxOut, marginOut, priceOut};
  }
}

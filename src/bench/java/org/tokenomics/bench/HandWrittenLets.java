package org.tokenomics.bench;

import org.tokenomics.units.Units;

/**
 * {@code many-lets.tok} written by hand in Java: the twelve product lines' params in arrays, one
 * loop over the 60 months with the lines inside it, each line's values in locals, the totals
 * written into arrays and the npv added up as it goes.
 */
final class HandWrittenLets {
  private HandWrittenLets() {}

  static final int PERIODS = 60;
  static final int LINES = 12;
  static final double MONTH = Units.MONTH;
  static final double YEAR = Units.YEAR;

  static final double CONVERSION = 0.06;
  static final double SUPPORT_COST = 1.5 / MONTH;
  static final double TOKEN_COST = 0.6;
  static final double DISCOUNT = 0.10;

  // each line's params, as many-lets.tok's script made them (line k = 1 … 12)
  static final double[] USERS = new double[LINES];
  static final double[] GROWTH = new double[LINES];
  static final double[] ARPU = new double[LINES];
  static final double[] MTOK = new double[LINES];
  static final double[] FIXED = new double[LINES];

  static {
    for (int i = 0; i < LINES; i++) {
      int k = i + 1;
      USERS[i] = 50_000 + 17_000 * k;
      GROWTH[i] = (1.5 + 0.25 * k) / 100;
      ARPU[i] = (12 + 3 * k) / MONTH;
      MTOK[i] = 0.5 + 0.4 * k;
      FIXED[i] = (0.2 + 0.05 * k) * 1e6 / MONTH;
    }
  }

  /** The reports, in the model's order (the last, {@code value}, is a scalar). */
  static final String[] NAMES = {"revenue", "compute", "net", "floor", "best_margin", "value"};

  /** Evaluates the model into fresh arrays, one per report of {@link #NAMES}. */
  static double[][] evaluate() {
    double[] revenueOut = new double[PERIODS];
    double[] computeOut = new double[PERIODS];
    double[] netOut = new double[PERIODS];
    double[] floorOut = new double[PERIODS];
    double[] marginOut = new double[PERIODS];
    double npv = 0;
    for (int p = 0; p < PERIODS; p++) {
      double t = p * MONTH;
      double priceIndex = Math.pow(0.5, t / (18 * MONTH));
      double revenue = 0;
      double compute = 0;
      double net = 0;
      double floor = 0;
      double best = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < LINES; i++) {
        double active = USERS[i] * Math.pow(1 + GROWTH[i], t / MONTH);
        double paying = active * CONVERSION;
        double lineRevenue = paying * ARPU[i];
        double lineCompute = active * MTOK[i] * TOKEN_COST * priceIndex / MONTH;
        double lineNet = lineRevenue - lineCompute - paying * SUPPORT_COST - FIXED[i];
        revenue += lineRevenue;
        compute += lineCompute;
        net += lineNet;
        floor += Math.max(lineNet, -FIXED[i]);
        best = Math.max(best, lineRevenue > 0 ? lineNet / lineRevenue : 0);
      }
      revenueOut[p] = revenue;
      computeOut[p] = compute;
      netOut[p] = net;
      floorOut[p] = floor;
      marginOut[p] = best;
      npv += net * MONTH / Math.pow(1 + DISCOUNT, (p + 1) * MONTH / YEAR);
    }
    return new double[][] {revenueOut, computeOut, netOut, floorOut, marginOut, {npv}};
  }
}

package org.tokenomics.bench;

import org.tokenomics.units.Units;

/**
 * {@code recurrence-months.tok} written by hand in Java: the baseline of {@link RecurrenceBench}.
 * The same formulas in base units (seconds, watts, dollars), in the same order, one loop over the
 * 60 months carrying last month's balances in locals, the reports written into arrays.
 */
public final class HandWrittenRecurrence {
  private HandWrittenRecurrence() {}

  static final int PERIODS = 60;
  static final double MONTH = Units.MONTH;
  static final double YEAR = Units.YEAR;
  static final double MW = 1e6;
  static final double M = 1e6;

  // the params of recurrence-months.tok, in base units
  static final double CAPACITY = 300 * MW;
  static final double TARIFF = 3.6 * M / MW / YEAR;
  static final double OPEX_SHARE = 0.35;
  static final double SHOCK = 0.35;
  static final double LOAN = 2.5e9;
  static final double TENOR = 15 * YEAR;
  static final double RATE = 0.075;
  static final double TARGET_DSCR = 1.30;
  static final double LOCKUP_DSCR = 1.20;
  static final double RESERVE_COVER = 3;
  static final double MINIMUM_CASH = 25 * M;
  static final double OPENING_CASH = 60 * M;
  static final double PAYOUT = 0.80;
  static final double TAX_RATE = 0.21;
  static final double LIFE = 12 * YEAR;

  /** The eight series reports, in the model's order. */
  static final String[] NAMES = {"balance", "service", "reserve", "cash", "dividend", "sweep", "tax", "loss_pool"};

  /** Evaluates the model into fresh arrays, one per report of {@link #NAMES}. */
  static double[][] evaluate() {
    double[] balanceOut = new double[PERIODS];
    double[] serviceOut = new double[PERIODS];
    double[] reserveOut = new double[PERIODS];
    double[] cashOut = new double[PERIODS];
    double[] dividendOut = new double[PERIODS];
    double[] sweepOut = new double[PERIODS];
    double[] taxOut = new double[PERIODS];
    double[] lossOut = new double[PERIODS];
    double balance = LOAN;
    double cash = OPENING_CASH;
    double reserve = 0;
    double lossPool = 0;
    double lockLeft = 0;
    double depreciation = LOAN / LIFE * MONTH;
    for (int p = 0; p < PERIODS; p++) {
      int year = 2026 + p / 12;
      double rampUp = Math.min((p + 1) / 18.0, 1);
      double revenue = CAPACITY * TARIFF * rampUp;
      double cfads = revenue * (1 - OPEX_SHARE - (year == 2028 ? SHOCK : 0)) * MONTH;

      double interest = balance * RATE * MONTH / YEAR;
      double scheduled = p < 6 ? 0 : Math.min(Math.max(cfads / TARGET_DSCR - interest, LOAN / TENOR * MONTH), balance);
      double service = interest + scheduled;
      lockLeft = cfads < service * LOCKUP_DSCR ? 3 : Math.max(lockLeft - 1, 0);
      boolean locked = lockLeft > 0;

      double taxable = cfads - interest - depreciation;
      double sheltered = Math.min(Math.max(taxable, 0), lossPool);
      double tax = (Math.max(taxable, 0) - sheltered) * TAX_RATE;
      lossPool = lossPool + Math.max(-taxable, 0) - sheltered;

      double available = cash + cfads - service - tax;
      double toReserve = Math.max(Math.min(RESERVE_COVER * service - reserve, available - MINIMUM_CASH), 0);
      reserve = reserve + toReserve;
      double excess = Math.max(available - toReserve - MINIMUM_CASH, 0);
      double sweep = locked ? Math.min(excess, balance - scheduled) : 0;
      double dividend = locked ? 0 : excess * PAYOUT;
      cash = available - toReserve - sweep - dividend;
      balance = balance - scheduled - sweep;

      balanceOut[p] = balance;
      serviceOut[p] = service;
      reserveOut[p] = reserve;
      cashOut[p] = cash;
      dividendOut[p] = dividend;
      sweepOut[p] = sweep;
      taxOut[p] = tax;
      lossOut[p] = lossPool;
    }
    return new double[][] {balanceOut, serviceOut, reserveOut, cashOut, dividendOut, sweepOut, taxOut, lossOut};
  }
}

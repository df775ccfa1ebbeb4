package org.tokenomics.bench;

import org.tokenomics.time.Dates;
import org.tokenomics.units.Units;

/**
 * {@code family-1000.tok} written by hand in Java: one loop over the 60 months with the 1,000
 * racks inside it, each rack's pro-rated share of the month (its ramp, less the part after its
 * term) computed in place and added up (LANGUAGE.md §6 v2: a share closer than a millisecond to
 * 0 or 1 is 0 or 1, as in the prelude's {@code rental}).
 */
final class HandWrittenFamily {
  private HandWrittenFamily() {}

  static final int PERIODS = 60;
  static final int MEMBERS = 1_000;
  static final double MONTH = Units.MONTH;
  static final double FIRST = Dates.of(2026, 1, 1);
  static final double DAY = 86_400;
  static final double CAPACITY = 8;
  static final double RATE = 2 / Units.HOUR;
  static final double TERM = 3 * Units.YEAR;
  static final double RAMP = 6 * MONTH;
  static final double EPS = 1e-3;

  /** The one report. */
  static final String[] NAMES = {"cash"};

  /** Evaluates the model into a fresh array. */
  static double[][] evaluate() {
    double[] cash = new double[PERIODS];
    for (int p = 0; p < PERIODS; p++) {
      double s = FIRST + p * MONTH;
      double e = s + MONTH;
      double acc = 0;
      for (int n = 1; n <= MEMBERS; n++) {
        double start = FIRST + n * DAY;
        double share = Math.max(ramp(s, e, start) - after(s, e, start + TERM), 0);
        acc += -(CAPACITY * RATE * share * MONTH);
      }
      cash[p] = acc;
    }
    return new double[][] {cash};
  }

  /** The share of [s, e) after {@code from}. */
  private static double after(double s, double e, double from) {
    double overlap = e - Math.max(s, from);
    return overlap <= EPS ? 0 : overlap >= e - s - EPS ? 1 : overlap / (e - s);
  }

  /** The average over [s, e) of clamp((τ − d) / RAMP, 0, 1). */
  private static double ramp(double s, double e, double d) {
    double avg = (integral(e - d) - integral(s - d)) / (e - s);
    return avg <= EPS / (e - s) ? 0 : avg >= 1 - EPS / (e - s) ? 1 : avg;
  }

  private static double integral(double u) {
    return u <= 0 ? 0 : u <= RAMP ? u * u / (2 * RAMP) : RAMP / 2 + (u - RAMP);
  }
}

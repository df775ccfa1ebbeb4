package org.tokenomics.time;

import java.time.YearMonth;
import org.tokenomics.units.Units;

/**
 * Dates as model time: seconds since year 0 on a calendar whose months are all exactly a twelfth
 * of a year. A day inside a month is that fraction of the month, so period boundaries fall on
 * exact month starts and {@code 2026-07 - 2026-01} is exactly 6 months.
 */
public final class Dates {
  private Dates() {}

  /** Model time of a date; {@code day} 0 or 1 means the first of the month. */
  public static double of(int year, int month, int day) {
    double months = year * 12.0 + (month - 1);
    if (day > 1) {
      months += (day - 1) / (double) YearMonth.of(year, month).lengthOfMonth();
    }
    return months * Units.MONTH;
  }

  /** Is this a real calendar date? */
  public static boolean valid(int year, int month, int day) {
    if (month < 1 || month > 12 || year < 1 || year > 9999) {
      return false;
    }
    return day == 0 || (day >= 1 && day <= YearMonth.of(year, month).lengthOfMonth());
  }

  /** Months since year 0, rounded down. */
  public static long monthIndex(double time) {
    return (long) Math.floor(time / Units.MONTH + 1e-9);
  }

  public static int year(double time) {
    return (int) Math.floorDiv(monthIndex(time), 12);
  }

  public static int month(double time) {
    return (int) Math.floorMod(monthIndex(time), 12) + 1;
  }

  /** {@code 2027-06}, or {@code 2027-06-15} when the date is not on a month start. */
  public static String format(double time) {
    long m = monthIndex(time);
    int year = (int) Math.floorDiv(m, 12);
    int month = (int) Math.floorMod(m, 12) + 1;
    double frac = time / Units.MONTH - m;
    if (frac < 1e-9 || year < 1 || year > 9999) {
      return String.format("%04d-%02d", year, month);
    }
    int day = 1 + (int) Math.round(frac * YearMonth.of(year, month).lengthOfMonth());
    return String.format("%04d-%02d-%02d", year, month, day);
  }
}

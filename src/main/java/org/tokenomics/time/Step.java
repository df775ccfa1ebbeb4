package org.tokenomics.time;

import org.tokenomics.units.Units;

/** The length of a timeline's periods. */
public enum Step {
  YEARLY(12, Units.YEAR), QUARTERLY(3, Units.QUARTER), MONTHLY(1, Units.MONTH);

  private final int months;
  private final double seconds;

  Step(int months, double seconds) {
    this.months = months;
    this.seconds = seconds;
  }

  public int months() {
    return months;
  }

  public double seconds() {
    return seconds;
  }

  public static Step parse(String word) {
    return switch (word) {
      case "yearly" -> YEARLY;
      case "quarterly" -> QUARTERLY;
      default -> MONTHLY;
    };
  }
}

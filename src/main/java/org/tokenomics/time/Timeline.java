package org.tokenomics.time;

import java.util.Arrays;
import org.tokenomics.units.Units;

/**
 * The periods of a model. Without a {@code timeline} declaration the model is static: one period
 * of one year starting 2026-01, and every value is a scalar.
 */
public final class Timeline {
  private final boolean declared;
  private final Step step;
  private final double[] starts;
  private final String[] labels;
  private final double[] years;
  /** Years from the first start to each period's start and end (for the finance functions). */
  private final double[] startYears;
  private final double[] endYears;
  private final java.util.List<String> labelList;

  private Timeline(boolean declared, Step step, double start, int count) {
    this.declared = declared;
    this.step = step;
    this.starts = new double[count];
    this.labels = new String[count];
    this.years = new double[count];
    this.startYears = new double[count];
    this.endYears = new double[count];
    for (int i = 0; i < count; i++) {
      starts[i] = start + i * step.seconds();
      years[i] = Dates.year(starts[i]);
      labels[i] = label(starts[i]);
    }
    for (int i = 0; i < count; i++) {
      startYears[i] = (start(i) - first()) / Units.YEAR;
      endYears[i] = (end(i) - first()) / Units.YEAR;
    }
    this.labelList = java.util.List.of(labels);
  }

  /** The static model's single period. */
  public static Timeline none() {
    return new Timeline(false, Step.YEARLY, Dates.of(2026, 1, 1), 1);
  }

  /** Periods of {@code step} from {@code start} while their start lies before {@code endExclusive}. */
  public static Timeline of(double start, double endExclusive, Step step) {
    int count = (int) Math.max(0, Math.ceil((endExclusive - start) / step.seconds() - 1e-9));
    return new Timeline(true, step, start, count);
  }

  /** How many periods {@code of} would make, without making them (for limits). */
  public static long count(double start, double endExclusive, Step step) {
    return (long) Math.max(0, Math.ceil((endExclusive - start) / step.seconds() - 1e-9));
  }

  private String label(double time) {
    int year = Dates.year(time);
    int month = Dates.month(time);
    // EMBEDDING.md §3: a period is labelled by the year, quarter or month it starts in.
    return switch (step) {
      case YEARLY -> String.valueOf(year);
      case QUARTERLY -> year + "-Q" + ((month - 1) / 3 + 1);
      case MONTHLY -> String.format("%04d-%02d", year, month);
    };
  }

  public boolean declared() {
    return declared;
  }

  public Step step() {
    return step;
  }

  public int size() {
    return starts.length;
  }

  public double start(int p) {
    return starts[p];
  }

  public double end(int p) {
    return starts[p] + step.seconds();
  }

  /** Period length in seconds (every period of a timeline has the same length). */
  public double length() {
    return step.seconds();
  }

  public double first() {
    return starts[0];
  }

  public double year(int p) {
    return years[p];
  }

  public String label(int p) {
    return labels[p];
  }

  public String[] labels() {
    return labels.clone();
  }

  /** The labels as an immutable list (shared). */
  public java.util.List<String> labelList() {
    return labelList;
  }

  /** Years from the first period's start to each period's start. Shared: do not modify. */
  public double[] startYears() {
    return startYears;
  }

  /** Years from the first period's start to each period's end. Shared: do not modify. */
  public double[] endYears() {
    return endYears;
  }

  /** The period containing model time {@code time}, or -1 outside the timeline. */
  public int indexOf(double time) {
    double offset = (time - starts[0]) / step.seconds();
    if (offset < -1e-9) {
      return -1;
    }
    int p = (int) Math.floor(offset + 1e-9);
    return p >= starts.length ? -1 : p;
  }

  @Override
  public String toString() {
    return declared ? labels[0] + " to " + labels[labels.length - 1] + " " + step.name().toLowerCase()
        : "static";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Timeline t && t.declared == declared && t.step == step && Arrays.equals(t.starts, starts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(starts);
  }
}

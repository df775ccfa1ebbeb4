package org.tokenomics.eval.series;

import org.tokenomics.diag.Code;
import org.tokenomics.eval.EvalError;
import org.tokenomics.eval.Frame;
import org.tokenomics.eval.Node;
import org.tokenomics.eval.Nodes;
import org.tokenomics.syntax.Span;
import org.tokenomics.time.Dates;

/**
 * {@code csv(…)} (LANGUAGE.md §12): rows read when the model compiled (dates as model time,
 * strictly increasing; plain numbers), aggregated into each period. A period without rows carries
 * the latest earlier row forward under {@code mean} and {@code last} and is 0 under {@code sum};
 * a period before the first row is TOK500 at the call. Evaluation never reads a file.
 */
public final class DataSeries extends Node {
  /** How the rows inside one period become its value. */
  public enum Aggregate { MEAN, SUM, LAST }

  private final double[] dates;
  private final double[] values;
  private final Aggregate aggregate;
  private final Span span;
  private final String file;

  /**
   * @param dates     the rows' dates (model time), strictly increasing, at least one
   * @param values    the rows' numbers
   * @param aggregate how a period's rows are combined
   * @param span      the call (for "no data before …")
   * @param file      the data file's name, for messages
   * @param series    whether the model has a timeline
   */
  public DataSeries(double[] dates, double[] values, Aggregate aggregate, Span span, String file, boolean series) {
    super(series);
    this.dates = dates.clone();
    this.values = values.clone();
    this.aggregate = aggregate;
    this.span = span;
    this.file = file;
  }

  @Override
  public Node[] children() {
    return Nodes.NONE;
  }

  @Override
  public double eval(Frame f, int p) {
    return valueIn(f.timeline, p);
  }

  /**
   * The rows of period {@code p} aggregated (the workbook exporter writes these as a data row).
   *
   * @param timeline the model's timeline
   * @param p        a period of it
   * @return the period's value
   */
  public double valueIn(org.tokenomics.time.Timeline timeline, int p) {
    double start = timeline.start(p);
    double end = timeline.end(p);
    // Rows are sorted: [lo, hi) are the rows dated inside [start, end).
    int lo = firstAtOrAfter(start);
    int hi = firstAtOrAfter(end);
    if (hi == 0) {
      throw new EvalError(Code.TOK500, span, "no data before " + Dates.format(dates[0]) + " in " + file
          + " for the period " + timeline.label(p), "start the timeline at " + Dates.format(dates[0])
          + " or later, or add earlier rows to " + file);
    }
    if (hi == lo) {
      return aggregate == Aggregate.SUM ? 0 : values[lo - 1];
    }
    return switch (aggregate) {
      case LAST -> values[hi - 1];
      case SUM -> sum(lo, hi);
      case MEAN -> sum(lo, hi) / (hi - lo);
    };
  }

  private double sum(int lo, int hi) {
    double s = 0;
    for (int i = lo; i < hi; i++) {
      s += values[i];
    }
    return s;
  }

  /** The first row dated at or after {@code t} (up to rounding of dates), or the row count. */
  private int firstAtOrAfter(double t) {
    int lo = 0;
    int hi = dates.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (dates[mid] < t - 1e-6) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}

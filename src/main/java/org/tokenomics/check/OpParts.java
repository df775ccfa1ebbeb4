package org.tokenomics.check;


/**
 * What some operations of a typed tree carry in their data, for tools that turn typed trees into
 * something else (the workbook exporter writes them as formulas): the cell a delayed reference
 * reads ({@code prev}, a self-{@code lag}), the keys of a {@code series}/{@code curve}/{@code lookup},
 * the rows of a {@code csv}. The data types themselves stay the checker's own.
 */
public final class OpParts {
  private OpParts() {}

  /**
   * A delayed reference: the cell read and how many periods back.
   *
   * @param slot    the cell read
   * @param periods how many periods back (at least 1)
   */
  public record Delay(int slot, int periods) {}

  /**
   * The constant part of a {@code series}, {@code curve} or {@code lookup}.
   *
   * @param keys        the keys in base units (dates as model time), increasing
   * @param interpolate {@code linear}, {@code step}, {@code log} ({@code sum} for series)
   */
  public record Keys(double[] keys, String interpolate) {}

  /**
   * @param op a {@code prev} operation
   * @return the cell it reads and how far back
   */
  public static Delay delay(TExpr.Op op) {
    Prevs.Use u = (Prevs.Use) op.data();
    return new Delay(u.slot(), u.periods);
  }

  /**
   * @param op a {@code series}, {@code curve} or {@code lookup} operation
   * @return its keys and interpolation
   */
  public static Keys keys(TExpr.Op op) {
    PointCalls.Points p = (PointCalls.Points) op.data();
    return new Keys(p.keys().clone(), p.interpolate());
  }

  /**
   * @param op a {@code csv} operation
   * @return the data file's name as shown
   */
  public static String dataFile(TExpr.Op op) {
    return ((PointCalls.Data) op.data()).file();
  }

  /**
   * @param op a {@code csv} operation
   * @return its aggregate: {@code mean}, {@code sum} or {@code last}
   */
  public static String aggregate(TExpr.Op op) {
    return ((PointCalls.Data) op.data()).aggregate();
  }

  /**
   * The rows of a {@code csv} call, read when the model compiled.
   *
   * @param dates     the rows' dates (model time), increasing
   * @param values    the rows' numbers
   * @param aggregate {@code mean}, {@code sum} or {@code last}
   * @param file      the data file's name as shown
   */
  public record Rows(double[] dates, double[] values, String aggregate, String file) {}

  /**
   * @param op a {@code csv} operation
   * @return its rows
   */
  public static Rows rows(TExpr.Op op) {
    PointCalls.Data d = (PointCalls.Data) op.data();
    return new Rows(d.dates().clone(), d.values().clone(), d.aggregate(), d.file());
  }
}

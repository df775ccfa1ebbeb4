package org.tokenomics.check;

import org.tokenomics.units.Dimension;
import org.tokenomics.units.DimensionFormat;

/**
 * The static type of a value: a quantity of some dimension, a bool, a date or an instance of a
 * kind; and whether it varies by period. {@code ERROR} stands for "already reported" and
 * silences follow-on errors.
 */
public record Type(Tag tag, Dimension dim, boolean series, InstanceSym instance) {

  public enum Tag { NUMBER, BOOL, DATE, INSTANCE, ERROR }

  public static final Type ERROR = new Type(Tag.ERROR, Dimension.NONE, false, null);

  public static Type number(Dimension dim, boolean series) {
    return new Type(Tag.NUMBER, dim, series, null);
  }

  public static Type bool(boolean series) {
    return new Type(Tag.BOOL, Dimension.NONE, series, null);
  }

  public static Type date(boolean series) {
    return new Type(Tag.DATE, Dimension.NONE, series, null);
  }

  public static Type instance(InstanceSym sym) {
    return new Type(Tag.INSTANCE, Dimension.NONE, false, sym);
  }

  public boolean isError() {
    return tag == Tag.ERROR;
  }

  public boolean isNumber() {
    return tag == Tag.NUMBER;
  }

  public Type asSeries(boolean s) {
    return new Type(tag, dim, s, instance);
  }

  /** Same kind of value (ignoring series-ness). */
  public boolean sameShape(Type o) {
    return tag == o.tag && dim.equals(o.dim) && (tag != Tag.INSTANCE || instance == o.instance);
  }

  /** For messages: {@code W/GPU (power per accelerator)}, {@code a date}, {@code an instance of chip}. */
  public String describe() {
    return switch (tag) {
      case NUMBER -> DimensionFormat.describe(dim);
      case BOOL -> "a condition (bool)";
      case DATE -> "a date";
      case INSTANCE -> "an instance of " + instance.kind().name();
      case ERROR -> "an erroneous value";
    };
  }

  /** Short: {@code W/GPU}, {@code date}, {@code bool}, {@code chip}. */
  public String shortName() {
    return switch (tag) {
      case NUMBER -> dim.isNone() ? "a plain number" : DimensionFormat.unitText(dim);
      case BOOL -> "bool";
      case DATE -> "date";
      case INSTANCE -> instance.kind().name();
      case ERROR -> "?";
    };
  }
}

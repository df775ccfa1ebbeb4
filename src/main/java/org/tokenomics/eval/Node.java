package org.tokenomics.eval;

/**
 * A checked, unit-free expression: evaluates to a double (numbers in base units, booleans as
 * 1/0, dates as model time) in period {@code p}. A scalar node ignores {@code p}.
 */
public abstract class Node {
  private final boolean series;

  protected Node(boolean series) {
    this.series = series;
  }

  /** Varies by period? Decided at compile time. */
  public final boolean series() {
    return series;
  }

  public abstract double eval(Frame f, int p);

  /**
   * The nodes this one reads, for the program builder: a cell's dependencies are the cells its
   * node tree refers to ({@link Ref}), found by walking these. A {@link Strict} node's children
   * are its inputs.
   */
  public Node[] children() {
    if (this instanceof Strict s) {
      return s.inputs().clone();
    }
    throw new IllegalStateException(getClass().getName() + " must declare its children");
  }

  /** A constant known at compile time, or NaN. */
  public double constant() {
    return Double.NaN;
  }

  public boolean isConstant() {
    return false;
  }
}

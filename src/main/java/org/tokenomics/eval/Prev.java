package org.tokenomics.eval;

/**
 * A cell's value some whole periods earlier: {@code prev(x, initial: X0)} and {@code lag(x, n)}
 * with a constant n ≥ 1 (LANGUAGE.md §10). Before the first period it has ({@code p < periods})
 * it is the initial value (0 when none is given). It is not a {@link Ref}: it reads an earlier
 * period, so it is no same-period dependency, and a cell may read itself through it. The build
 * pass adds its slot to the reading cell's dependencies, or evaluates both in one {@link Recurrence}.
 */
public final class Prev extends Node {
  private final int slot;
  private final int periods;
  private final Node initial;

  /**
   * @param slot    the cell read
   * @param periods how many periods back (at least 1)
   * @param initial the value before the first period it reaches back to; null for 0
   */
  public Prev(int slot, int periods, Node initial) {
    super(true);
    this.slot = slot;
    this.periods = periods;
    this.initial = initial;
  }

  /** @return the slot of the cell read */
  public int slot() {
    return slot;
  }

  /** @return how many periods back it reads */
  public int periods() {
    return periods;
  }

  /** @return the value before the first period it reaches back to; null for 0 */
  Node initial() {
    return initial;
  }

  @Override
  public Node[] children() {
    return Nodes.of(initial);
  }

  @Override
  public double eval(Frame f, int p) {
    if (p < periods) {
      return initial == null ? 0 : initial.eval(f, p);
    }
    double[] v = f.slots[slot];
    return v.length == 1 ? v[0] : v[p - periods]; // a scalar cell has one value in every period
  }
}

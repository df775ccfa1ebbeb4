package org.tokenomics.eval;

import org.tokenomics.diag.Code;
import org.tokenomics.syntax.Span;

/**
 * The computer of a recurrence group's leader (LANGUAGE.md §10): cells that read each other's
 * earlier periods ({@link Prev}) are computed together, period by period, each period's members in
 * the order of their same-period dependencies. Each member's array is installed in the frame
 * before the first period, so ordinary {@link Ref} and {@link Prev} nodes read the values computed
 * so far; the other members then adopt their arrays ({@link Adopt}). A value that is NaN or
 * infinite is TOK500 at its member, naming the period, as soon as it is computed.
 */
public final class Recurrence implements Computer {
  /**
   * One member of the group.
   *
   * @param slot        its cell
   * @param name        its name, for errors
   * @param span        where its expression is, for errors
   * @param node        its value in one period
   * @param checkFinite whether NaN/infinity is an error (false for dates and bools)
   */
  public record Member(int slot, String name, Span span, Node node, boolean checkFinite) {}

  private final int leader;
  private final Member[] members;

  /**
   * @param leader  the slot whose cell carries this computer (one of the members)
   * @param members every member, in the order they are computed within a period
   */
  public Recurrence(int leader, Member[] members) {
    this.leader = leader;
    this.members = members.clone();
  }

  /** @return the members, in the order they are computed within a period */
  public Member[] members() {
    return members.clone();
  }

  @Override
  public void compute(Frame f, double[] out) {
    int n = out.length;
    double[][] arrays = new double[members.length][];
    for (int i = 0; i < members.length; i++) {
      arrays[i] = members[i].slot() == leader ? out : new double[n];
      f.slots[members[i].slot()] = arrays[i];
    }
    for (int p = 0; p < n; p++) {
      for (int i = 0; i < members.length; i++) {
        Member m = members[i];
        double v = m.node().eval(f, p);
        if (m.checkFinite() && !Double.isFinite(v)) {
          throw new EvalError(Code.TOK500, m.span(), m.name() + " is " + (Double.isNaN(v) ? "not a number (NaN)" : "infinite")
              + " in period " + f.timeline.label(p),
              "check for a division by zero, a logarithm of a non-positive number, or an overflow");
        }
        arrays[i][p] = v;
      }
    }
  }
}

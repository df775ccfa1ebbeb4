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
 *
 * <p>Like a {@link NodeComputer} it interprets its members' nodes until it has run
 * {@link NodeComputer#COMPILE_AFTER} times, then runs the same step as bytecode ({@link GroupStep});
 * both give the same values and errors.
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
  private volatile Computer compiled;
  private volatile boolean generated;
  private int runs; // racy on purpose, as NodeComputer's: a lost increment only delays compilation
  private final Computer interpreter = this::interpret;

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
    Computer c = compiled;
    if (c == null) {
      c = NodeComputer.COMPILE_AFTER < 0 || runs++ < NodeComputer.COMPILE_AFTER ? interpreter : compile();
    }
    c.compute(f, out);
    f.finite = true; // every member's every value was checked as it was computed
  }

  private synchronized Computer compile() {
    if (compiled == null) {
      Computer c = Codegen.compile(this);
      generated = c != null;
      compiled = c != null ? c : interpreter;
    }
    return compiled;
  }

  /** @return true once generated code is in use (for tests) */
  public boolean isCompiled() {
    return generated;
  }

  /** The interpreter: every member's node, period by period. */
  void interpret(Frame f, double[] out) {
    double[][] arrays = install(f, out);
    for (int p = 0; p < out.length; p++) {
      for (int i = 0; i < members.length; i++) {
        double v = members[i].node().eval(f, p);
        if (members[i].checkFinite() && !Double.isFinite(v)) {
          throw notFinite(f, i, p, v);
        }
        arrays[i][p] = v;
      }
    }
  }

  /** Installs each member's array in the frame (the leader's is {@code out}) and returns them in member order. */
  double[][] install(Frame f, double[] out) {
    double[][] arrays = new double[members.length][];
    for (int i = 0; i < members.length; i++) {
      arrays[i] = members[i].slot() == leader ? out : new double[out.length];
      f.slots[members[i].slot()] = arrays[i];
    }
    return arrays;
  }

  /** TOK500 at member {@code i} for its value {@code v} in period {@code p}. */
  EvalError notFinite(Frame f, int i, int p, double v) {
    Member m = members[i];
    return new EvalError(Code.TOK500, m.span(), m.name() + " is " + (Double.isNaN(v) ? "not a number (NaN)" : "infinite")
        + " in period " + f.timeline.label(p),
        "check for a division by zero, a logarithm of a non-positive number, or an overflow");
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("recurrence of");
    for (Member m : members) {
      s.append(' ').append(m.name());
    }
    return s.toString();
  }
}

package org.tokenomics.eval;

/**
 * {@code total(…)} over the members of a family or the instances of a kind (LANGUAGE.md §15): the
 * sum of one term per member, added in the members' order. It is pointwise; the code generator
 * calls it as a whole (a family may have 10,000 members, more than one generated method could hold),
 * and it adds its terms in a loop.
 */
public final class Sum extends Node {
  private final Node[] terms;

  /**
   * A sum of terms.
   *
   * @param terms the terms, one per member, in order (at least one)
   */
  public Sum(Node[] terms) {
    super(anySeries(terms));
    this.terms = terms.clone();
  }

  private static boolean anySeries(Node[] xs) {
    for (Node x : xs) {
      if (x.series()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Node[] children() {
    return terms.clone();
  }

  @Override
  public double eval(Frame f, int p) {
    double acc = terms[0].eval(f, p);
    for (int i = 1; i < terms.length; i++) {
      acc += terms[i].eval(f, p);
    }
    return acc;
  }
}

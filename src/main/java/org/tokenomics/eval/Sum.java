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

  /**
   * The cell computer of a sum whose terms are all references (a family's {@code total(x.cash)}),
   * or null: term by term over every period, {@code out[p] += term[p]}, so each period adds its
   * terms in the same order as {@link #eval} (the same values) while reading each term's array
   * straight through instead of a thousand arrays per period.
   */
  Computer byColumns() {
    for (Node t : terms) {
      if (!(t instanceof Ref)) {
        return null;
      }
    }
    int[] slots = new int[terms.length];
    boolean[] scalar = new boolean[terms.length];
    for (int i = 0; i < terms.length; i++) {
      slots[i] = ((Ref) terms[i]).slot();
      scalar[i] = terms[i] instanceof Ref.ScalarRef;
    }
    return (f, out) -> {
      double[][] values = f.slots;
      for (int i = 0; i < slots.length; i++) {
        double[] v = values[slots[i]];
        if (scalar[i]) {
          double x = v[0];
          for (int p = 0; p < out.length; p++) {
            out[p] = i == 0 ? x : out[p] + x;
          }
        } else if (i == 0) {
          System.arraycopy(v, 0, out, 0, out.length);
        } else {
          for (int p = 0; p < out.length; p++) {
            out[p] += v[p];
          }
        }
      }
    };
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

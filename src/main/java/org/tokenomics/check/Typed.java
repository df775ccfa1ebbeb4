package org.tokenomics.check;

/** A checked expression: its typed form (null for instances) and its type. */
record Typed(TExpr expr, Type type) {
  static final Typed ERROR = new Typed(new TExpr.Lit(0, Type.ERROR, null), Type.ERROR);

  boolean isError() {
    return type.isError();
  }

  /** A literal of {@code type}. */
  static Typed lit(double value, Type type, org.tokenomics.syntax.Span span) {
    return new Typed(new TExpr.Lit(value, type, span), type);
  }

  /** An operation of {@code type} over the given typed arguments. */
  static Typed op(String op, Type type, org.tokenomics.syntax.Span span, TExpr... args) {
    return new Typed(TExpr.op(op, type, span, args), type);
  }
}

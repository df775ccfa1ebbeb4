package org.tokenomics.syntax;

/** Unit expressions, as written after {@code as} and {@code :}: {@code $B/yr}, {@code W/GPU}, {@code 1}. */
public sealed interface UnitExpr {
  Span span();

  /** A unit or type name: {@code GW}, {@code $}, {@code %}, {@code date}, {@code chip}. */
  record Atom(String name, Span span) implements UnitExpr {}

  /** A number inside a unit expression ({@code 1} for dimensionless). */
  record Num(double value, String text, Span span) implements UnitExpr {}

  /** {@code left * right} or {@code left / right}. */
  record Bin(char op, UnitExpr left, UnitExpr right, Span span) implements UnitExpr {}

  /** {@code base ^ exponent} with an integer exponent. */
  record Pow(UnitExpr base, int exponent, Span span) implements UnitExpr {}
}

package org.tokenomics.syntax;

import java.util.List;

/** Expressions of the AST: immutable records with source spans. */
public sealed interface Expr {
  Span span();

  /** The direct sub-expressions, in source order (for walks that must not recurse). */
  default java.util.List<Expr> children() {
    if (this instanceof Quantity q) {
      return java.util.List.of(q.number());
    } else if (this instanceof Attr a) {
      return java.util.List.of(a.target());
    } else if (this instanceof Index i) {
      return java.util.List.of(i.target(), i.index());
    } else if (this instanceof Call c) {
      // a loop, not a stream: walks call this for every node of every cell, cold (issue 22)
      Expr[] values = new Expr[c.args().size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = c.args().get(i).value();
      }
      return java.util.Collections.unmodifiableList(java.util.Arrays.asList(values));
    } else if (this instanceof Unary u) {
      return java.util.List.of(u.operand());
    } else if (this instanceof Binary b) {
      return java.util.List.of(b.left(), b.right());
    } else if (this instanceof If i) {
      return java.util.List.of(i.cond(), i.then(), i.otherwise());
    } else if (this instanceof KeyedList k) {
      java.util.List<Expr> out = new java.util.ArrayList<>();
      for (Entry en : k.entries()) {
        out.add(en.key());
        out.add(en.value());
      }
      return out;
    }
    return java.util.List.of();
  }

  /** A plain number: {@code 12}, {@code 1.5T}, {@code 1_000}. */
  record Num(double value, String text, Span span) implements Expr {}

  /** A number written against a unit on its line: {@code 700 W}, {@code 50 %}, {@code 5 m^2}. */
  record Quantity(Num number, String unit, int exponent, Span unitSpan, Span span) implements Expr {}

  /** A money literal: {@code $50B}, {@code $6.98}. {@code value} is in dollars. */
  record Money(double value, String text, Span span) implements Expr {}

  /** A date literal: {@code 2027-06} (day 0 means "no day written") or {@code 2027-06-15}. */
  record Date(int year, int month, int day, Span span) implements Expr {
    public String text() {
      return day == 0 ? String.format("%04d-%02d", year, month)
          : String.format("%04d-%02d-%02d", year, month, day);
    }
  }

  record Bool(boolean value, Span span) implements Expr {}

  /** A name: a value, a unit ({@code GW}, {@code $}, {@code $B}) or a built-in series. */
  record Name(String name, Span span) implements Expr {}

  /** {@code target.name}. */
  record Attr(Expr target, String name, Span nameSpan, Span span) implements Expr {}

  /** {@code target[index]}: one period of a series. */
  record Index(Expr target, Expr index, Span span) implements Expr {}

  /** {@code name(args)}: always a function call. */
  record Call(String name, List<Arg> args, Span nameSpan, Span span) implements Expr {
    public Call {
      args = List.copyOf(args);
    }
  }

  /** A call argument; {@code label} is null for a positional one. */
  record Arg(String label, Expr value, Span span) {}

  /** {@code -x} or {@code not x}. */
  record Unary(String op, Expr operand, Span span) implements Expr {}

  /** Arithmetic, comparison and logic: op is one of {@code + - * / ^ == != < <= > >= and or}. */
  record Binary(String op, Expr left, Expr right, Span span) implements Expr {}

  record If(Expr cond, Expr then, Expr otherwise, Span span) implements Expr {}

  /** A string literal, unescaped: the path of {@code csv("rents.csv", …)} and its column name. */
  record Str(String value, Span span) implements Expr {}

  /** A keyed list {@code [2026: $10B, 2027-07: $20B]} (LANGUAGE.md §11): one or more entries. */
  record KeyedList(List<Entry> entries, Span span) implements Expr {
    public KeyedList {
      entries = List.copyOf(entries);
    }
  }

  /** One {@code KEY: VALUE} of a keyed list. */
  record Entry(Expr key, Expr value, Span span) {}
}

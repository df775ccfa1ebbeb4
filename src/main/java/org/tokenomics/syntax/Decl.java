package org.tokenomics.syntax;

import java.util.List;

/** Top-level declarations of a Tok file. */
public sealed interface Decl {
  Span span();

  /** {@code timeline 2026-01 to 2030-12 monthly}. */
  record Timeline(Expr.Date start, Expr.Date end, String step, Span span) implements Decl {}

  /** {@code param NAME [: TYPE] = EXPR [within LOW to HIGH]}; {@code domain} is null without {@code within}. */
  record Param(String name, Span nameSpan, UnitExpr type, Expr value, Domain domain, Span span) implements Decl {
    public Param(String name, Span nameSpan, UnitExpr type, Expr value, Span span) {
      this(name, nameSpan, type, value, null, span);
    }
  }

  /** A param's domain (LANGUAGE.md §16): {@code within LOW to HIGH}, both ends included. */
  record Domain(Expr low, Expr high, Span span) {}

  /** {@code let NAME [: TYPE] = EXPR}. */
  record Let(String name, Span nameSpan, UnitExpr type, Expr value, Span span) implements Decl {}

  /** {@code fn NAME(a [: T] [= D], ...) = EXPR}. */
  record Fn(String name, Span nameSpan, List<FnParam> params, Expr body, Span span) implements Decl {
    public Fn {
      params = List.copyOf(params);
    }
  }

  record FnParam(String name, UnitExpr type, Expr defaultValue, Span span) {}

  /** {@code unit NAME} (a new base dimension) or {@code unit NAME = EXPR} (a derived unit). */
  record Unit(String name, Span nameSpan, Expr value, Span span) implements Decl {}

  /** {@code import "path"} or {@code import "std:NAME"}. */
  record Import(String path, Span span) implements Decl {}

  /** {@code amends "path"} (LANGUAGE.md §19): this file is a variant of the model in {@code path}. */
  record Amends(String path, Span span) implements Decl {}

  /**
   * {@code report [NAME =] EXPR [as UNIT]}. {@code label} is the report's name: the given one, a
   * bare identifier, or else the expression's source text. {@code name} is non-null only for
   * {@code report NAME = EXPR}, which also declares NAME (LANGUAGE.md §4, v2); {@code nameSpan}
   * is where NAME is written (the whole declaration when there is none).
   */
  record Report(String name, String label, Expr value, UnitExpr as, String asText, Span span, Span nameSpan)
      implements Decl {
    /** A report whose name, if any, is located at the whole declaration. */
    public Report(String name, String label, Expr value, UnitExpr as, String asText, Span span) {
      this(name, label, value, as, asText, span, span);
    }
  }

  /** {@code assert EXPR ["message"]}. */
  record Assert(Expr cond, String message, Span span) implements Decl {}

  /** {@code scenario NAME { TARGET = EXPR ... }}. */
  record Scenario(String name, Span nameSpan, List<Assign> sets, Span span) implements Decl {
    public Scenario {
      sets = List.copyOf(sets);
    }
  }

  /** {@code target = value} inside a scenario or an instance; target is {@code name} or {@code inst.attr}. */
  record Assign(String target, Span targetSpan, Expr value, Span span) {}

  /** {@code solve NAME for TARGET so that LHS == RHS within LOW to HIGH}. */
  record Solve(String name, Span nameSpan, String target, Span targetSpan, Expr lhs, Expr rhs,
               Expr low, Expr high, Span span) implements Decl {}

  /** {@code correlate A, B = R}: the Spearman rank correlation of two drawn params (LANGUAGE.md §17). */
  record Correlate(String a, Span aSpan, String b, Span bSpan, Expr r, Span span) implements Decl {}

  /** {@code kind NAME { param a: T = D; let b = E ... }}. */
  record Kind(String name, Span nameSpan, List<Member> members, Span span) implements Decl {
    public Kind {
      members = List.copyOf(members);
    }
  }

  /** An attribute of a kind: a settable {@code param} (value may be null: required) or a derived {@code let}. */
  record Member(boolean isParam, String name, Span nameSpan, UnitExpr type, Expr value, Span span) {}

  /**
   * {@code KIND NAME { attr = EXPR ... }}, or a family of instances {@code KIND NAME[VAR in RANGE] { … }}
   * (LANGUAGE.md §15) when {@code family} is not null.
   */
  record Instance(String kind, Span kindSpan, String name, Span nameSpan, List<Assign> sets, Span span,
                  Family family) implements Decl {
    public Instance {
      sets = List.copyOf(sets);
    }

    /** A single instance (not a family). */
    public Instance(String kind, Span kindSpan, String name, Span nameSpan, List<Assign> sets, Span span) {
      this(kind, kindSpan, name, nameSpan, sets, span, null);
    }
  }

  /**
   * The members of a family: {@code VAR in START to END STEP} with dates ({@code step} yearly,
   * quarterly or monthly), or {@code VAR in N1 to N2} with whole numbers ({@code step} null).
   * {@code start} and {@code end} are {@link Expr.Date} or {@link Expr.Num} as written.
   */
  record Family(String var, Span varSpan, Expr start, Expr end, String step, Span span) {}
}

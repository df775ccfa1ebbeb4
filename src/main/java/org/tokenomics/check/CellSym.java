package org.tokenomics.check;

import org.tokenomics.syntax.Expr;
import org.tokenomics.syntax.Span;
import org.tokenomics.syntax.UnitExpr;

/**
 * A value the checker resolves lazily: a top-level param or let, an instance attribute, a solve
 * result, a report or assertion expression, or a hidden intermediate. Holds the checking state
 * and, once checked, the node and type.
 */
public final class CellSym implements Symbol {
  public enum Role { PARAM, LET, ATTR_PARAM, ATTR_LET, REPORT, ASSERT, SOLVE, HIDDEN }

  enum State { NEW, CHECKING, DONE }

  final String name;
  final Role role;
  final Span nameSpan;
  final Expr expr;        // null: a required attribute left unset, or a hidden/solve cell
  final UnitExpr declared;
  final Ctx ctx;
  final int slot;
  /** True for an instance attribute whose expression is the kind's default. */
  final boolean defaulted;

  State state = State.NEW;
  Type type = Type.ERROR;
  /** The typed form of its value, once checked (null: nothing to compute, e.g. an instance). */
  TExpr typed;
  /** A hidden running sum ({@code cumsum}) adds up its typed form over the periods. */
  boolean runningSum;
  /** A param's distribution, when its value is one (LANGUAGE.md §7): family and typed arguments. */
  String distFamily;
  java.util.List<TExpr> distArgs;
  /** For a solve: its declaration, and what checking it found. */
  org.tokenomics.syntax.Decl.Solve solve;
  Solves.Plan solvePlan;
  /** A top-level param's {@code within} clause as written, and its checked domain (null: none, or it did not check). */
  org.tokenomics.syntax.Decl.Domain domainDecl;
  ParamDomain domain;
  /** A variant's param that keeps its base's domain: where that domain is written (null: in the cell's own file). */
  Ctx domainCtx;
  /** A variant's param that keeps its base's type: the file it is written in (null: the cell's own file). */
  org.tokenomics.syntax.SourceFile typeFile;
  /** The declared type as written ({@code $/kW/month}), set when the cell is checked; null without one. */
  String declaredText;

  CellSym(String name, Role role, Span nameSpan, Expr expr, UnitExpr declared, Ctx ctx, int slot, boolean defaulted) {
    this.name = name;
    this.role = role;
    this.nameSpan = nameSpan;
    this.expr = expr;
    this.declared = declared;
    this.ctx = ctx;
    this.slot = slot;
    this.defaulted = defaulted;
  }

  @Override
  public String name() {
    return name;
  }

  public Role role() {
    return role;
  }

  public Type type() {
    return type;
  }

  public int slot() {
    return slot;
  }

  public Expr expr() {
    return expr;
  }

  public Span nameSpan() {
    return nameSpan;
  }

  public boolean isParam() {
    return role == Role.PARAM || role == Role.ATTR_PARAM;
  }

  /** The distribution family when the param's value is one ({@code uniform} …), else null. */
  public String dist() {
    return distFamily;
  }

  /** The typed form of its value (null when there is nothing to compute). */
  public TExpr typed() {
    return typed;
  }

  /**
   * The slots this cell reads, read off its node tree (for a solve: those of its bracket; see
   * {@link #equationDeps()}).
   */
  public int[] deps() {
    if (solvePlan != null) {
      return TExpr.refs(solvePlan.low(), solvePlan.high());
    }
    return typed == null ? new int[0] : TExpr.refs(typed);
  }

  /** A param's domain (LANGUAGE.md §16), or null. */
  public ParamDomain domain() {
    return domain;
  }

  /**
   * The declared type as written ({@code $/kW/month} for {@code param colocation: $/kW/month}),
   * the unit explain shows the value in; null when the cell declares none.
   *
   * @return the type's source text, or null
   */
  public String declaredText() {
    return declaredText;
  }

  /** True for an instance attribute left at its kind's default. */
  public boolean isDefault() {
    return defaulted;
  }

  /** For a solve: the slots its equation reads besides the target; empty otherwise. */
  public int[] equationDeps() {
    return solvePlan == null ? new int[0] : solvePlan.probeDeps().clone();
  }

  /** For a solve: the param it solves for; null otherwise. */
  public CellSym solveTarget() {
    return solvePlan == null ? null : solvePlan.target();
  }

  /** For a hidden {@code cumsum} cell: true when its value is the running sum of its typed form. */
  public boolean runningSum() {
    return runningSum;
  }

  /** For a solve: the two sides of its equation (left, right) as typed trees; empty otherwise. */
  public java.util.List<TExpr> solveSides() {
    return solvePlan == null ? java.util.List.of() : java.util.List.of(solvePlan.lhs(), solvePlan.rhs());
  }

  /** For a solve: the span of its whole declaration; null otherwise. */
  public Span solveSpan() {
    return solve == null ? null : solve.span();
  }

  /** The span of what the cell computes: its expression, or its name. */
  public Span span() {
    return expr != null ? expr.span() : nameSpan;
  }

  @Override
  public String toString() {
    return name;
  }
}

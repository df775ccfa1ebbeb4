package org.tokenomics.check;

import org.tokenomics.diag.Code;
import org.tokenomics.syntax.Decl;
import org.tokenomics.syntax.Span;

/**
 * {@code solve NAME for TARGET so that LHS == RHS within LOW to HIGH}: checking. The goal seek
 * itself is {@link org.tokenomics.finance.GoalSeek}, built from the plan by the build pass.
 */
final class Solves {
  private Solves() {}

  /** A checked solve: its target, the typed equation and bracket, the cells a probe recomputes. */
  record Plan(CellSym target, TExpr lhs, TExpr rhs, TExpr low, TExpr high, int[] probeDeps, Span span,
              org.tokenomics.units.Unit unit) {}

  static void check(Checker ck, CellSym cell) {
    Decl.Solve s = cell.solve;
    Ctx ctx = cell.ctx;
    CellSym target = Targets.find(ck, s.target(), s.targetSpan(), ctx, "solve for");
    if (target == null) {
      return;
    }
    if (s.rhs() == null) {
      ck.error(ctx, Code.TOK302, s.lhs().span(), "solve needs an equation: LEFT == RIGHT", null);
      return;
    }
    Typed tt = ck.ref(target);
    Typed lhs = ck.exprs.check(s.lhs(), ctx);
    Typed rhs = ck.exprs.check(s.rhs(), ctx);
    Typed low = ck.exprs.check(s.low(), ctx);
    Typed high = ck.exprs.check(s.high(), ctx);
    if (tt.isError() || lhs.isError() || rhs.isError() || low.isError() || high.isError()) {
      return;
    }
    if (!tt.type().isNumber() || tt.type().series()) {
      ck.error(ctx, Code.TOK302, s.targetSpan(), "solve needs a single-number param, found " + tt.type().describe(), null);
      return;
    }
    if (!lhs.type().isNumber() || !rhs.type().isNumber() || !lhs.type().dim().equals(rhs.type().dim())) {
      ck.error(ctx, Code.TOK300, s.lhs().span().to(s.rhs().span()), "the two sides of the equation differ: "
          + lhs.type().describe() + " and " + rhs.type().describe(), null);
      return;
    }
    if (lhs.type().series() || rhs.type().series()) {
      ck.error(ctx, Code.TOK302, s.lhs().span().to(s.rhs().span()), "both sides of a solve must be single values, not series",
          "reduce the series first, e.g. sum(x), x[2030-01] or npv(…)");
      return;
    }
    for (var bound : java.util.List.of(java.util.Map.entry(s.low(), low), java.util.Map.entry(s.high(), high))) {
      Type bt = bound.getValue().type();
      if (!bt.isNumber() || !bt.dim().equals(tt.type().dim()) || bt.series()) {
        ck.error(ctx, Code.TOK300, bound.getKey().span(), "the bracket must be " + tt.type().describe()
            + " like " + target.name + ", found " + bt.describe(), null);
        return;
      }
    }
    if (target.domain != null) {
      Double lo = TExpr.constant(low.expr());
      Double hi = TExpr.constant(high.expr());
      if ((lo != null && !target.domain.contains(lo)) || (hi != null && !target.domain.contains(hi))) {
        String bracket = ctx.file().slice(s.low().span()).strip() + " to " + ctx.file().slice(s.high().span()).strip();
        ck.error(ctx, Code.TOK302, s.low().span().to(s.high().span()),
            Messages.bracketOutsideDomain(target.name, bracket, target.domain.text()),
            "search within " + target.domain.text() + ", or widen the domain of " + target.name);
        return;
      }
    }
    // What each probe of the equation must recompute: the cells its two sides read, but the target.
    int[] probeDeps = java.util.Arrays.stream(TExpr.refs(lhs.expr(), rhs.expr()))
        .filter(d -> d != target.slot).toArray();
    org.tokenomics.units.Unit unit = ck.display.fromLiteral(ctx.file().slice(s.low().span()), tt.type().dim());
    if (unit == null) {
      unit = ck.display.readable(tt.type());
    }
    cell.solvePlan = new Plan(target, lhs.expr(), rhs.expr(), low.expr(), high.expr(),
        probeDeps, s.span(), unit);
    cell.type = tt.type();
  }
}

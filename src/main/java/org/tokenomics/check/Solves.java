package org.tokenomics.check;

import java.util.Set;
import org.tokenomics.diag.Code;
import org.tokenomics.eval.Computer;
import org.tokenomics.eval.EvalError;
import org.tokenomics.eval.Frame;
import org.tokenomics.eval.Node;
import org.tokenomics.finance.Finance;
import org.tokenomics.syntax.Decl;
import org.tokenomics.syntax.Span;

/**
 * {@code solve NAME for TARGET so that LHS == RHS within LOW to HIGH}: checking, and the goal
 * seek itself (Brent's method on LHS − RHS as a function of TARGET).
 */
final class Solves {
  private Solves() {}

  /** What a checked solve needs at run time; {@code affected} is filled when the program is built. */
  record Plan(CellSym target, Node lhs, Node rhs, Node low, Node high, int[] probeDeps, Span span,
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
    // What each probe of the equation must recompute: the cells its two sides read, but the target.
    int[] probeDeps = java.util.Arrays.stream(org.tokenomics.eval.Nodes.refs(lhs.node(), rhs.node()))
        .filter(d -> d != target.slot).toArray();
    org.tokenomics.units.Unit unit = ck.display.fromLiteral(ctx.file().slice(s.low().span()), tt.type().dim());
    if (unit == null) {
      unit = ck.display.readable(tt.type());
    }
    cell.solvePlan = new Plan(target, lhs.node(), rhs.node(), low.node(), high.node(),
        probeDeps, s.span(), unit);
    cell.type = tt.type();
  }

  /** The goal seek; {@code affected} are the slots that depend on the target (the target included). */
  record Seek(Plan plan, int[] affected) implements Computer {
    @Override
    public void compute(Frame f, double[] out) {
      int target = plan.target().slot;
      double lo = plan.low().eval(f, 0);
      double hi = plan.high().eval(f, 0);
      boolean had = f.isComputed(target);
      double[] saved = had ? f.slots[target] : null;
      try {
        double flo = gap(f, target, lo);
        double fhi = gap(f, target, hi);
        double root;
        if (flo == 0) {
          root = lo;
        } else if (fhi == 0) {
          root = hi;
        } else if (Math.signum(flo) == Math.signum(fhi)) {
          throw new EvalError(Code.TOK502, plan.span(), "no solution for " + plan.target().name
              + " in the bracket: both ends leave the equation on the same side",
              "widen the bracket after 'within', or check that the equation can hold");
        } else {
          root = Finance.root(x -> gap(f, target, x), Math.min(lo, hi), Math.max(lo, hi));
          // Brent also "converges" onto a jump across zero; only a real root is a solution.
          gap(f, target, root);
          double left = plan.lhs().eval(f, 0);
          double right = plan.rhs().eval(f, 0);
          if (Math.abs(left - right) > 1e-7 * Math.max(Math.abs(flo), Math.abs(fhi))) {
            throw new EvalError(Code.TOK502, plan.span(), "no solution for " + plan.target().name
                + ": the equation jumps across equality near " + String.format(java.util.Locale.ROOT, "%.6g", plan.unit().fromBase(root))
                + (plan.unit().name().isEmpty() ? "" : " " + plan.unit().name()) + " instead of meeting it",
                "the two sides are not continuous in " + plan.target().name + " (e.g. a contract term counted in whole periods)");
          }
        }
        out[0] = root;
      } finally {
        f.forget(affected);
        if (had) {
          f.set(target, saved);
        }
      }
    }

    private double gap(Frame f, int target, double x) {
      f.forget(affected);
      f.set(target, new double[] {x});
      for (int d : plan.probeDeps()) {
        f.values(d);
      }
      return plan.lhs().eval(f, 0) - plan.rhs().eval(f, 0);
    }
  }
}

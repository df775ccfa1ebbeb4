package org.tokenomics.finance;

import org.tokenomics.diag.Code;
import org.tokenomics.eval.Computer;
import org.tokenomics.eval.EvalError;
import org.tokenomics.eval.Frame;
import org.tokenomics.eval.Node;
import org.tokenomics.syntax.Span;
import org.tokenomics.units.Unit;

/**
 * {@code solve NAME for TARGET so that LHS == RHS within LOW to HIGH} at run time: Brent's method
 * on LHS − RHS as a function of TARGET. {@code affected} are the slots that depend on the target
 * (the target included); each probe forgets them, sets the target and recomputes what the
 * equation reads.
 */
public record GoalSeek(Plan plan, int[] affected) implements Computer {
  /**
   * What a goal seek needs: the target's slot and name, the equation's two sides and the bracket
   * as nodes, the cells each probe must recompute, where the solve is written, and the unit its
   * messages show the target in.
   */
  public record Plan(int targetSlot, String targetName, Node lhs, Node rhs, Node low, Node high, int[] probeDeps,
                     Span span, Unit unit) {}

  @Override
  public void compute(Frame f, double[] out) {
    int target = plan.targetSlot();
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
        throw new EvalError(Code.TOK502, plan.span(), "no solution for " + plan.targetName()
            + " in the bracket: both ends leave the equation on the same side",
            "widen the bracket after 'within', or check that the equation can hold");
      } else {
        root = Finance.root(x -> gap(f, target, x), Math.min(lo, hi), Math.max(lo, hi));
        // Brent also "converges" onto a jump across zero; only a real root is a solution.
        gap(f, target, root);
        double left = plan.lhs().eval(f, 0);
        double right = plan.rhs().eval(f, 0);
        if (Math.abs(left - right) > 1e-7 * Math.max(Math.abs(flo), Math.abs(fhi))) {
          throw new EvalError(Code.TOK502, plan.span(), "no solution for " + plan.targetName()
              + ": the equation jumps across equality near " + String.format(java.util.Locale.ROOT, "%.6g", plan.unit().fromBase(root))
              + (plan.unit().name().isEmpty() ? "" : " " + plan.unit().name()) + " instead of meeting it",
              "the two sides are not continuous in " + plan.targetName() + " (e.g. a contract term counted in whole periods)");
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

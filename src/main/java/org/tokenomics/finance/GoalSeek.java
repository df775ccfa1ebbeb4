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
  public boolean changesFrame() {
    return true; // it forgets and sets the cells between the param and the target
  }

  @Override
  public void compute(Frame f, double[] out) {
    int target = plan.targetSlot();
    double lo = plan.low().eval(f, 0);
    double hi = plan.high().eval(f, 0);
    boolean had = f.isComputed(target);
    double[] saved = had ? f.slots[target] : null;
    try {
      double flo = end(f, target, lo, "low");
      double fhi = end(f, target, hi, "high");
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
        root = Finance.root(x -> inside(f, target, x), Math.min(lo, hi), Math.max(lo, hi));
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

  /**
   * The gap at one end of the bracket. An end where the equation cannot be evaluated (a NaN, a
   * division by zero) means there is no solution to look for in this bracket: TOK502 that says
   * which end and why, rather than the evaluation error of a value the modeler never asked for.
   */
  private double end(Frame f, int target, double x, String which) {
    try {
      double g = gap(f, target, x);
      if (!Double.isFinite(g)) {
        throw noSolution(which, x, "the two sides are not finite numbers there");
      }
      return g;
    } catch (EvalError e) {
      if (e.code() != Code.TOK500) {
        throw e;
      }
      throw noSolution(which, x, e.getMessage());
    }
  }

  /** The gap at a point inside the bracket, as the root finder probes it. */
  private double inside(Frame f, int target, double x) {
    try {
      double g = gap(f, target, x);
      if (!Double.isFinite(g)) {
        throw noSolution(null, x, "the two sides are not finite numbers there");
      }
      return g;
    } catch (EvalError e) {
      if (e.code() != Code.TOK500) {
        throw e;
      }
      throw noSolution(null, x, e.getMessage());
    }
  }

  // The message names no line: the probe's error may be anywhere, and the words say what failed.
  private EvalError noSolution(String end, double x, String why) {
    String at = number(plan.unit().fromBase(x)) + (plan.unit().name().isEmpty() ? "" : " " + plan.unit().name());
    String place = end == null ? "inside the bracket, at " + plan.targetName() + " = " + at
        : "at the " + end + " end of the bracket, " + plan.targetName() + " = " + at;
    return new EvalError(Code.TOK502, plan.span(), "no solution for " + plan.targetName() + " in the bracket: "
        + place + ", the equation cannot be evaluated: " + why,
        "narrow the bracket after 'within' to values where both sides are defined");
  }

  /** Six significant digits without trailing zeros: 0, 12.5, 1.00000e+09 → 1e+09. */
  private static String number(double v) {
    String s = String.format(java.util.Locale.ROOT, "%.6g", v);
    int e = s.indexOf('e');
    String mantissa = e < 0 ? s : s.substring(0, e);
    if (mantissa.contains(".")) {
      mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return e < 0 ? mantissa : mantissa + s.substring(e);
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

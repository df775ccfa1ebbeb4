package org.tokenomics.check;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import org.tokenomics.diag.Code;
import org.tokenomics.diag.Severity;
import org.tokenomics.syntax.Span;
import org.tokenomics.time.Dates;
import org.tokenomics.time.Step;
import org.tokenomics.time.Timeline;

/**
 * The warning of LANGUAGE.md §14: money spent or borrowed on the timeline's first day
 * ({@code once(X, at: <start>)}) in a yearly or quarterly timeline, discounted by npv, irr or
 * payback from the end of the first period. The amounts' typed tree is followed through sums,
 * differences, negations and references to other cells (a contract's {@code cash} is a let of
 * its instance), so {@code npv(build.cash + debt.cash, …)} is seen too; a product is not
 * followed (the amount it scales is no longer the day-one amount as written).
 */
final class DayOneCash {
  /** How many typed nodes are followed at most: the search is a hint, never a cost. */
  private static final int BUDGET = 10_000;

  private DayOneCash() {}

  /**
   * Warns (TOK700) at {@code call} when {@code amounts} holds a first-day amount and the timing is
   * the period's end in a yearly or quarterly timeline.
   */
  static void check(Checker ck, Ctx ctx, String fn, TExpr amounts, String timing, Span call) {
    Timeline tl = ck.timeline;
    if (timing != null && !timing.equals("end") || !tl.declared() || tl.step() == Step.MONTHLY
        || ctx != null && ctx.file() != null && ctx.file().isLibrary()) {
      return;
    }
    if (!holdsDayOne(ck, amounts, tl.first())) {
      return;
    }
    String start = Dates.format(tl.first());
    ck.diags.add(Severity.WARNING, Code.TOK700, call, fn + " discounts an amount dated " + start
        + " (the timeline's first day) from the end of " + tl.label(0),
        "put money spent or borrowed on the first day in initial: (" + fn + "(…, initial: AMOUNT)), "
            + "or use a monthly timeline", null);
  }

  private static boolean holdsDayOne(Checker ck, TExpr root, double first) {
    Set<TExpr> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<TExpr> todo = new ArrayDeque<>();
    todo.push(root);
    int budget = BUDGET;
    while (!todo.isEmpty() && budget-- > 0) {
      TExpr e = todo.pop();
      if (e == null || !seen.add(e)) {
        continue;
      }
      if (e instanceof TExpr.CellRef r) {
        TExpr body = r.slot() < ck.cells.size() ? ck.cells.get(r.slot()).typed : null;
        if (body != null) {
          todo.push(body);
        }
      } else if (e instanceof TExpr.Op o) {
        switch (o.op()) {
          case "+", "-", "neg" -> o.args().forEach(todo::push);
          case "if" -> {
            if (isOnceAt(ck, o, first)) {
              return true;
            }
          }
          default -> { }
        }
      }
    }
    return false;
  }

  /** {@code once(X, at: D)} is checked as {@code if inperiod(D) then X else 0}; D a constant date on {@code first}. */
  private static boolean isOnceAt(Checker ck, TExpr.Op o, double first) {
    if (!(o.args().get(0) instanceof TExpr.Op in) || !in.op().equals("inperiod")) {
      return false;
    }
    TExpr at = in.args().get(0);
    for (int hops = 0; at instanceof TExpr.CellRef r && hops < 16; hops++) {
      at = r.slot() < ck.cells.size() ? ck.cells.get(r.slot()).typed : null;
    }
    return at instanceof TExpr.Lit l && Math.abs(l.value() - first) < 1e-3;
  }
}

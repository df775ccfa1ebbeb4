package org.tokenomics.check;

import java.util.List;
import java.util.Set;
import org.tokenomics.diag.Code;
import org.tokenomics.syntax.Expr;
import org.tokenomics.time.Groups;
import org.tokenomics.time.Step;
import org.tokenomics.time.Timeline;

/**
 * Roll-ups of reports (LANGUAGE.md §13): {@code sum|mean|min|max|first|last(x, by: yr|quarter)}
 * as a report's whole expression. The report then has one value per calendar year or quarter,
 * under its own period labels ({@link CompiledModel.ReportSpec#periods}).
 */
final class RollUps {
  private static final Set<String> REDUCTIONS = Set.of("sum", "mean", "min", "max", "first", "last");

  private RollUps() {}

  /** Whether {@code e} is written as a roll-up (a reduction with a {@code by:} argument). */
  static boolean isRollUp(Expr e) {
    return e instanceof Expr.Call c && REDUCTIONS.contains(c.name())
        && c.args().stream().anyMatch(a -> "by".equals(a.label()));
  }

  /** The step a roll-up's {@code by:} word names (yr: YEARLY, quarter: QUARTERLY). */
  static Step step(String word) {
    return word.equals("quarter") ? Step.QUARTERLY : Step.YEARLY;
  }

  /** The period labels of a report written as a roll-up, or null for any other report. */
  static List<String> labels(Expr value, Timeline tl) {
    if (!isRollUp(value) || !tl.declared()) {
      return null;
    }
    for (Expr.Arg a : ((Expr.Call) value).args()) {
      if ("by".equals(a.label()) && a.value() instanceof Expr.Name n) {
        return Groups.of(tl, step(n.name())).labels();
      }
    }
    return null;
  }

  /**
   * Checks where a roll-up stands and what it groups by; reports TOK302 and returns null when it
   * may not be one here.
   */
  static Step check(Checker ck, Ctx ctx, Expr.Call call, String word, boolean window) {
    CellSym user = ck.current();
    if (user == null || user.role != CellSym.Role.REPORT || user.expr != call) {
      ck.error(ctx, Code.TOK302, call.span(), call.name() + "(…, by: " + word + ") can only be a report's whole expression",
          "write it as its own report: report NAME = " + call.name() + "(…, by: " + word + ")");
      return null;
    }
    if (window) {
      ck.error(ctx, Code.TOK302, call.span(), "a roll-up takes no from: or to:", "roll up the whole series, or sum a window without by:");
      return null;
    }
    if (!ck.timeline.declared()) {
      ck.error(ctx, Code.TOK302, call.span(), "a roll-up needs a timeline", "declare one, e.g. timeline 2026-01 to 2027-12 monthly");
      return null;
    }
    Step by = step(word);
    if (by.months() < ck.timeline.step().months()) {
      ck.error(ctx, Code.TOK302, call.span(), "by: " + word + " is finer than the timeline's "
          + ck.timeline.step().name().toLowerCase(java.util.Locale.ROOT) + " periods",
          "roll up by a step at least as long as a period: by: yr");
      return null;
    }
    return by;
  }
}

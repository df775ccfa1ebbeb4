package org.tokenomics.check;

import java.util.ArrayList;
import java.util.List;
import org.tokenomics.diag.Code;
import org.tokenomics.eval.Cell;
import org.tokenomics.syntax.Expr;
import org.tokenomics.syntax.SourceFile;
import org.tokenomics.syntax.Span;

/** Scenario entries, {@code --set} values and API overrides: checked like the param's own value. */
final class Overrides {
  private Overrides() {}

  /**
   * Compiles {@code target = value}; null after reporting. Hidden cells it needs are appended to
   * {@code ck}'s cells: the model's own checker for a declared scenario, a checker of the override's
   * own ({@link Checker#against}) for {@code --set} and API overrides.
   */
  static CompiledModel.Override compile(Checker ck, String target, Span targetSpan, Expr value, SourceFile file) {
    Ctx ctx = Ctx.top(file);
    CellSym param = Targets.find(ck, target, targetSpan, ctx, "override");
    if (param == null) {
      return null;
    }
    ck.check(param);
    if (param.type.isError()) {
      return null;
    }
    if (param.type.tag() == Type.Tag.INSTANCE) {
      ck.error(ctx, Code.TOK302, targetSpan, "cannot override " + target + ": it names an instance, fixed when the model compiles", null);
      return null;
    }
    int firstNew = ck.cells.size();
    CellSym holder = new CellSym(param.name, CellSym.Role.PARAM, targetSpan, value, param.declared, ctx, param.slot, false);
    holder.state = CellSym.State.CHECKING;
    Typed t = Distributions.isDistribution(value) ? Distributions.check(ck, holder) : ck.exprs.check(value, ctx);
    if (!PrevUnits.verify(ck) || t.isError()) {
      return null;
    }
    if (!t.type().sameShape(param.type)) {
      Code code = t.type().tag() == param.type.tag() ? Code.TOK300 : Code.TOK302;
      String srcText = file.slice(value.span());
      org.tokenomics.units.Unit written = param.expr == null || !param.type.isNumber() ? null
          : ck.display.fromLiteral(param.ctx.file().slice(param.expr.span()), param.type.dim());
      String wantUnit = written != null && !written.name().isEmpty() ? written.name() : param.type.shortName();
      String want = written != null && !written.name().isEmpty()
          ? wantUnit + " (" + param.type.describe().replaceFirst("^[^ ]+ \\(", "").replaceFirst("\\)$", "") + ")"
          : param.type.describe();
      String help = param.type.isNumber() && t.type().isNumber()
          ? Messages.literalFix(value, srcText, param.type.dim().isNone() ? "" : wantUnit) : null;
      ck.error(ctx, code, value.span(), target + " is " + want + ", found " + t.type().describe(), help);
      return null;
    }
    if (t.type().series() && !param.type.series()) {
      ck.error(ctx, Code.TOK302, value.span(), target + " is a single value; the override varies by period",
          "make the param a series in the model first, or override it with a single value");
      return null;
    }
    if (readsItself(ck, t.expr(), param.slot, firstNew)) {
      ck.error(ctx, Code.TOK400, value.span(), "the override of " + target + " refers to " + target + " itself", null);
      return null;
    }
    if (param.domain != null && !Domains.within(ck, param.domain, target, t.expr(), value.span(), ctx,
        file.slice(value.span()).strip())) {
      return null;
    }
    RateWarning.override(ck, param, value, param.type); // scenario bull { loan.rate = 7.25 } is 725 %
    holder.typed = t.expr();
    holder.type = param.type;
    holder.domain = param.domain;
    NodeBuilder nb = new NodeBuilder(ck.timeline.declared());
    Cell cell = ProgramBuilder.cell(holder, ck, nb);
    List<Cell> hidden = new ArrayList<>();
    for (int i = firstNew; i < ck.cells.size(); i++) {
      hidden.add(ProgramBuilder.cell(ck.cells.get(i), ck, nb));
    }
    return new CompiledModel.Override(target, param.slot, cell, hidden, ProgramBuilder.dist(holder, nb));
  }

  /** Does {@code node} read {@code slot}, directly or through the override's own new hidden cells? */
  private static boolean readsItself(Checker ck, TExpr value, int slot, int firstNew) {
    java.util.Deque<Integer> todo = new java.util.ArrayDeque<>();
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (int d : TExpr.refs(value)) {
      todo.push(d);
    }
    while (!todo.isEmpty()) {
      int d = todo.pop();
      if (d == slot) {
        return true;
      }
      if (d >= firstNew && seen.add(d)) {
        for (int dd : ck.cells.get(d).deps()) {
          todo.push(dd);
        }
      }
    }
    return false;
  }
}

package org.tokenomics.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.tokenomics.diag.Code;
import org.tokenomics.syntax.Expr;
import org.tokenomics.syntax.Span;
import org.tokenomics.units.Dimension;

/**
 * State across periods (LANGUAGE.md §10): {@code prev(x, initial: X0)} and {@code lag(x, n)} with
 * a whole number n ≥ 1 written in place, as a delayed reference (the operation {@code prev}, whose
 * data is a {@link Use}). A delayed reference does not check x: it is no same-period dependency,
 * so {@code debt = prev(debt) - repay} with {@code repay = min(prev(debt), …)} is not a cycle (the
 * build pass, {@link Recurrences}, computes such cells period by period). Its unit is the
 * {@code initial:}'s, else x's when x is already checked or declared, else unknown until an
 * addition, comparison, {@code min}/{@code max} or {@code if} gives it the other side's unit
 * ({@code prev(repaid) + repay}); {@link PrevUnits#verify} checks every delayed reference against
 * x's type once every cell is checked.
 */
final class Prevs {
  private Prevs() {}

  /** One delayed reference: the cell it reads, how many periods back, and the unit it was given. */
  static final class Use {
    final CellSym target;
    final int periods;
    final Span span;
    final Ctx ctx;
    /** The call as written, for messages: {@code prev(debt)}. */
    final String call;
    /** The name as written ({@code debt}, {@code site.balance}). */
    final String name;
    /** Its unit variable while the unit is not known ({@code ?prev3}). */
    final String var;
    /** Its unit: from initial:, from x, from the other side of an addition; null while unknown. */
    Dimension dim;
    boolean fromInitial;

    Use(CellSym target, int periods, Span span, Ctx ctx, String call, String name, String var) {
      this.var = var;
      this.target = target;
      this.periods = periods;
      this.span = span;
      this.ctx = ctx;
      this.call = call;
      this.name = name;
    }

    /** @return the slot of the cell read */
    int slot() {
      return target.slot;
    }
  }

  /**
   * Checks a call of {@code prev}, or of {@code lag} in its delayed form; null when it is a
   * {@code lag} to check the usual way (x not a name, or n not a whole number ≥ 1 written in
   * place: {@code lag(x, 0)} on itself stays a cycle). Whether x was already checked does not
   * matter, so the declarations' order never decides whether a recurrence is allowed.
   */
  static Typed call(Checker ck, ExprChecker ex, Calls calls, Expr.Call c, Ctx ctx) {
    BuiltinFunctions.Entry entry = BuiltinFunctions.get(c.name());
    Map<String, Expr> bound = calls.bind(c, ctx, entry.binderNames());
    if (bound == null) {
      return Typed.ERROR;
    }
    Expr x = bound.get("x");
    String name = ctx.file() == null ? "x" : ctx.file().slice(x.span()).strip();
    if (c.name().equals("lag")) {
      Integer k = wholeLiteral(bound.get("n"));
      CellSym target = k == null ? null : target(ck, ex, x, ctx);
      if (target == null) {
        return null; // not a name, or n not written in place: the usual lag
      }
      return delayed(ck, c, ctx, target, k, null, "lag(" + name + ", " + k + ")", name);
    }
    Typed init = null;
    if (bound.containsKey("initial")) {
      init = ex.check(bound.get("initial"), ctx);
      if (init.isError()) {
        return Typed.ERROR;
      }
      if (!init.type().isNumber()) {
        ck.error(ctx, Code.TOK302, bound.get("initial").span(), "prev's initial must be a number, found "
            + init.type().describe(), null);
        return Typed.ERROR;
      }
    }
    CellSym target = target(ck, ex, x, ctx);
    if (target == null) {
      // An expression, not a name: checked now (it cannot read itself), then read from a cell of its own.
      Typed xt = ex.check(x, ctx);
      if (xt.isError()) {
        return Typed.ERROR;
      }
      if (!xt.type().isNumber()) {
        ck.error(ctx, Code.TOK302, x.span(), Messages.prevNeedsNumber("prev", name, xt.type().describe()), null);
        return Typed.ERROR;
      }
      Typed held = xt.expr() instanceof TExpr.CellRef ? xt
          : ck.hidden(cellName(ck, x.span()), x.span(), xt.expr(), false, xt.type());
      target = ck.cells.get(((TExpr.CellRef) held.expr()).slot());
    }
    return delayed(ck, c, ctx, target, 1, init, "prev(" + name + ")", name);
  }

  private static Typed delayed(Checker ck, Expr.Call c, Ctx ctx, CellSym target, int periods, Typed init, String call,
                               String name) {
    Type known = target.state == CellSym.State.DONE ? target.type : declared(ck, target);
    if (known != null && known.isError()) {
      return Typed.ERROR;
    }
    if (known != null && !known.isNumber()) {
      ck.error(ctx, Code.TOK302, c.span(), Messages.prevNeedsNumber(call, name, known.describe()), null);
      return Typed.ERROR;
    }
    Dimension dim = known == null ? null : known.dim();
    if (init != null) {
      if (dim != null && !init.type().dim().equals(dim)) {
        ck.error(ctx, Code.TOK300, init.expr().span() != null ? init.expr().span() : c.span(),
            Messages.prevInitialUnit(name, known.shortName(), init.type().shortName()), null);
        return Typed.ERROR;
      }
      dim = init.type().dim();
    }
    Use use = new Use(target, periods, c.span(), ctx, call, name, PrevUnits.PLACEHOLDER + (++ck.prevVariables));
    use.dim = dim;
    use.fromInitial = init != null;
    ck.prevUses.add(use);
    Type type = Type.number(dim == null ? Dimension.base(use.var) : dim, ck.timeline.declared());
    return new Typed(new TExpr.Op("prev", Arrays.asList(init == null ? null : init.expr()), type, c.span(), use), type);
  }

  /** The cell a plain name or attribute names, without checking it; null for anything else. */
  private static CellSym target(Checker ck, ExprChecker ex, Expr x, Ctx ctx) {
    if (x instanceof Expr.Name n) {
      Typed arg = ctx.fnArgs().get(n.name());
      if (arg != null) {
        return arg.expr() instanceof TExpr.CellRef r ? ck.cells.get(r.slot()) : null;
      }
      if (ctx.self() != null && ctx.self().attrs.get(n.name()) != null) {
        return ctx.self().attrs.get(n.name()); // prev(balance) inside balance is its own earlier value
      }
      return ck.globals.get(n.name()) instanceof CellSym cell ? cell : null;
    }
    if (x instanceof Expr.Attr a) {
      Typed owner = ex.check(a.target(), ctx);
      if (!owner.isError() && owner.type().tag() == Type.Tag.INSTANCE) {
        return owner.type().instance().attrs.get(a.name());
      }
    }
    return null;
  }

  private static Type declared(Checker ck, CellSym target) {
    if (target.declared == null) {
      return null;
    }
    Type t = ck.unitResolver.type(target.declared, (code, span, message, help) -> { });
    return t.isError() ? null : t;
  }

  private static Integer wholeLiteral(Expr n) {
    if (n instanceof Expr.Num num && num.value() >= 1 && num.value() == Math.rint(num.value()) && num.value() <= 1e6) {
      return (int) num.value();
    }
    return null;
  }

  private static String cellName(Checker ck, Span span) {
    CellSym user = ck.current();
    return (user == null ? "" : user.name + ".") + "prev@" + span.line() + ":" + span.column();
  }

  /**
   * The delayed references in a typed tree: pairs of the slot read and how many periods back.
   */
  static List<int[]> delayedRefs(TExpr root) {
    List<int[]> out = new ArrayList<>();
    java.util.Set<TExpr> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    java.util.Deque<TExpr> todo = new java.util.ArrayDeque<>();
    if (root != null) {
      todo.push(root);
    }
    while (!todo.isEmpty()) {
      TExpr e = todo.pop();
      if (!seen.add(e)) {
        continue;
      }
      if (e instanceof TExpr.Op o && o.op().equals("prev") && o.data() instanceof Use u) {
        out.add(new int[] {u.slot(), u.periods});
      }
      for (TExpr a : e.args()) {
        if (a != null) {
          todo.push(a);
        }
      }
    }
    return out;
  }
}

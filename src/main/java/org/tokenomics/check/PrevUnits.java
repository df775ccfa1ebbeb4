package org.tokenomics.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tokenomics.diag.Code;
import org.tokenomics.units.Dimension;
import org.tokenomics.units.DimensionFormat;

/**
 * The units of delayed references ({@link Prevs}) not known when they are checked. Such a
 * reference has a unit variable of its own: a base dimension "?prevN". Products, quotients and
 * powers carry it like any unit; where two sides must agree (+, -, comparisons, min/max, if, a
 * declared type) and one side has a single variable to the power ±1 while the other has none, the
 * variable is solved. Solutions are applied to the operands as they are met and, once every cell
 * is checked, to every cell ({@link #verify}, which also checks every delayed reference against
 * the type of the cell it reads).
 */
final class PrevUnits {
  /** The base dimension standing for a unit not known yet. */
  static final String PLACEHOLDER = "?prev";

  private PrevUnits() {}

  /** True when the type's unit involves a unit variable (solved or not). */
  static boolean unknown(Type t) {
    if (!t.isNumber()) {
      return false;
    }
    for (String base : t.dim().exponents().keySet()) {
      if (base.startsWith(PLACEHOLDER)) {
        return true;
      }
    }
    return false;
  }

  /** {@code dim} with the solved variables replaced by their solutions. */
  private static Dimension solved(Checker ck, Dimension dim) {
    Dimension out = dim;
    for (Map.Entry<String, Integer> e : dim.exponents().entrySet()) {
      Dimension d = ck.prevSolutions.get(e.getKey());
      if (d != null) {
        out = out.over(Dimension.base(e.getKey()).pow(e.getValue())).times(d.pow(e.getValue()));
      }
    }
    return out;
  }

  private static Type solved(Checker ck, Type t) {
    return unknown(t) ? Type.number(solved(ck, t.dim()), t.series()) : t;
  }

  /** The typed expression with every solved variable replaced (its tree and the cells it reads keep theirs until {@link #verify}). */
  static Typed apply(Checker ck, Typed t) {
    if (!unknown(t.type())) {
      return t;
    }
    TExpr e = substitute(ck, t.expr(), new java.util.IdentityHashMap<>());
    return new Typed(e, e.type());
  }

  private static TExpr substitute(Checker ck, TExpr e, Map<TExpr, TExpr> memo) {
    if (e == null || !unknown(e.type())) {
      return e;
    }
    TExpr done = memo.get(e);
    if (done != null) {
      return done;
    }
    Type type = solved(ck, e.type());
    TExpr out;
    if (e instanceof TExpr.CellRef r) {
      out = new TExpr.CellRef(r.slot(), type, r.span());
    } else if (e instanceof TExpr.Op o) {
      List<TExpr> args = new ArrayList<>();
      for (TExpr a : o.args()) {
        args.add(substitute(ck, a, memo));
      }
      out = new TExpr.Op(o.op(), args, type, o.span(), o.data());
    } else {
      out = e;
    }
    memo.put(e, out);
    return out;
  }

  /** The single unsolved variable of a unit, to the power ±1, or null. */
  private static String single(Dimension dim) {
    String found = null;
    for (Map.Entry<String, Integer> e : dim.exponents().entrySet()) {
      if (e.getKey().startsWith(PLACEHOLDER)) {
        if (found != null || Math.abs(e.getValue()) != 1) {
          return null;
        }
        found = e.getKey();
      }
    }
    return found;
  }

  /** Solves {@code l}'s variable so that its unit is {@code want}; false when it has no single variable. */
  private static boolean solve(Checker ck, Type l, Dimension want) {
    String v = single(l.dim());
    if (v == null) {
      return false;
    }
    int k = l.dim().exponent(v);
    Dimension rest = l.dim().over(Dimension.base(v).pow(k));
    Dimension d = k == 1 ? want.over(rest) : rest.over(want);
    ck.prevSolutions.put(v, d);
    for (Prevs.Use u : ck.prevUses) {
      if (u.var.equals(v)) {
        u.dim = d;
      }
    }
    return true;
  }

  /**
   * Two operands that must share a unit: solved variables are applied, then one side's single
   * unknown variable is solved from the other side's unit.
   */
  static Typed[] unify(Checker ck, Typed l, Typed r) {
    l = apply(ck, l);
    r = apply(ck, r);
    if (unknown(l.type()) && r.type().isNumber() && !unknown(r.type()) && solve(ck, l.type(), r.type().dim())) {
      l = apply(ck, l);
    } else if (unknown(r.type()) && l.type().isNumber() && !unknown(l.type()) && solve(ck, r.type(), l.type().dim())) {
      r = apply(ck, r);
    }
    return new Typed[] {l, r};
  }

  /** A cell's value against its declared unit: an unknown variable in it is solved from the declaration. */
  static Typed unifyDeclared(Checker ck, Typed t, Type want) {
    t = apply(ck, t);
    if (unknown(t.type()) && want.isNumber() && solve(ck, t.type(), want.dim())) {
      t = apply(ck, t);
    }
    return t;
  }

  /** An error left to {@link #verify}: it is about a prev whose unit is not known. */
  static Typed silenced(Checker ck) {
    ck.prevSilenced = true;
    return Typed.ERROR;
  }

  // ---- after checking ---------------------------------------------------------------------

  /**
   * Checks every delayed reference made since the last call against the type of the cell it
   * reads, and that no cell was left with a unit not known; returns false after reporting.
   */
  static boolean verify(Checker ck) {
    if (!ck.prevSolutions.isEmpty()) {
      Map<TExpr, TExpr> memo = new java.util.IdentityHashMap<>();
      for (CellSym c : ck.cells) {
        if (c.state == CellSym.State.DONE && unknown(c.type)) {
          c.typed = substitute(ck, c.typed, memo);
          c.type = solved(ck, c.type);
        }
      }
    }
    boolean ok = true;
    for (Prevs.Use u : ck.prevUses) {
      Type t = u.target.type;
      if (u.dim == null && t.isError() && !ck.prevSilenced) {
        continue; // x's own error is reported; the unit of prev(x) is a consequence
      }
      if (u.dim == null) {
        // Never known: x's own error, if any, may have been silenced because of it.
        String unit = !t.isNumber() || unknown(t) ? "" : DimensionFormat.unitText(t.dim());
        ck.error(u.ctx, Code.TOK300, u.span, Messages.prevUnitUnknown(u.call, u.name), Messages.prevUnitHelp(u.name, unit));
        ok = false;
        continue;
      }
      if (t.isError()) {
        continue;
      }
      if (!t.isNumber()) {
        ck.error(u.ctx, Code.TOK302, u.span, Messages.prevNeedsNumber(u.call, u.name, t.describe()), null);
        ok = false;
      } else if (unknown(t) || u.dim == null) {
        String unit = unknown(t) ? "" : DimensionFormat.unitText(t.dim());
        ck.error(u.ctx, Code.TOK300, u.span, Messages.prevUnitUnknown(u.call, u.name), Messages.prevUnitHelp(u.name, unit));
        ok = false;
      } else if (!u.dim.equals(t.dim())) {
        String found = Type.number(u.dim, false).shortName();
        ck.error(u.ctx, Code.TOK300, u.span, u.fromInitial ? Messages.prevInitialUnit(u.name, t.shortName(), found)
            : Messages.prevUsedAs(u.call, found, u.name, t.shortName()), null);
        ok = false;
      }
    }
    ck.prevUses.clear();
    ck.prevSolutions.clear();
    if (ok) {
      for (CellSym c : ck.cells) {
        if (!c.type.isError() && unknown(c.type)) {
          // Safety net: every unknown unit comes from a delayed reference reported above.
          ck.error(c.ctx, Code.TOK300, c.span(), "the unit of " + c.name + " is not known: it reads prev without initial:",
              "give prev its first value, e.g. prev(x, initial: 0 …)");
          ok = false;
        }
      }
    }
    return ok;
  }
}

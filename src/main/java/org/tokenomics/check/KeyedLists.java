package org.tokenomics.check;

import java.util.ArrayList;
import java.util.List;
import org.tokenomics.diag.Code;
import org.tokenomics.syntax.Expr;
import org.tokenomics.syntax.Span;
import org.tokenomics.time.Dates;
import org.tokenomics.units.Dimension;

/**
 * Checks a keyed list {@code [K1: V1, K2: V2, …]} (LANGUAGE.md §11) for the functions that take
 * one: {@code series}, {@code curve}, {@code lookup} (and {@code discrete}, §18). Keys are
 * constants, strictly increasing, all dates or all quantities of one dimension (TOK302); values are
 * single values of one dimension (TOK300), params included.
 */
final class KeyedLists {
  private KeyedLists() {}

  /** How keys are read. */
  enum Keys {
    /** Dates; a whole number such as {@code 2027} is January 1st of that year (series, curve). */
    DATES,
    /** Dates or quantities, whichever the first key is (lookup, discrete). */
    ANY
  }

  /**
   * A checked keyed list.
   *
   * @param keys     the keys in base units (dates as model time), strictly increasing
   * @param keyType  the keys' type (a date, or a number of one dimension), scalar
   * @param keySpans where each key is written
   * @param values   the values' typed forms, one per key
   * @param valueType the values' type, scalar
   */
  record Checked(double[] keys, Type keyType, Span[] keySpans, List<TExpr> values, Type valueType) {}

  /**
   * Checks {@code e} as the keyed list argument {@code arg} of {@code owner}; null after reporting.
   * Every entry is checked, so independent errors are all reported.
   */
  static Checked check(Checker ck, ExprChecker ex, Expr e, Ctx ctx, String owner, String arg, Keys mode) {
    if (!(e instanceof Expr.KeyedList list)) {
      ck.error(ctx, Code.TOK302, e.span(), owner + "'s " + arg + " must be a keyed list "
          + (owner.equals("discrete") ? "[VALUE: PROBABILITY, …]" : "[KEY: VALUE, …]"),
          owner.equals("discrete") ? "e.g. discrete([0 month: 70 %, 6 month: 30 %])"
              : "e.g. " + owner + "(" + (owner.equals("lookup") ? "x, " : "") + "[2026: $10B, 2027: $20B])");
      return null;
    }
    int n = list.entries().size();
    double[] keys = new double[n];
    Span[] spans = new Span[n];
    List<TExpr> values = new ArrayList<>(n);
    Type keyType = null;
    Type valueType = null;
    boolean ok = true;
    for (int i = 0; i < n; i++) {
      Expr.Entry entry = list.entries().get(i);
      spans[i] = entry.key().span();
      Typed k = key(ck, ex, entry.key(), ctx, mode);
      if (k == null) {
        ok = false;
      } else if (keyType == null) {
        keyType = k.type();
        keys[i] = ((TExpr.Lit) k.expr()).value();
      } else if (!k.type().sameShape(keyType)) {
        ck.error(ctx, Code.TOK302, entry.key().span(), "keys must all be dates or all quantities of one dimension: "
            + keyType.shortName() + " and " + k.type().shortName(), null);
        ok = false;
      } else {
        keys[i] = ((TExpr.Lit) k.expr()).value();
        if (i > 0 && ok && !(keys[i] > keys[i - 1])) {
          ck.error(ctx, Code.TOK302, entry.key().span(), "keys must increase: " + text(ck, ctx, entry.key())
              + " does not come after " + text(ck, ctx, list.entries().get(i - 1).key()), "write the points in order");
          ok = false;
        }
      }
      Typed v = ex.check(entry.value(), ctx);
      if (v.isError()) {
        ok = false;
        continue;
      }
      if (!v.type().isNumber()) {
        ck.error(ctx, Code.TOK302, entry.value().span(), owner + "'s " + valuesWord(owner) + " must be numbers, found " + v.type().describe(), null);
        ok = false;
      } else if (v.type().series()) {
        ck.error(ctx, Code.TOK302, entry.value().span(), owner + "'s " + valuesWord(owner) + " must be single values, not series",
            "give each point a constant or a param");
        ok = false;
      } else if (valueType == null) {
        valueType = v.type();
      } else if (!v.type().dim().equals(valueType.dim())) {
        ck.error(ctx, Code.TOK300, entry.value().span(), owner + "'s " + valuesWord(owner) + " must share one dimension: "
            + valueType.shortName() + " and " + v.type().shortName(), null,
            "the first value is " + valueType.shortName() + ", this one " + v.type().shortName());
        ok = false;
      }
      values.add(v.expr());
    }
    return ok ? new Checked(keys, keyType, spans, values, valueType) : null;
  }

  /** What the list's values are called in messages: a discrete's are its probabilities (§18). */
  private static String valuesWord(String owner) {
    return owner.equals("discrete") ? "probabilities" : "values";
  }

  /** A key as a literal of its type; null after reporting. */
  private static Typed key(Checker ck, ExprChecker ex, Expr e, Ctx ctx, Keys mode) {
    if (mode == Keys.DATES && e instanceof Expr.Num num) {
      double y = num.value();
      if (y != Math.rint(y) || !Dates.valid((int) y, 1, 0) || y > 9999) {
        ck.error(ctx, Code.TOK302, e.span(), "a key here is a date, found " + num.text(), "write a year such as 2027, or 2027-06");
        return null;
      }
      return Typed.lit(Dates.of((int) y, 1, 0), Type.date(false), e.span());
    }
    Typed k = ex.check(e, ctx);
    if (k.isError()) {
      return null;
    }
    if (k.type().tag() != Type.Tag.DATE && !k.type().isNumber()) {
      ck.error(ctx, Code.TOK302, e.span(), "a key must be a date or a quantity, found " + k.type().describe(), null);
      return null;
    }
    if (mode == Keys.DATES && k.type().tag() != Type.Tag.DATE) {
      ck.error(ctx, Code.TOK302, e.span(), "a key here is a date, found " + k.type().describe(),
          "series and curve take dated points, e.g. [2026: …, 2027-07: …]; lookup takes points over a quantity");
      return null;
    }
    Double c = TExpr.constant(k.expr());
    if (c == null || k.type().series() || !Double.isFinite(c)) {
      ck.error(ctx, Code.TOK302, e.span(), "a key must be a constant", "write the key as a literal, e.g. 2027 or 50 tok/s");
      return null;
    }
    return Typed.lit(c, k.type().asSeries(false), e.span());
  }

  private static String text(Checker ck, Ctx ctx, Expr e) {
    return ctx.file().slice(e.span()).strip();
  }

  /** For messages: a dimension's short name. */
  static String dim(Dimension d) {
    return Type.number(d, false).shortName();
  }
}

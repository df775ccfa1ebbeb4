package org.tokenomics.check;

import java.math.BigDecimal;
import java.util.Set;
import org.tokenomics.diag.Code;
import org.tokenomics.diag.Severity;
import org.tokenomics.syntax.Expr;

/**
 * The warning for a rate written as a plain number above 1 (TOK701): {@code loan { rate = 7.25 }}
 * charges 725 %. A value is rate-like when it is (a) a param or attribute with a plain-number type
 * whose name has a word (split at {@code _}) among {@link #WORDS}, or one of the standard kinds'
 * shares in {@link #KIND_SHARES}, or (b) npv's or crf's {@code rate} or grow's or decline's {@code by}.
 * Only a literal written without a unit and between 1 and 100 (exclusive, inclusive) is warned
 * about: {@code 7.25 %} and {@code 0.0725} are what was meant, and a plain number above 100 is far
 * more likely a count than a percentage written without {@code %} (the rule is in
 * dsl/reference/language.md, "Rate-like numbers").
 */
final class RateWarning {
  /** Words that make a plain-number param or attribute a rate or a share. */
  static final Set<String> WORDS = Set.of("rate", "margin", "utilization", "utilisation", "share", "usage", "wacc");
  /** Shares of the standard kinds whose names carry none of {@link #WORDS}. */
  static final Set<String> KIND_SHARES = Set.of("offtake.minimum", "price.cache_hit");
  /** Built-in arguments that are rates: function name and label. */
  private static final Set<String> ARGS = Set.of("npv.rate", "crf.rate", "grow.by", "decline.by");

  private RateWarning() {}

  /** Warns when a param's or attribute's value is a rate-like plain number above 1. */
  static void cell(Checker ck, CellSym cell, Type type) {
    boolean input = cell.role == CellSym.Role.PARAM || cell.role == CellSym.Role.ATTR_PARAM
        || cell.role == CellSym.Role.LET || cell.role == CellSym.Role.ATTR_LET;
    if (!input || cell.defaulted || fromLibrary(cell.ctx) || !type.isNumber() || !type.dim().isNone()) {
      return;
    }
    String name = rateName(cell);
    if (name != null) {
      literal(ck, followed(ck, cell.expr), name);
    }
  }

  /**
   * Warns when an override in a scenario ({@code scenario bull { loan.rate = 7.25 }}) gives a
   * rate-like param a plain number above 1. A {@code --set} is not warned about here: its checker's
   * diagnostics are the caller's, and a warning there would stop nothing anyway.
   */
  static void override(Checker ck, CellSym param, Expr value, Type type) {
    if (!type.isNumber() || !type.dim().isNone()) {
      return;
    }
    String name = rateName(param);
    if (name != null) {
      literal(ck, followed(ck, value), name);
    }
  }

  /** The name a warning shows when the cell is rate-like ({@code rate}, {@code loan}'s {@code rate}); else null. */
  private static String rateName(CellSym cell) {
    String name = cell.name;
    String kind = null;
    if (cell.ctx != null && cell.ctx.self() != null) {
      name = name.substring(cell.ctx.self().name().length() + 1);
      kind = cell.ctx.self().kind().name();
    }
    return rateLike(name) || kind != null && KIND_SHARES.contains(kind + "." + name) ? name : null;
  }

  /**
   * A value written as another param's name ({@code rate = r} with {@code param r = 7.25}) is
   * followed to that param's literal, one step and only for a plain top-level param, so the
   * warning points at the number that was mistyped.
   */
  private static Expr followed(Checker ck, Expr e) {
    if (e instanceof Expr.Name n && ck.globals.get(n.name()) instanceof CellSym c && c.role == CellSym.Role.PARAM
        && c.expr instanceof Expr.Num && !fromLibrary(c.ctx)) {
      return c.expr;
    }
    return e;
  }

  /** Warns when a built-in's rate argument ({@code npv(x, 8)}) is a plain number above 1. */
  static void arg(Checker ck, Ctx ctx, String fn, String label, Expr value) {
    if (value != null && !fromLibrary(ctx) && ARGS.contains(fn + "." + label)) {
      literal(ck, value, fn + "'s " + label);
    }
  }

  /** Whether a name has a rate word: {@code rate}, {@code discount_rate}, {@code gross_margin}. */
  static boolean rateLike(String name) {
    for (String word : name.toLowerCase(java.util.Locale.ROOT).split("_")) {
      if (WORDS.contains(word)) {
        return true;
      }
    }
    return false;
  }

  private static boolean fromLibrary(Ctx ctx) {
    return ctx != null && ctx.file() != null && ctx.file().isLibrary();
  }

  private static void literal(Checker ck, Expr e, String what) {
    if (!(e instanceof Expr.Num n) || !(n.value() > 1) || n.value() > 100) {
      return;
    }
    String percent = BigDecimal.valueOf(n.value()).movePointRight(2).stripTrailingZeros().toPlainString();
    String fraction = BigDecimal.valueOf(n.value()).movePointLeft(2).stripTrailingZeros().toPlainString();
    ck.diags.add(Severity.WARNING, Code.TOK701, n.span(), Messages.rateAboveOne(what, n.text(), percent),
        Messages.rateAboveOneHelp(n.text(), fraction), null);
  }
}

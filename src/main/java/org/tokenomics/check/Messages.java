package org.tokenomics.check;

import org.tokenomics.syntax.Expr;
import org.tokenomics.units.Dimension;
import org.tokenomics.units.DimensionFormat;
import org.tokenomics.units.Units;

/** Wording shared by the checker's messages: what a value is, and what might fix a mismatch. */
final class Messages {
  private Messages() {}

  /** "revenue" for a name, "the left side" otherwise. */
  static String what(Expr e, String fallback) {
    if (e instanceof Expr.Name n) {
      return n.name();
    }
    if (e instanceof Expr.Attr a && a.target() instanceof Expr.Name n) {
      return n.name() + "." + a.name();
    }
    return fallback;
  }

  /**
   * A likely fix when {@code found} should be {@code expected}: rates versus amounts, per-unit
   * versus totals. {@code text} is the offending expression's source.
   */
  static String fix(Dimension found, Dimension expected, String text) {
    Dimension ratio = expected.over(found);
    if (ratio.equals(Units.TIME)) {
      return "multiply the rate by a duration, e.g. " + text + " * dt (one period) or " + text + " * 1 yr";
    }
    if (ratio.equals(Units.TIME.pow(-1))) {
      return "divide the amount by a duration, e.g. " + text + " / dt or " + text + " / yr";
    }
    if (ratio.isNone()) {
      return null;
    }
    String unit = DimensionFormat.unitText(ratio);
    if (unit.startsWith("1/")) {
      return "divide by " + unit.substring(2) + " (the value is missing a per-" + unit.substring(2) + ")";
    }
    return "multiply by a quantity of " + unit;
  }

  /** "did you mean 700 W/GPU?" for a literal written with the wrong unit. */
  static String literalFix(Expr e, String sourceText, String expectedUnitText) {
    if (expectedUnitText.isEmpty() || expectedUnitText.equals("1")) {
      return e instanceof Expr.Quantity q ? "a plain number has no unit: did you mean " + q.number().text() + "?" : null;
    }
    if (e instanceof Expr.Quantity q) {
      return "did you mean " + q.number().text() + " " + expectedUnitText + "?";
    }
    if (e instanceof Expr.Num n) {
      return "did you mean " + n.text() + " " + expectedUnitText + "?";
    }
    String perWhat = expectedUnitText.replaceFirst("^\\$[kMBT]?", "");
    if (e instanceof Expr.Money m && expectedUnitText.startsWith("$") && perWhat.startsWith("/")) {
      return "did you mean " + m.text() + perWhat + "?";
    }
    return null;
  }

  // ---- param domains (LANGUAGE.md §16) ----

  static String outsideDomain(String name, String written, String domain) {
    return name + " = " + written + " is outside its domain " + domain;
  }

  static String domainNeedsNumber(String name, String found) {
    return "a domain needs a single-number param; " + name + " is " + found;
  }

  static String domainBound(String name, String want, String found) {
    return "the ends of " + name + "'s domain must be " + want + " like " + name + ", found " + found;
  }

  static String domainNotConstant(String name) {
    return "the ends of " + name + "'s domain must be constants";
  }

  static String domainReversed(String domain) {
    return "the domain " + domain + " is empty: its low end is above its high end";
  }

  static String bracketOutsideDomain(String target, String bracket, String domain) {
    return "the bracket " + bracket + " reaches outside " + target + "'s domain " + domain;
  }

  // ---- state across periods: prev (LANGUAGE.md §10) ----

  static String prevNeedsNumber(String call, String name, String found) {
    return call + " needs a number; " + name + " is " + found;
  }

  static String prevInitialUnit(String name, String want, String found) {
    return "prev(" + name + ")'s initial must be " + want + " like " + name + ", found " + found;
  }

  static String prevUnitUnknown(String call, String name) {
    return "the unit of " + call + " is not known here: " + name + " is defined from it";
  }

  static String prevUnitHelp(String name, String unit) {
    return "give its first value, e.g. prev(" + name + ", initial: 0" + (unit.isEmpty() ? "" : " " + unit) + ")";
  }

  static String prevUsedAs(String call, String used, String name, String found) {
    return call + " is used as " + used + " here, but " + name + " is " + found;
  }

  static String recurrenceParam(String name) {
    return name + " is a param: a param cannot depend on its own earlier values";
  }

  static String recurrenceWholeSeries(String what, String cycle) {
    return what + " needs every period of a value that depends on its own earlier periods: " + cycle;
  }

  static String recurrenceWholeSeriesHelp() {
    return "compute it period by period (e.g. with prev), or read the series outside the recurrence";
  }

  /** {@code amends} after another declaration (LANGUAGE.md §19). */
  static String amendsNotFirst() {
    return "amends must be the first declaration of a file";
  }

  static String amendsNotFirstHelp() {
    return "move amends \"…\" to the top; a file amends at most one model";
  }

  /** A variant redeclares something of its base that is not a param. */
  static String notRedeclarable(String name, String base) {
    return "'" + name + "' is already defined in " + base + ", which this file amends; a variant may redeclare only params";
  }

  /** A variant's param redeclares a name its base declares as something else, or the reverse. */
  static String redeclareHelp(String where) {
    return "first defined at " + where + "; give the new value another name";
  }

  /**
   * The help for the precedence trap: {@code literal} is the number with its first unit as
   * written ({@code 6.98 $}), {@code meant} the literal with the units after it ({@code 6.98 $/GPU/h}).
   */
  static String precedenceHelp(String literal, String meant, String left) {
    return "a number takes only the unit right after it, so this divides by " + literal
        + " and then by the rest; write " + left + " / (" + meant + ")";
  }

  /** TOK701's message: {@code rate} is 7.25, which is 725 %. */
  static String rateAboveOne(String what, String text, String percent) {
    return what + " is " + text + ", which is " + percent + " %; did you mean " + text + " %?";
  }

  /** TOK701's help. */
  static String rateAboveOneHelp(String text, String fraction) {
    return "a plain number 1 is 100 %: write " + text + " % (or " + fraction + ")";
  }
}

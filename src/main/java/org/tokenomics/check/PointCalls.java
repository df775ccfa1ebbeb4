package org.tokenomics.check;

import java.util.ArrayList;
import java.util.List;
import org.tokenomics.diag.Code;
import org.tokenomics.diag.Suggest;
import org.tokenomics.syntax.Expr;
import org.tokenomics.syntax.Span;
import org.tokenomics.units.Dimension;

/**
 * The rules of {@code series}, {@code curve}, {@code lookup} (LANGUAGE.md §11) and {@code csv}
 * (§12). Their keyed lists, words ({@code interpolate: log}) and strings are read as written
 * ({@link BuiltinFunctions#raw}); the typed form carries the constant part in its data
 * ({@link Points}, {@link Data}) and the values as arguments, so params among them are dependencies.
 */
final class PointCalls {
  private PointCalls() {}

  /**
   * What a series, curve or lookup carries besides its values.
   *
   * @param keys        the keys in base units (dates as model time), increasing
   * @param keySpans    where each key is written
   * @param interpolate {@code linear}, {@code step} or {@code log} ({@code sum} for series)
   */
  record Points(double[] keys, Span[] keySpans, String interpolate) {}

  /**
   * What a csv call carries: the rows of its column, read at compile time.
   *
   * @param dates     the rows' dates (model time), increasing
   * @param values    the rows' numbers
   * @param aggregate {@code mean}, {@code sum} or {@code last}
   * @param file      the data file's name as shown
   */
  record Data(double[] dates, double[] values, String aggregate, String file) {}

  static Typed series(BuiltIns b) {
    KeyedLists.Checked list = list(b, KeyedLists.Keys.DATES);
    return points(b, "series", list, "sum", List.of());
  }

  static Typed curve(BuiltIns b) {
    String how = word(b, "interpolate", "linear");
    KeyedLists.Checked list = list(b, KeyedLists.Keys.DATES);
    return points(b, "curve", list, how, List.of());
  }

  static Typed lookup(BuiltIns b) {
    Typed x = b.checked("x");
    String how = word(b, "interpolate", "linear");
    if (x.type().tag() != Type.Tag.DATE && !x.type().isNumber()) {
      throw b.fail(Code.TOK302, b.written("x").span(), "lookup's x must be a quantity or a date, found " + x.type().describe(), null);
    }
    KeyedLists.Checked list = list(b, x.type().tag() == Type.Tag.DATE ? KeyedLists.Keys.DATES : KeyedLists.Keys.ANY);
    if (!list.keyType().sameShape(x.type().asSeries(false))) {
      Code code = list.keyType().isNumber() && x.type().isNumber() ? Code.TOK300 : Code.TOK302;
      throw b.fail(code, b.written("points").span(), "lookup's keys are " + list.keyType().shortName() + ", x is "
          + x.type().shortName(), "give the keys in x's dimension, e.g. [20 tok/s: …] for a speed in tok/s");
    }
    List<TExpr> in = new ArrayList<>();
    in.add(x.expr());
    return points(b, "lookup", list, how, in);
  }

  /** The keyed list argument, checked; abandons the call after reporting. */
  private static KeyedLists.Checked list(BuiltIns b, KeyedLists.Keys keys) {
    KeyedLists.Checked list = KeyedLists.check(b.checker(), b.exprChecker(), b.written("points"), b.ctx(), b.call().name(),
        "points", keys);
    if (list == null) {
      throw b.bad();
    }
    return list;
  }

  private static Typed points(BuiltIns b, String op, KeyedLists.Checked list, String how, List<TExpr> first) {
    List<TExpr> args = new ArrayList<>(first);
    args.addAll(list.values());
    boolean series = op.equals("lookup") ? first.get(0).type().series() : b.hasTimeline();
    Type type = Type.number(list.valueType().dim(), series);
    return new Typed(new TExpr.Op(op, args, type, b.call().span(), new Points(list.keys(), list.keySpans(), how)), type);
  }

  /** A word argument such as {@code interpolate: log}: one of the registry's words, else TOK302 with "did you mean". */
  private static String word(BuiltIns b, String label, String otherwise) {
    Expr e = b.written(label);
    if (e == null) {
      return otherwise;
    }
    List<String> words = BuiltinFunctions.words(b.call().name(), label);
    if (e instanceof Expr.Name n && words.contains(n.name())) {
      return n.name();
    }
    String got = org.tokenomics.syntax.Printer.expr(e);
    String near = e instanceof Expr.Name n ? Suggest.closest(n.name(), words) : null;
    throw b.fail(Code.TOK302, e.span(), b.call().name() + "'s " + label + " is one of " + String.join(", ", words)
        + ", found " + got, near != null ? "did you mean " + label + ": " + near + "?" : "e.g. " + label + ": " + words.get(0));
  }

  /** A string argument (a path, a column name); abandons the call after reporting. */
  private static Expr.Str string(BuiltIns b, String label, String example) {
    Expr e = b.written(label);
    if (e instanceof Expr.Str s) {
      return s;
    }
    throw b.fail(Code.TOK302, e.span(), "csv's " + label + " is a string in quotes", "e.g. " + example);
  }

  static Typed csv(BuiltIns b) {
    Expr.Str path = string(b, "path", "csv(\"rents.csv\", column: \"h100\")");
    Expr.Str column = string(b, "column", "column: \"h100\"");
    String aggregate = word(b, "aggregate", "mean");
    DataFiles.Column data = b.checker().data.read(b.checker(), b.ctx(), path.value(), path.span(), column.value(), column.span());
    if (data == null) {
      throw b.bad();
    }
    Type type = Type.number(Dimension.NONE, b.hasTimeline());
    return new Typed(new TExpr.Op("csv", List.of(), type, b.call().span(),
        new Data(data.dates(), data.values(), aggregate, data.file())), type);
  }
}

package org.tokenomics.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.tokenomics.internal.parser.TokLexer;

/** Generated Tok programs (syntax only: names need not resolve) and random re-spacings of them. */
final class Programs {
  private Programs() {}

  private static final Span N = Span.NONE;
  private static final List<String> NAMES = List.of("a", "b", "capex", "revenue", "x1", "gpu_count", "life", "_t");
  private static final List<String> NUMBERS = List.of("0", "1", "12", "1_000", "6.98", "1e12", "2.5E-3", "100k", "1.5T", "3M");
  private static final List<String> UNITS = List.of("W", "GW", "%", "$", "$B", "GPU", "yr", "bp");
  private static final List<String> LABELS = List.of("from", "over", "to", "for", "at", "initial", "by");

  static Arbitrary<List<Decl>> files() {
    return decl().list().ofMaxSize(8);
  }

  static Arbitrary<Decl> decl() {
    Arbitrary<String> name = Arbitraries.of(NAMES);
    Arbitrary<UnitExpr> type = unit(2).injectNull(0.5);
    Arbitrary<Expr> e = expr(3);
    return Arbitraries.frequencyOf(
        Tuple.of(4, Combinators.combine(name, type, e).as((n, t, v) -> (Decl) new Decl.Param(n, N, t, v, N))),
        Tuple.of(2, Combinators.combine(name, type, e, expr(1), expr(1))
            .as((n, t, v, lo, hi) -> (Decl) new Decl.Param(n, N, t, v, new Decl.Domain(lo, hi, N), N))),
        Tuple.of(4, Combinators.combine(name, type, e).as((n, t, v) -> (Decl) new Decl.Let(n, N, t, v, N))),
        Tuple.of(3, Combinators.combine(name.injectNull(0.5), e, unit(2).injectNull(0.5)).as(Programs::report)),
        Tuple.of(1, Combinators.combine(e, Arbitraries.of("ok", "a \"quoted\" word", "back\\slash").injectNull(0.3))
            .as((c, m) -> (Decl) new Decl.Assert(c, m, N))),
        Tuple.of(1, Combinators.combine(date(false), date(false), Arbitraries.of("yearly", "quarterly", "monthly"))
            .as((s, t, step) -> (Decl) new Decl.Timeline(s, t, step, N))),
        Tuple.of(1, Combinators.combine(name, fnParam().list().ofMaxSize(3), e)
            .as((n, ps, body) -> (Decl) new Decl.Fn(n, N, ps, body, N))),
        Tuple.of(1, Combinators.combine(name, expr(1).injectNull(0.5)).as((n, v) -> (Decl) new Decl.Unit(n, N, v, N))),
        Tuple.of(1, Arbitraries.of("chips.tok", "std:chips").map(p -> (Decl) new Decl.Import(p, N))),
        Tuple.of(1, Combinators.combine(name, assign().list().ofMaxSize(5))
            .as((n, sets) -> (Decl) new Decl.Scenario(n, N, sets, N))),
        Tuple.of(1, Combinators.combine(name, target(), expr(2), expr(2), expr(1), expr(1))
            .as((n, t, l, r, lo, hi) -> (Decl) new Decl.Solve(n, N, t, N, l, r, lo, hi, N))),
        Tuple.of(1, Combinators.combine(target(), target(), expr(1))
            .as((a, b, r) -> (Decl) new Decl.Correlate(a, N, b, N, r, N))),
        Tuple.of(2, Combinators.combine(name, member().list().ofMaxSize(5))
            .as((n, ms) -> (Decl) new Decl.Kind(n, N, ms, N))),
        Tuple.of(2, Combinators.combine(Arbitraries.of("chip", "cluster", "loan"), name, assign().list().ofMaxSize(5))
            .as((k, n, sets) -> (Decl) new Decl.Instance(k, N, n, N, sets, N))));
  }

  private static Decl report(String name, Expr value, UnitExpr as) {
    String label = name != null ? name : Printer.expr(value);
    return new Decl.Report(name, label, value, as, as == null ? null : Printer.unit(as), N);
  }

  private static Arbitrary<Decl.FnParam> fnParam() {
    return Combinators.combine(Arbitraries.of(NAMES), unit(1).injectNull(0.6), expr(1).injectNull(0.6))
        .as((n, t, d) -> new Decl.FnParam(n, t, d, N));
  }

  private static Arbitrary<Decl.Member> member() {
    return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(NAMES), unit(2).injectNull(0.3),
        expr(2).injectNull(0.3)).as((p, n, t, v) -> new Decl.Member(p || v == null, n, N, t, v, N));
  }

  private static Arbitrary<Decl.Assign> assign() {
    return Combinators.combine(target(), expr(2)).as((t, v) -> new Decl.Assign(t, N, v, N));
  }

  private static Arbitrary<String> target() {
    return Combinators.combine(Arbitraries.of(NAMES), Arbitraries.of(NAMES).injectNull(0.6))
        .as((a, b) -> b == null ? a : a + "." + b);
  }

  // ---- expressions ------------------------------------------------------------------------

  static Arbitrary<Expr> expr(int depth) {
    if (depth == 0) {
      return leaf();
    }
    Arbitrary<Expr> sub = Arbitraries.lazy(() -> expr(depth - 1));
    Arbitrary<String> op = Arbitraries.of("+", "-", "*", "/", "^", "==", "!=", "<", "<=", ">", ">=", "and", "or");
    Arbitrary<Expr.Arg> arg = Combinators.combine(Arbitraries.of(LABELS).injectNull(0.5), sub)
        .as((l, v) -> new Expr.Arg(l, v, N));
    return Arbitraries.frequencyOf(
        Tuple.of(4, leaf()),
        Tuple.of(5, Combinators.combine(op, sub, sub).as((o, l, r) -> (Expr) new Expr.Binary(o, l, r, N))),
        Tuple.of(1, Combinators.combine(Arbitraries.of("-", "not"), sub).as((o, x) -> (Expr) new Expr.Unary(o, x, N))),
        Tuple.of(1, Combinators.combine(sub, sub, sub).as((c, a, b) -> (Expr) new Expr.If(c, a, b, N))),
        Tuple.of(1, Combinators.combine(Arbitraries.of("npv", "ramp", "max", "f"), arg.list().ofMaxSize(3))
            .as((n, args) -> (Expr) new Expr.Call(n, args, N, N))),
        Tuple.of(1, Combinators.combine(sub, Arbitraries.of(NAMES)).as((t, n) -> (Expr) new Expr.Attr(t, n, N, N))),
        Tuple.of(1, Combinators.combine(sub, sub).as((t, i) -> (Expr) new Expr.Index(t, i, N))));
  }

  private static Arbitrary<Expr> leaf() {
    Arbitrary<Expr.Num> num = Arbitraries.of(NUMBERS).map(t -> new Expr.Num(Literals.number(t), t, N));
    return Arbitraries.frequencyOf(
        Tuple.of(3, num.map(n -> (Expr) n)),
        Tuple.of(3, Combinators.combine(num, Arbitraries.of(UNITS), Arbitraries.of(1, 1, 2, -1))
            .as((n, u, x) -> (Expr) new Expr.Quantity(n, u, x, N, N))),
        Tuple.of(1, Arbitraries.of(NUMBERS).map(t -> (Expr) new Expr.Money(Literals.number(t), "$" + t, N))),
        Tuple.of(1, date(true).map(d -> (Expr) d)),
        Tuple.of(1, Arbitraries.of(true, false).map(b -> (Expr) new Expr.Bool(b, N))),
        Tuple.of(4, Arbitraries.of(concat(NAMES, List.of("$", "$B", "t", "dt"))).map(n -> (Expr) new Expr.Name(n, N))));
  }

  private static Arbitrary<Expr.Date> date(boolean withDay) {
    return Combinators.combine(Arbitraries.integers().between(2020, 2035), Arbitraries.integers().between(1, 12),
        withDay ? Arbitraries.of(0, 0, 1, 15, 28) : Arbitraries.just(0)).as((y, m, d) -> new Expr.Date(y, m, d, N));
  }

  static Arbitrary<UnitExpr> unit(int depth) {
    Arbitrary<UnitExpr> atom = Arbitraries.frequencyOf(
        Tuple.of(5, Arbitraries.of(concat(UNITS, List.of("date", "chip", "Mtok"))).map(a -> (UnitExpr) new UnitExpr.Atom(a, N))),
        Tuple.of(1, Arbitraries.of("1", "12").map(t -> (UnitExpr) new UnitExpr.Num(Literals.number(t), t, N))));
    if (depth == 0) {
      return atom;
    }
    Arbitrary<UnitExpr> sub = Arbitraries.lazy(() -> unit(depth - 1));
    return Arbitraries.frequencyOf(
        Tuple.of(3, atom),
        Tuple.of(3, Combinators.combine(Arbitraries.of('*', '/'), sub, sub).as((o, l, r) -> (UnitExpr) new UnitExpr.Bin(o, l, r, N))),
        Tuple.of(1, Combinators.combine(sub, Arbitraries.of(2, 3, -1)).as((b, x) -> (UnitExpr) new UnitExpr.Pow(b, x, N))));
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  // ---- re-spacing ---------------------------------------------------------------------------

  private static final List<String> STATEMENT_START = List.of("param", "let", "report", "assert", "kind", "fn",
      "unit", "import", "scenario", "solve", "correlate", "timeline", "}");
  private static final List<String> TIGHT = List.of("(", ")", "[", "]", ",", ":", ".", "{", "}", ";");

  /**
   * The same program with random whitespace, line breaks, indentation, semicolons and comments
   * between its tokens, never where they would change how it parses: no line break after a
   * number (its unit must be on its line) and no gluing of tokens that would lex differently.
   */
  static String respace(String text, long seed) {
    Random rnd = new Random(seed);
    TokLexer lexer = new TokLexer(CharStreams.fromString(text));
    List<? extends Token> tokens = lexer.getAllTokens();
    StringBuilder out = new StringBuilder();
    Token prev = null;
    for (Token t : tokens) {
      if (prev != null) {
        String sep = text.substring(prev.getStopIndex() + 1, t.getStartIndex());
        out.append(separator(rnd, sep, prev, t));
      }
      out.append(t.getText());
      prev = t;
    }
    return out.append(rnd.nextBoolean() ? "\n" : rnd.nextBoolean() ? "" : "\n\n// tail\n").toString();
  }

  private static String separator(Random rnd, String sep, Token prev, Token next) {
    boolean afterNumber = prev.getType() == TokLexer.NUMBER;
    if (sep.contains("\n")) {
      StringBuilder s = new StringBuilder();
      if (rnd.nextInt(4) == 0 && !prev.getText().equals("{") && STATEMENT_START.contains(next.getText())) {
        s.append(";");
      }
      if (rnd.nextInt(4) == 0) {
        s.append(rnd.nextBoolean() ? " " : "     ").append("// note ").append(rnd.nextInt(100));
      }
      s.append("\n".repeat(1 + rnd.nextInt(3)));
      if (rnd.nextInt(5) == 0) {
        s.append(rnd.nextBoolean() ? "// a comment line\n" : "/* a block\n   comment */\n");
      }
      return s.append(" ".repeat(rnd.nextInt(7))).toString();
    }
    int choice = rnd.nextInt(10);
    boolean canGlue = TIGHT.contains(prev.getText()) || TIGHT.contains(next.getText());
    if (choice == 0 && canGlue) {
      return "";
    } else if (choice == 1) {
      return "  ";
    } else if (choice == 2) {
      return " /* c */ ";
    } else if (choice == 3 && !afterNumber) {
      return rnd.nextBoolean() ? "\n   " : " // why\n";
    }
    return sep;
  }
}

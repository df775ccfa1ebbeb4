package org.tokenomics.syntax;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.tokenomics.internal.parser.TokParser.AddExprContext;
import org.tokenomics.internal.parser.TokParser.AndExprContext;
import org.tokenomics.internal.parser.TokParser.ExprContext;
import org.tokenomics.internal.parser.TokParser.MulExprContext;
import org.tokenomics.internal.parser.TokParser.OrExprContext;

/**
 * Chains of one precedence level ({@code a + b - c + …}, {@code a * b / c …}, {@code and},
 * {@code or}) walked without recursion. Short chains keep their left-to-right shape; a long one
 * becomes a balanced tree of the same value, so a 50,000-term sum never needs a 50,000-deep
 * stack to check or evaluate.
 */
final class Chains {
  /** Longer chains than this are balanced. */
  static final int BALANCE_FROM = 32;

  private Chains() {}

  static Expr build(AstBuilder b, ExprContext top) {
    Class<?> kind = top.getClass();
    List<ExprContext> terms = new ArrayList<>();
    List<String> ops = new ArrayList<>();
    ExprContext cur = top;
    while (cur.getClass() == kind) {
      ops.add(op(cur));
      terms.add(cur.getChild(ExprContext.class, 1));
      cur = cur.getChild(ExprContext.class, 0);
    }
    terms.add(cur);
    Collections.reverse(terms);
    Collections.reverse(ops);
    List<Expr> built = new ArrayList<>(terms.size());
    List<Span> spans = new ArrayList<>(terms.size());
    for (ExprContext t : terms) {
      built.add(b.expr(t));
      spans.add(b.span(t)); // the term as written, brackets included
    }
    return join(top instanceof AddExprContext ? ADD : top instanceof MulExprContext ? MUL : LOGIC, built, spans, ops);
  }

  /** A chain of {@code +}/{@code -} terms. */
  static final int ADD = 0;
  /** A chain of {@code *}/{@code /} terms. */
  static final int MUL = 1;
  /** A chain of {@code and} or of {@code or} terms. */
  static final int LOGIC = 2;

  /**
   * The expression of a chain: its terms (built), their spans as written (brackets included) and
   * the operators between them; {@link DirectParser} builds chains with it as well.
   */
  static Expr join(int kind, List<Expr> built, List<Span> spans, List<String> ops) {
    if (built.size() <= BALANCE_FROM) {
      Expr result = built.get(0);
      Span span = spans.get(0);
      for (int i = 1; i < built.size(); i++) {
        span = span.to(spans.get(i));
        result = new Expr.Binary(ops.get(i - 1), result, built.get(i), span);
      }
      return result;
    }
    if (kind == ADD) {
      List<Expr> signed = new ArrayList<>();
      signed.add(built.get(0));
      for (int i = 1; i < built.size(); i++) {
        Expr t = built.get(i);
        signed.add(ops.get(i - 1).equals("-") ? new Expr.Unary("-", t, t.span()) : t);
      }
      return balance(signed, "+", 0, signed.size() - 1);
    }
    if (kind == MUL) {
      List<Expr> num = new ArrayList<>(List.of(built.get(0)));
      List<Expr> den = new ArrayList<>();
      for (int i = 1; i < built.size(); i++) {
        (ops.get(i - 1).equals("/") ? den : num).add(built.get(i));
      }
      Expr n = balance(num, "*", 0, num.size() - 1);
      if (den.isEmpty()) {
        return n;
      }
      Expr d = balance(den, "*", 0, den.size() - 1);
      return new Expr.Binary("/", n, d, n.span().to(d.span()));
    }
    return balance(built, ops.get(0), 0, built.size() - 1);
  }

  /** A balanced tree over terms[lo..hi]: recursion depth is log2 of the chain's length. */
  private static Expr balance(List<Expr> terms, String op, int lo, int hi) {
    if (lo == hi) {
      return terms.get(lo);
    }
    int mid = (lo + hi) >>> 1;
    Expr l = balance(terms, op, lo, mid);
    Expr r = balance(terms, op, mid + 1, hi);
    return new Expr.Binary(op, l, r, l.span().to(r.span()));
  }

  private static String op(ExprContext c) {
    if (c instanceof AddExprContext a) {
      return a.op.getText();
    }
    if (c instanceof MulExprContext m) {
      return m.op.getText();
    }
    if (c instanceof AndExprContext) {
      return "and";
    }
    if (c instanceof OrExprContext) {
      return "or";
    }
    throw new IllegalStateException(c.getClass().getSimpleName());
  }
}

package org.tokenomics.syntax;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.tokenomics.internal.parser.TokParser;

/**
 * The expressions and unit expressions of {@link DirectParser}: precedence climbing exactly as
 * ANTLR rewrites the grammar's left-recursive {@code expr} rule (an alternative's precedence is
 * its distance from the end of the rule; prefix operators parse their operand at their own
 * precedence, left-associative binary operators at one more, {@code ^} at its own), building the
 * AST records that {@link AstBuilder} would build from ANTLR's tree, spans and node count
 * included. Whatever it does not parse with certainty it gives up ({@link GiveUp}), and ANTLR
 * parses the file instead.
 */
class DirectExprs {
  /** Giving up: the file goes to ANTLR's parser, which reports what is wrong. */
  static final class GiveUp extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GiveUp() {
      super(null, null, false, false);
    }
  }

  static final GiveUp GIVE_UP = new GiveUp();

  // the grammar's literal tokens, by the numbers ANTLR gave them (TokenScannerProperties checks the lexer)
  static final int COLON = TokParser.T__0;
  static final int ASSIGN = TokParser.T__1;
  static final int LPAREN = TokParser.T__2;
  static final int COMMA = TokParser.T__3;
  static final int RPAREN = TokParser.T__4;
  static final int LBRACE = TokParser.T__5;
  static final int SEMI = TokParser.T__6;
  static final int RBRACE = TokParser.T__7;
  static final int LBRACK = TokParser.T__8;
  static final int RBRACK = TokParser.T__9;
  static final int MINUS = TokParser.T__10;
  static final int DOT = TokParser.T__11;
  static final int CARET = TokParser.T__12;
  static final int STAR = TokParser.T__13;
  static final int SLASH = TokParser.T__14;
  static final int PLUS = TokParser.T__15;
  /** {@code ==}, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=}: the comparisons, in a row. */
  static final int EQ = TokParser.T__16;
  static final int GE = TokParser.T__21;
  static final int PERCENT = TokParser.T__22;

  // chains whose left operand of the same kind continues them (ANTLR: the same context class)
  private static final int NO_CHAIN = -1;
  private static final int ADD = 0;
  private static final int MUL = 1;
  private static final int AND = 2;
  private static final int OR = 3;

  final SourceFile source;
  final Token[] tk;
  int pos;
  private final int maxNesting;
  private int depth;
  /** Expression nodes, counted as {@link AstBuilder#nodes()} counts them. */
  int nodes;
  /** The tokens of the last expression's outermost context, and the height of its tree of contexts. */
  int lastStart;
  int lastStop;
  private int lastHeight;

  DirectExprs(SourceFile source, Token[] tokens, int maxNesting) {
    this.source = source;
    this.tk = tokens;
    this.maxNesting = maxNesting;
  }

  // ---- the token cursor -------------------------------------------------------------------

  final int type() {
    return tk[pos].getType();
  }

  /** The type {@code k} tokens on (the end-of-file token repeats at the end). */
  final int type(int k) {
    return tk[Math.min(pos + k, tk.length - 1)].getType();
  }

  final Token expect(int type) {
    if (tk[pos].getType() != type) {
      throw GIVE_UP;
    }
    return tk[pos++];
  }

  /** The span from token {@code from} to the last token consumed. */
  final Span spanFrom(int from) {
    return Spans.of(source, tk[from], tk[Math.max(from, pos - 1)]);
  }

  final Span span(Token t) {
    return Spans.of(source, t, t);
  }

  /** The last expression's context as written (brackets included), as AstBuilder's {@code span(ctx)}. */
  final Span lastSpan() {
    return Spans.of(source, tk[lastStart], tk[lastStop]);
  }

  // ---- expressions ------------------------------------------------------------------------

  /** A whole expression (ANTLR's {@code expr}, precedence 0). */
  final Expr expr() {
    return expr(0);
  }

  /** {@code expr[p]} of ANTLR's rewritten rule; leaves the outermost context in {@link #lastStart}/{@link #lastStop}. */
  private Expr expr(int p) {
    if (++depth > maxNesting + 1) {
      throw GIVE_UP; // ANTLR reports TOK600 (NestingLimit.Parser)
    }
    int start = pos;
    nodes++;
    Expr left = prefix(start);
    int height = lastHeight + 1;
    int chain = NO_CHAIN;
    List<Expr> terms = null;
    List<Span> termSpans = null;
    List<String> ops = null;
    boolean comparison = false;
    while (true) {
      int t = type();
      int kind = chainKind(t);
      int prec = precedence(t);
      if (prec < p || prec < 0) {
        break;
      }
      if (kind != chain && chain != NO_CHAIN) {
        left = Chains.join(chain == ADD ? Chains.ADD : chain == MUL ? Chains.MUL : Chains.LOGIC, terms, termSpans, ops);
        chain = NO_CHAIN;
      }
      Token op = tk[pos++];
      if (kind != NO_CHAIN) {
        if (chain == NO_CHAIN) {
          chain = kind;
          nodes++;
          terms = new ArrayList<>();
          termSpans = new ArrayList<>();
          ops = new ArrayList<>();
          terms.add(left);
          termSpans.add(Spans.of(source, tk[start], tk[pos - 2]));
        }
        ops.add(op.getText());
        terms.add(expr(prec + 1));
        termSpans.add(lastSpan());
        height = 1 + Math.max(height, lastHeight);
        comparison = false;
        continue;
      }
      nodes++;
      if (t == DOT) {
        Token name = expect(TokParser.IDENT);
        left = new Expr.Attr(left, name.getText(), span(name), spanFrom(start));
        height++;
      } else if (t == LBRACK) {
        Expr index = expr(0);
        expect(RBRACK);
        left = new Expr.Index(left, index, spanFrom(start));
        height = 1 + Math.max(height, lastHeight);
      } else if (t == CARET) {
        Expr right = expr(prec); // right-associative
        left = new Expr.Binary("^", left, right, spanFrom(start));
        height = 1 + Math.max(height, lastHeight);
      } else { // a comparison
        if (comparison) {
          throw GIVE_UP; // comparisons do not chain: TOK100 (NestingLimit.check)
        }
        Expr right = expr(prec + 1);
        left = new Expr.Binary(op.getText(), left, right, spanFrom(start));
        height = 1 + Math.max(height, lastHeight);
      }
      comparison = t != DOT && t != LBRACK && t != CARET;
    }
    if (chain != NO_CHAIN) {
      left = Chains.join(chain == ADD ? Chains.ADD : chain == MUL ? Chains.MUL : Chains.LOGIC, terms, termSpans, ops);
    }
    if (height > maxNesting) {
      throw GIVE_UP; // ANTLR's tree may be too deep: NestingLimit.check decides, and reports
    }
    depth--;
    lastStart = start;
    lastStop = pos - 1;
    lastHeight = height;
    return left;
  }

  /** An operator's precedence in the loop of {@code expr} (ANTLR's precpred), or -1. */
  private static int precedence(int t) {
    if (t == DOT) {
      return 11;
    } else if (t == LBRACK) {
      return 10;
    } else if (t == CARET) {
      return 9;
    } else if (t == STAR || t == SLASH) {
      return 7;
    } else if (t == PLUS || t == MINUS) {
      return 6;
    } else if (t >= EQ && t <= GE) {
      return 5;
    } else if (t == TokParser.AND) {
      return 3;
    } else if (t == TokParser.OR) {
      return 2;
    }
    return -1;
  }

  private static int chainKind(int t) {
    if (t == STAR || t == SLASH) {
      return MUL;
    } else if (t == PLUS || t == MINUS) {
      return ADD;
    } else if (t == TokParser.AND) {
      return AND;
    } else if (t == TokParser.OR) {
      return OR;
    }
    return NO_CHAIN;
  }

  /** The alternatives that do not start with {@code expr}: a primary, {@code -}, {@code not}, {@code if}. */
  private Expr prefix(int start) {
    int t = type();
    if (t == MINUS || t == TokParser.NOT) {
      pos++;
      Expr operand = expr(t == MINUS ? 8 : 4);
      return new Expr.Unary(t == MINUS ? "-" : "not", operand, spanFrom(start));
    }
    if (t == TokParser.IF) {
      pos++;
      Expr cond = expr(0);
      int h = lastHeight;
      expect(TokParser.THEN);
      Expr then = expr(0);
      h = Math.max(h, lastHeight);
      expect(TokParser.ELSE);
      Expr otherwise = expr(1);
      lastHeight = Math.max(h, lastHeight);
      return new Expr.If(cond, then, otherwise, spanFrom(start));
    }
    return DirectPrimaries.primary(this, start);
  }

  /** Sets the height of the primary just parsed (its bracketed or argument contexts). */
  final void primaryHeight(int h) {
    lastHeight = h;
  }

  /** The height of the last expression's tree of contexts. */
  final int lastHeight() {
    return lastHeight;
  }

  // ---- unit expressions -------------------------------------------------------------------

  /** {@code unitFactor (('*' | '/') unitFactor)*}; leaves its context's tokens in lastStart/lastStop. */
  final UnitExpr unitExpr() {
    int start = pos;
    UnitExpr result = unitFactor();
    while (type() == STAR || type() == SLASH) {
      char op = type() == STAR ? '*' : '/';
      pos++;
      UnitExpr right = unitFactor();
      result = new UnitExpr.Bin(op, result, right, result.span().to(right.span()));
    }
    lastStart = start;
    lastStop = pos - 1;
    return result;
  }

  private UnitExpr unitFactor() {
    int start = pos;
    Token t = tk[pos];
    UnitExpr base;
    switch (t.getType()) {
      case TokParser.IDENT, TokParser.DOLLAR, PERCENT -> {
        pos++;
        base = new UnitExpr.Atom(t.getText(), span(t));
      }
      case TokParser.NUMBER -> {
        pos++;
        base = new UnitExpr.Num(literal(t.getText()), t.getText(), span(t));
      }
      case LPAREN -> {
        if (++depth > maxNesting + 1) {
          throw GIVE_UP;
        }
        pos++;
        base = unitExpr();
        expect(RPAREN);
        depth--;
      }
      default -> throw GIVE_UP;
    }
    if (type() == CARET) {
      pos++;
      return new UnitExpr.Pow(base, exponent(), spanFrom(start));
    }
    return base;
  }

  /** {@code '-'? NUMBER}, as a whole number. */
  final int exponent() {
    boolean negative = type() == MINUS;
    if (negative) {
      pos++;
    }
    int value = (int) Literals.number(expect(TokParser.NUMBER).getText());
    return negative ? -value : value;
  }

  /** A number literal's value; one beyond the largest double is TOK100, which ANTLR's path reports. */
  static double literal(String text) {
    double v = Literals.number(text);
    if (Double.isInfinite(v)) {
      throw GIVE_UP;
    }
    return v;
  }
}

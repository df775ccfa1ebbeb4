package org.tokenomics.syntax;

import static org.tokenomics.syntax.DirectExprs.COLON;
import static org.tokenomics.syntax.DirectExprs.COMMA;
import static org.tokenomics.syntax.DirectExprs.GIVE_UP;
import static org.tokenomics.syntax.DirectExprs.LBRACK;
import static org.tokenomics.syntax.DirectExprs.LPAREN;
import static org.tokenomics.syntax.DirectExprs.RBRACK;
import static org.tokenomics.syntax.DirectExprs.RPAREN;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.tokenomics.internal.parser.TokParser;

/**
 * The grammar's {@code primary} rule for {@link DirectParser}, as {@link AstBuilder#expr} reads
 * it. The one decision that needs more than the next token: a name after a number on its line is
 * the number's unit ({@code 5 kW}) unless it starts the next assignment ({@code { a = 5 b = 6 }});
 * where it might start either, ANTLR looks further ahead, and parses the file.
 */
final class DirectPrimaries {
  private DirectPrimaries() {}

  /** A primary from token {@code start}; sets the height of its bracketed or argument contexts. */
  static Expr primary(DirectExprs p, int start) {
    Token t = p.tk[p.pos];
    int height = 0;
    Expr e;
    switch (t.getType()) {
      case TokParser.NUMBER -> {
        p.pos++;
        e = number(p, start, t);
      }
      case TokParser.MONEY -> {
        p.pos++;
        String text = t.getText();
        e = new Expr.Money(DirectExprs.literal(text.substring(1)), text, p.span(t));
      }
      case TokParser.DATE -> {
        p.pos++;
        e = date(p, t);
      }
      case TokParser.TRUE, TokParser.FALSE -> {
        p.pos++;
        e = new Expr.Bool(t.getType() == TokParser.TRUE, p.span(t));
      }
      case TokParser.IDENT -> {
        p.pos++;
        if (p.type() != LPAREN) {
          e = new Expr.Name(t.getText(), p.span(t));
        } else {
          p.pos++;
          List<Expr.Arg> args = new ArrayList<>();
          if (p.type() != DirectExprs.RPAREN) {
            height = arg(p, args, 0);
            while (p.type() == COMMA) {
              p.pos++;
              height = arg(p, args, height);
            }
          }
          p.expect(RPAREN);
          e = new Expr.Call(t.getText(), args, p.span(t), p.spanFrom(start));
        }
      }
      case TokParser.DOLLAR -> {
        p.pos++;
        e = new Expr.Name(t.getText(), p.span(t));
      }
      case LPAREN -> {
        p.pos++;
        e = p.expr(); // the expression's own span: AstBuilder drops the brackets
        height = 1 + p.lastHeight();
        p.expect(RPAREN);
      }
      case TokParser.STRING -> {
        p.pos++;
        e = new Expr.Str(string(t), p.span(t));
      }
      case LBRACK -> {
        p.pos++;
        List<Expr.Entry> entries = new ArrayList<>();
        height = entry(p, entries, 0);
        while (p.type() == COMMA) {
          p.pos++;
          if (p.type() == RBRACK) {
            break; // a trailing comma
          }
          height = entry(p, entries, height);
        }
        p.expect(RBRACK);
        e = new Expr.KeyedList(entries, p.spanFrom(start));
        height++;
      }
      default -> throw GIVE_UP;
    }
    p.primaryHeight(height);
    return e;
  }

  /** {@code NUMBER (unitAtom ('^' exponent)?)?}, the unit only on the number's line (the grammar's sameLine). */
  private static Expr number(DirectExprs p, int start, Token t) {
    Expr.Num number = new Expr.Num(DirectExprs.literal(t.getText()), t.getText(), p.span(t));
    int u = p.type();
    if (u != TokParser.IDENT && u != TokParser.DOLLAR && u != DirectExprs.PERCENT || p.tk[p.pos].getLine() != t.getLine()) {
      return number;
    }
    if (u == TokParser.IDENT) {
      // Is the name rather the start of what follows the number: an assignment of a block
      // ({ a = 5 b = 6 }) or an instance (chip h100 { … })? '=' never follows an expression, so
      // `b =` is an assignment; `b [`, `b .` and `b x {` or `b x [` can be either (ANTLR looks
      // further ahead: it parses those); `b x` followed by anything else is no statement.
      int after = p.type(1);
      if (after == DirectExprs.ASSIGN) {
        return number;
      }
      if (after == LBRACK || after == DirectExprs.DOT
          || after == TokParser.IDENT && (p.type(2) == DirectExprs.LBRACE || p.type(2) == LBRACK)) {
        throw GIVE_UP;
      }
    }
    Token unit = p.tk[p.pos++];
    int exponent = 1;
    if (p.type() == DirectExprs.CARET && (p.type(1) == TokParser.NUMBER
        || p.type(1) == DirectExprs.MINUS && p.type(2) == TokParser.NUMBER)) {
      p.pos++;
      exponent = p.exponent();
    }
    return new Expr.Quantity(number, unit.getText(), exponent, p.span(unit), p.spanFrom(start));
  }

  /** {@code (label ':')? expr}; returns the height so far (an argument is a level of its own). */
  private static int arg(DirectExprs p, List<Expr.Arg> args, int height) {
    int start = p.pos;
    String label = null;
    if (p.type(1) == COLON && isLabel(p.type())) {
      label = p.tk[p.pos].getText();
      p.pos += 2;
    }
    Expr value = p.expr();
    args.add(new Expr.Arg(label, value, p.spanFrom(start)));
    return Math.max(height, 1 + p.lastHeight());
  }

  /** The grammar's {@code label}: a name or any keyword. */
  private static boolean isLabel(int type) {
    return type == TokParser.IDENT || type >= TokParser.TIMELINE && type <= TokParser.IN;
  }

  /** {@code key ':' value} of a keyed list; returns the height so far. */
  private static int entry(DirectExprs p, List<Expr.Entry> entries, int height) {
    int start = p.pos;
    Expr key = p.expr();
    int h = p.lastHeight();
    p.expect(COLON);
    Expr value = p.expr();
    entries.add(new Expr.Entry(key, value, p.spanFrom(start)));
    return Math.max(height, Math.max(h, p.lastHeight()));
  }

  static Expr.Date date(DirectExprs p, Token t) {
    String[] parts = t.getText().split("-");
    int day = parts.length > 2 ? Integer.parseInt(parts[2]) : 0;
    return new Expr.Date(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), day, p.span(t));
  }

  static String string(Token t) {
    String raw = t.getText();
    StringBuilder out = new StringBuilder();
    for (int i = 1; i < raw.length() - 1; i++) {
      char c = raw.charAt(i);
      if (c == '\\' && i + 1 < raw.length() - 1) {
        c = raw.charAt(++i);
      }
      out.append(c);
    }
    return out.toString();
  }
}

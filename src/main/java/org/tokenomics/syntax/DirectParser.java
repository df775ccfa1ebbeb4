package org.tokenomics.syntax;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.tokenomics.internal.parser.TokParser;

/**
 * A file's statements straight from its tokens to the AST records, without ANTLR's parser: the
 * same {@link TokFile} that ANTLR's parse tree and {@link AstBuilder} give (every record, span
 * and node count), for a file that parses without a problem. Why: on a cold JVM ANTLR's parser
 * spends most of a short command's parse predicting alternatives with its ATN and building a
 * tree to be walked once (with its ATN's deserialisation, about 30 ms of the prelude on every
 * {@code tok run}, issue 22); this reads each token once, in code that is small enough to run
 * fast before any of it is compiled.
 *
 * <p>It never reports anything. At the first token it does not expect, at a decision it cannot
 * make from the next few tokens as ANTLR makes it, at a number too large, a comparison chained,
 * an expression nested near the limit or a file over the node limit, it gives up and {@link
 * SyntaxParser} parses the file with ANTLR, which reports exactly as before. {@code
 * DirectParserProperties} compares the two, spans included, on generated programs and on every
 * Tok file of the project; a change of the grammar's parser rules must be made here too.
 */
final class DirectParser extends DirectExprs {
  private final int maxNodes;

  private DirectParser(SourceFile source, Token[] tokens, int maxNesting, int maxNodes) {
    super(source, tokens, maxNesting);
    this.maxNodes = maxNodes;
  }

  /**
   * The file's AST, or null when ANTLR must parse it (see the class comment).
   *
   * @param source the file
   * @param tokens its tokens, hidden ones included, the end-of-file token last
   * @param maxNesting the nesting limit
   * @param maxNodes the node limit
   * @return the file, or null
   */
  static TokFile file(SourceFile source, List<Token> tokens, int maxNesting, int maxNodes) {
    List<Token> onChannel = new ArrayList<>(tokens.size());
    for (Token t : tokens) {
      if (t.getChannel() == Token.DEFAULT_CHANNEL) {
        onChannel.add(t);
      }
    }
    DirectParser p = new DirectParser(source, onChannel.toArray(new Token[0]), maxNesting, maxNodes);
    try {
      List<Decl> decls = new ArrayList<>();
      while (p.type() != Token.EOF) {
        Decl d = p.statement();
        if (d != null) {
          decls.add(d);
        }
      }
      return p.nodes > maxNodes ? null : new TokFile(source, decls);
    } catch (GiveUp | StackOverflowError e) {
      return null;
    }
  }

  private Decl statement() {
    int start = pos;
    Token first = tk[pos++];
    switch (first.getType()) {
      case TokParser.TIMELINE -> {
        Expr.Date from = dateLit();
        expect(TokParser.TO);
        Expr.Date to = dateLit();
        String step = step();
        if (step == null) {
          throw GIVE_UP;
        }
        return new Decl.Timeline(from, to, step, spanFrom(start));
      }
      case TokParser.PARAM -> {
        Token name = expect(TokParser.IDENT);
        UnitExpr type = typeAnnotation();
        expect(ASSIGN);
        Expr value = expr();
        Decl.Domain domain = null;
        if (type() == TokParser.WITHIN) {
          pos++;
          Expr low = expr();
          Span lowSpan = lastSpan();
          expect(TokParser.TO);
          Expr high = expr();
          domain = new Decl.Domain(low, high, lowSpan.to(lastSpan()));
        }
        return new Decl.Param(name.getText(), span(name), type, value, domain, spanFrom(start));
      }
      case TokParser.LET -> {
        Token name = expect(TokParser.IDENT);
        UnitExpr type = typeAnnotation();
        expect(ASSIGN);
        return new Decl.Let(name.getText(), span(name), type, expr(), spanFrom(start));
      }
      case TokParser.FN -> {
        return fn(start);
      }
      case TokParser.UNIT -> {
        Token name = expect(TokParser.IDENT);
        Expr value = null;
        if (type() == ASSIGN) {
          pos++;
          value = expr();
        }
        return new Decl.Unit(name.getText(), span(name), value, spanFrom(start));
      }
      case TokParser.IMPORT -> {
        return new Decl.Import(DirectPrimaries.string(expect(TokParser.STRING)), spanFrom(start));
      }
      case TokParser.AMENDS -> {
        return new Decl.Amends(DirectPrimaries.string(expect(TokParser.STRING)), spanFrom(start));
      }
      case TokParser.REPORT -> {
        return report(start);
      }
      case TokParser.ASSERT -> {
        Expr cond = expr();
        String message = type() == TokParser.STRING ? DirectPrimaries.string(tk[pos++]) : null;
        return new Decl.Assert(cond, message, spanFrom(start));
      }
      case TokParser.SCENARIO -> {
        Token name = expect(TokParser.IDENT);
        return new Decl.Scenario(name.getText(), span(name), block(), spanFrom(start));
      }
      case TokParser.SOLVE -> {
        return solve(start);
      }
      case TokParser.CORRELATE -> {
        int a = pos;
        String aText = target();
        Span aSpan = spanFrom(a);
        expect(COMMA);
        int b = pos;
        String bText = target();
        Span bSpan = spanFrom(b);
        expect(ASSIGN);
        return new Decl.Correlate(aText, aSpan, bText, bSpan, expr(), spanFrom(start));
      }
      case TokParser.KIND -> {
        return kind(start);
      }
      case TokParser.IDENT -> {
        return instance(start, first);
      }
      case SEMI -> {
        return null;
      }
      default -> throw GIVE_UP;
    }
  }

  /** {@code (':' unitExpr)?}. */
  private UnitExpr typeAnnotation() {
    if (type() != COLON) {
      return null;
    }
    pos++;
    return unitExpr();
  }

  /** {@code YEARLY | QUARTERLY | MONTHLY}, consumed, or null. */
  private String step() {
    int t = type();
    if (t == TokParser.YEARLY || t == TokParser.QUARTERLY || t == TokParser.MONTHLY) {
      return tk[pos++].getText();
    }
    return null;
  }

  /** {@code DATE | NUMBER}: a timeline's end; a number is January of that year. */
  private Expr.Date dateLit() {
    Token t = tk[pos];
    if (t.getType() == TokParser.DATE) {
      pos++;
      return DirectPrimaries.date(this, t);
    }
    expect(TokParser.NUMBER);
    return new Expr.Date((int) Literals.number(t.getText()), 1, 0, span(t));
  }

  private Decl fn(int start) {
    Token name = expect(TokParser.IDENT);
    expect(LPAREN);
    List<Decl.FnParam> params = new ArrayList<>();
    if (type() != RPAREN) {
      params.add(fnParam());
      while (type() == COMMA) {
        pos++;
        params.add(fnParam());
      }
    }
    expect(RPAREN);
    expect(ASSIGN);
    return new Decl.Fn(name.getText(), span(name), params, expr(), spanFrom(start));
  }

  private Decl.FnParam fnParam() {
    int start = pos;
    Token name = expect(TokParser.IDENT);
    UnitExpr type = typeAnnotation();
    Expr value = null;
    if (type() == ASSIGN) {
      pos++;
      value = expr();
    }
    return new Decl.FnParam(name.getText(), type, value, spanFrom(start));
  }

  private Decl report(int start) {
    Token name = null;
    if (type() == TokParser.IDENT && type(1) == ASSIGN) {
      name = tk[pos];
      pos += 2;
    }
    Expr value = expr();
    UnitExpr as = null;
    String asText = null;
    if (type() == TokParser.AS) {
      pos++;
      as = unitExpr();
      asText = withoutWhitespace(source.slice(lastSpan()));
    }
    Span span = spanFrom(start);
    // named by its canonical text when unnamed, as AstBuilder names it
    String label = name != null ? name.getText() : Printer.expr(value);
    return new Decl.Report(name == null ? null : name.getText(), label, value, as, asText, span,
        name == null ? span : span(name));
  }

  /** The text without the characters of the regular expression {@code \s} (AstBuilder's {@code replaceAll("\\s+", "")}). */
  private static String withoutWhitespace(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\u000B' && c != '\f' && c != '\r') {
        out.append(c);
      }
    }
    return out.toString();
  }

  private Decl solve(int start) {
    Token name = expect(TokParser.IDENT);
    expect(TokParser.FOR);
    int t = pos;
    String target = target();
    Span targetSpan = spanFrom(t);
    expect(TokParser.SO);
    expect(TokParser.THAT);
    Expr cond = expr();
    Expr lhs = cond;
    Expr rhs = null;
    if (cond instanceof Expr.Binary b && b.op().equals("==")) {
      lhs = b.left();
      rhs = b.right();
    }
    expect(TokParser.WITHIN);
    Expr low = expr();
    expect(TokParser.TO);
    Expr high = expr();
    return new Decl.Solve(name.getText(), span(name), target, targetSpan, lhs, rhs, low, high, spanFrom(start));
  }

  private Decl kind(int start) {
    Token name = expect(TokParser.IDENT);
    expect(LBRACE);
    List<Decl.Member> members = new ArrayList<>();
    while (type() == TokParser.PARAM || type() == TokParser.LET) {
      int m = pos;
      boolean isParam = tk[pos++].getType() == TokParser.PARAM;
      Token member = expect(TokParser.IDENT);
      UnitExpr type = typeAnnotation();
      Expr value = null;
      if (!isParam || type() == ASSIGN) {
        expect(ASSIGN);
        value = expr();
      }
      members.add(new Decl.Member(isParam, member.getText(), span(member), type, value, spanFrom(m)));
      if (type() == SEMI) {
        pos++;
      }
    }
    expect(RBRACE);
    return new Decl.Kind(name.getText(), span(name), members, spanFrom(start));
  }

  /** {@code KIND NAME { … }} or a family {@code KIND NAME[VAR in RANGE] { … }}. */
  private Decl instance(int start, Token kindName) {
    Token name = expect(TokParser.IDENT);
    if (type() == LBRACE) {
      return new Decl.Instance(kindName.getText(), span(kindName), name.getText(), span(name), block(), spanFrom(start));
    }
    expect(LBRACK);
    Token var = expect(TokParser.IDENT);
    expect(TokParser.IN);
    int r = pos;
    Expr from = memberKey();
    expect(TokParser.TO);
    Expr to = memberKey();
    String step = step();
    Decl.Family family = new Decl.Family(var.getText(), span(var), from, to, step, spanFrom(r));
    expect(RBRACK);
    return new Decl.Instance(kindName.getText(), span(kindName), name.getText(), span(name), block(), spanFrom(start),
        family);
  }

  /** {@code '{' (assignment ';'?)* '}'}. */
  private List<Decl.Assign> block() {
    expect(LBRACE);
    List<Decl.Assign> sets = new ArrayList<>();
    while (type() == TokParser.IDENT) {
      int a = pos;
      String target = target();
      Span targetSpan = spanFrom(a);
      expect(ASSIGN);
      Expr value = expr();
      sets.add(new Decl.Assign(target, targetSpan, value, spanFrom(a)));
      if (type() == SEMI) {
        pos++;
      }
    }
    expect(RBRACE);
    return sets;
  }

  /** {@code IDENT ('[' memberKey ']')? ('.' IDENT)?}, as its tokens' text (ANTLR's {@code getText}). */
  private String target() {
    int start = pos;
    expect(TokParser.IDENT);
    if (type() == LBRACK) {
      pos++;
      memberKey();
      expect(RBRACK);
    }
    if (type() == DOT) {
      pos++;
      expect(TokParser.IDENT);
    }
    StringBuilder text = new StringBuilder();
    for (int i = start; i < pos; i++) {
      text.append(tk[i].getText());
    }
    return text.toString();
  }

  /** {@code '-'? (DATE | NUMBER)}: a date (its sign dropped, as AstBuilder drops it) or a signed number. */
  private Expr memberKey() {
    int start = pos;
    boolean negative = type() == MINUS;
    if (negative) {
      pos++;
    }
    Token t = tk[pos];
    if (t.getType() == TokParser.DATE) {
      pos++;
      return DirectPrimaries.date(this, t);
    }
    expect(TokParser.NUMBER);
    double v = Literals.number(t.getText());
    return new Expr.Num(negative ? -v : v, (negative ? "-" : "") + t.getText(), spanFrom(start));
  }
}

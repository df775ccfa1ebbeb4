package org.tokenomics.syntax;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.tokenomics.diag.Code;
import org.tokenomics.diag.Diagnostics;
import org.tokenomics.internal.parser.TokLexer;
import org.tokenomics.internal.parser.TokParser;

/**
 * The parse phase: source text to an immutable {@link TokFile}, or syntax diagnostics (TOK100).
 * Never throws for bad input.
 */
public final class SyntaxParser {
  /** Brackets deeper than this are TOK600 before ANTLR (which recurses) ever sees them. */
  public static final int DEFAULT_MAX_NESTING = 200;

  private final int maxNesting;
  private final int maxNodes;

  public SyntaxParser() {
    this(DEFAULT_MAX_NESTING, 500_000);
  }

  public SyntaxParser(int maxNesting, int maxNodes) {
    this.maxNesting = maxNesting;
    this.maxNodes = maxNodes;
  }

  /** Parses one file; returns null when it has syntax errors (they are in {@code diags}). */
  public TokFile parse(SourceFile source, Diagnostics diags) {
    int before = diags.errorCount();
    TokParser parser = setUp(source, diags);
    if (parser == null) {
      return null;
    }
    TokParser.FileContext tree;
    try {
      tree = parser.file();
    } catch (NestingLimit.TooDeep e) {
      diags.error(Code.TOK600, Spans.of(source, e.at, e.at), NestingLimit.message(maxNesting), NestingLimit.HELP);
      return null;
    } catch (StackOverflowError e) { // a last resort: the counted limit should always come first
      diags.error(Code.TOK600, Span.NONE, "the input nests too deeply to parse (limit: nesting depth " + maxNesting + ")");
      return null;
    }
    if (diags.errorCount() > before || !NestingLimit.check(source, tree, maxNesting, diags)) {
      return null;
    }
    try {
      AstBuilder builder = new AstBuilder(source);
      TokFile file = builder.file(tree);
      if (builder.nodes() > maxNodes) {
        diags.error(Code.TOK600, new Span(source.name(), 1, 1, 1, 2, 0, 1), source.name() + " has " + builder.nodes()
            + " syntax nodes (limit: max nodes " + maxNodes + ")", "split the model into files joined by import");
        return null;
      }
      return file;
    } catch (StackOverflowError e) {
      diags.error(Code.TOK600, Span.NONE, "the input nests too deeply (limit: nesting depth " + maxNesting + ")");
      return null;
    }
  }

  /** Parses a lone expression (an override value); null after reporting syntax errors. */
  public Expr parseExpression(SourceFile source, Diagnostics diags) {
    TokParser parser = setUp(source, diags);
    if (parser == null) {
      return null;
    }
    int before = diags.errorCount();
    try {
      TokParser.ExprEntryContext tree = parser.exprEntry();
      return diags.errorCount() > before || !NestingLimit.check(source, tree, maxNesting, diags) ? null
          : new AstBuilder(source).expr(tree.expr());
    } catch (NestingLimit.TooDeep e) {
      diags.error(Code.TOK600, Spans.of(source, e.at, e.at), NestingLimit.message(maxNesting), NestingLimit.HELP);
      return null;
    } catch (StackOverflowError e) {
      diags.error(Code.TOK600, Span.NONE, "the expression nests too deeply (limit: nesting depth " + maxNesting + ")");
      return null;
    }
  }

  /** Parses a lone unit expression ({@code $B/yr}); null after reporting syntax errors. */
  public UnitExpr parseUnit(SourceFile source, Diagnostics diags) {
    TokParser parser = setUp(source, diags);
    if (parser == null) {
      return null;
    }
    int before = diags.errorCount();
    try {
      TokParser.UnitEntryContext tree = parser.unitEntry();
      return diags.errorCount() > before ? null : new AstBuilder(source).unit(tree.unitExpr());
    } catch (NestingLimit.TooDeep | StackOverflowError e) {
      diags.error(Code.TOK600, Span.NONE, NestingLimit.message(maxNesting), null);
      return null;
    }
  }

  private TokParser setUp(SourceFile source, Diagnostics diags) {
    diags.addSource(source);
    TokLexer lexer = new TokLexer(CharStreams.fromString(source.text(), source.name()));
    lexer.removeErrorListeners();
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    tokens.fill();
    if (!checkNesting(source, tokens.getTokens(), diags)) {
      return null;
    }
    TokParser parser = new NestingLimit.Parser(tokens, maxNesting);
    parser.removeErrorListeners();
    parser.addErrorListener(new Listener(source, diags));
    return parser;
  }

  /** Expression nesting by brackets and prefix operators, checked without recursion. */
  private boolean checkNesting(SourceFile source, List<Token> tokens, Diagnostics diags) {
    int depth = 0;
    int prefixRun = 0;
    for (Token t : tokens) {
      if (t.getChannel() != Token.DEFAULT_CHANNEL) {
        continue;
      }
      String text = t.getText();
      switch (text) {
        case "(", "[", "{" -> depth++;
        case ")", "]", "}" -> depth = Math.max(0, depth - 1);
        default -> { }
      }
      boolean prefix = text.equals("-") || text.equals("not") || text.equals("if") || text.equals("^");
      prefixRun = prefix || text.equals("(") ? prefixRun + 1 : (text.equals(")") ? prefixRun : 0);
      if (depth > maxNesting || prefixRun > maxNesting) {
        diags.error(Code.TOK600, Spans.of(source, t, t), NestingLimit.message(maxNesting), NestingLimit.HELP);
        return false;
      }
    }
    return true;
  }

  private static final class Listener extends BaseErrorListener {
    private final SourceFile source;
    private final Diagnostics diags;
    private final List<Integer> seenLines = new ArrayList<>();

    Listener(SourceFile source, Diagnostics diags) {
      this.source = source;
      this.diags = diags;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int col, String msg,
                            RecognitionException e) {
      if (seenLines.contains(line) || seenLines.size() >= 20) {
        return; // one syntax error per line is enough; recovery noise helps nobody
      }
      if (!seenLines.isEmpty() && offending instanceof Token t && t.getType() == Token.EOF) {
        return; // "unexpected end of file" after an earlier error is only its echo
      }
      seenLines.add(line);
      Token token = offending instanceof Token t ? t : null;
      Span span;
      if (token != null) {
        if (token.getType() == Token.EOF) {
          CommonToken at = new CommonToken(token);
          at.setText(" ");
          span = Spans.of(source, at, at);
        } else {
          span = Spans.of(source, token, token);
        }
      } else {
        span = new Span(source.name(), line, col + 1, line, col + 2, 0, 0);
      }
      String what = token == null ? "input" : describe(token);
      String help = null;
      if (recognizer instanceof TokParser parser && token != null) {
        IntervalSet expected = safeExpected(parser);
        if (expected != null && !expected.isNil()) {
          if (expected.contains(TokParser.NUMBER) && expected.contains(TokParser.IDENT)) {
            help = "expected a value: a number, a name, or an expression in parentheses";
          } else if (expected.size() <= 6) {
            help = "expected " + expected.toString(parser.getVocabulary());
          }
        }
      }
      String message = "unexpected " + what;
      if (token != null && token.getType() == TokLexer.ERROR_CHAR) {
        message = "unexpected character '" + token.getText() + "'";
      }
      if (token != null && token.getType() == TokLexer.AS) {
        help = "'as' converts units only in a report: report x = … as MW";
      }
      diags.error(Code.TOK100, span, message, help);
    }

    private static IntervalSet safeExpected(TokParser parser) {
      try {
        return parser.getExpectedTokens();
      } catch (RuntimeException e) {
        return null;
      }
    }

    private static String describe(Token t) {
      if (t.getType() == Token.EOF) {
        return "end of file";
      }
      return "'" + t.getText() + "'";
    }
  }
}

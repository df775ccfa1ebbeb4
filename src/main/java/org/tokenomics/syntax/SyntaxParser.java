package org.tokenomics.syntax;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.tokenomics.diag.Code;
import org.tokenomics.internal.parser.TokLexer;
import org.tokenomics.internal.parser.TokParser;

/**
 * The parse phase: source text to an immutable {@link TokFile}, or syntax diagnostics (TOK100).
 * Never throws for bad input.
 */
public final class SyntaxParser {
  /**
   * Brackets deeper than this are TOK600 before ANTLR (which recurses) ever sees them. The defaults
   * here serve the tools that parse without a compile (the formatter, the language server's index,
   * override expressions); they equal {@code Limits.DEFAULT}, which hosts configure and compiles
   * read (LimitsTest keeps them equal; the public record cannot be seen from this layer).
   */
  public static final int DEFAULT_MAX_NESTING = org.tokenomics.diag.DefaultLimits.MAX_NESTING;

  /** Syntax-tree nodes in one file at most, by default (see {@link #DEFAULT_MAX_NESTING}). */
  public static final int DEFAULT_MAX_NODES = org.tokenomics.diag.DefaultLimits.MAX_NODES;

  private final int maxNesting;
  private final int maxNodes;

  public SyntaxParser() {
    this(DEFAULT_MAX_NESTING, DEFAULT_MAX_NODES);
  }

  public SyntaxParser(int maxNesting, int maxNodes) {
    this.maxNesting = maxNesting;
    this.maxNodes = maxNodes;
  }

  /**
   * Parses one file; returns null when it has syntax errors (they are in {@code diags}). A library
   * file (the prelude, {@code std:} modules, plugins' files) parsed before with the same text and
   * limits is that earlier tree ({@link LibraryFiles}).
   */
  public TokFile parse(SourceFile source, Diagnostics diags) {
    if (!source.isLibrary()) {
      return parseText(source, diags);
    }
    return LibraryFiles.parse(this, source, diags, maxNesting, maxNodes);
  }

  /** Parses one file, whatever it is; null after reporting syntax errors. */
  TokFile parseText(SourceFile source, Diagnostics diags) {
    return parseText(source, diags, true);
  }

  /**
   * Parses one file; {@code direct}: by {@link DirectParser} when it can (the same tree, without
   * ANTLR's parser), else, and whenever it gives up, by ANTLR's parser and {@link AstBuilder}.
   */
  TokFile parseText(SourceFile source, Diagnostics diags, boolean direct) {
    int before = diags.errorCount();
    CommonTokenStream tokens = tokens(source, diags);
    if (tokens == null) {
      return null;
    }
    if (direct) {
      TokFile file = DirectParser.file(source, tokens.getTokens(), maxNesting, maxNodes);
      if (file != null) {
        return file;
      }
    }
    TokParser parser = parser(tokens, source, diags);
    TokParser.FileContext tree;
    try {
      tree = file(parser);
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
      if (tooLarge(builder, diags)) {
        return null;
      }
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

  /**
   * TOK100 at each number literal beyond the largest double ({@code 1e309}, {@code $1e300T}):
   * written as Infinity it would flow silently into every value that reads it (safety.md).
   */
  private static boolean tooLarge(AstBuilder builder, Diagnostics diags) {
    for (Span at : builder.tooLarge()) {
      diags.error(Code.TOK100, at, "this number is too large: the largest is about 1.8e308",
          "write a smaller number, or a larger unit (1e309 W is 1e300 GW)");
    }
    return !builder.tooLarge().isEmpty();
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
      if (diags.errorCount() > before || !NestingLimit.check(source, tree, maxNesting, diags)) {
        return null;
      }
      AstBuilder builder = new AstBuilder(source);
      Expr e = builder.expr(tree.expr());
      return tooLarge(builder, diags) ? null : e;
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
      if (diags.errorCount() > before) {
        return null;
      }
      AstBuilder builder = new AstBuilder(source);
      UnitExpr u = builder.unit(tree.unitExpr());
      return tooLarge(builder, diags) ? null : u;
    } catch (NestingLimit.TooDeep | StackOverflowError e) {
      diags.error(Code.TOK600, Span.NONE, NestingLimit.message(maxNesting), null);
      return null;
    }
  }

  /**
   * The file rule in two stages: SLL prediction first, which is much cheaper (above all on a cold
   * JVM, where the prelude is parsed on every run) and gives the same tree whenever it succeeds;
   * full LL, with the error listener and recovery, only when SLL gives up, so syntax errors are
   * reported exactly as before.
   */
  private static TokParser.FileContext file(TokParser parser) {
    var listeners = List.copyOf(parser.getErrorListeners());
    parser.removeErrorListeners();
    parser.setErrorHandler(new BailErrorStrategy());
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    try {
      return parser.file();
    } catch (ParseCancellationException e) {
      parser.getTokenStream().seek(0);
      parser.reset();
      listeners.forEach(parser::addErrorListener);
      parser.setErrorHandler(new DefaultErrorStrategy());
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      return parser.file();
    }
  }

  private TokParser setUp(SourceFile source, Diagnostics diags) {
    CommonTokenStream tokens = tokens(source, diags);
    return tokens == null ? null : parser(tokens, source, diags);
  }

  /** The file's tokens, or null after reporting brackets nested too deeply or a misspelt magnitude. */
  private CommonTokenStream tokens(SourceFile source, Diagnostics diags) {
    diags.addSource(source);
    // the grammar's lexer rules by hand (TokenScanner says why): ANTLR's lexer is never loaded
    CommonTokenStream tokens = new CommonTokenStream(TokenScanner.scan(source.text(), source.name()));
    tokens.fill();
    if (!checkNesting(source, tokens.getTokens(), diags) || !checkMagnitudes(source, tokens.getTokens(), diags)) {
      return null;
    }
    return tokens;
  }

  private TokParser parser(CommonTokenStream tokens, SourceFile source, Diagnostics diags) {
    TokParser parser = new NestingLimit.Parser(tokens, maxNesting);
    parser.removeErrorListeners();
    parser.addErrorListener(new Listener(source, diags));
    return parser;
  }

  /**
   * {@code $5K}: a money amount with a magnitude letter of the wrong case. The lexer reads
   * {@code $5} and a name {@code K}, and the parser's error would point at whatever follows;
   * say what was meant where it was written instead.
   */
  private static boolean checkMagnitudes(SourceFile source, List<Token> tokens, Diagnostics diags) {
    for (int i = 0; i + 1 < tokens.size(); i++) {
      Token money = tokens.get(i);
      Token next = tokens.get(i + 1);
      if (money.getType() == TokLexer.MONEY && next.getType() == TokLexer.IDENT
          && next.getStartIndex() == money.getStopIndex() + 1 && WRONG_MAGNITUDE.containsKey(next.getText())) {
        String meant = money.getText() + WRONG_MAGNITUDE.get(next.getText());
        diags.error(Code.TOK100, Spans.of(source, money, next), "'" + money.getText() + next.getText()
            + "' is not an amount of money: the magnitudes are $k, $M, $B and $T", "write " + meant);
        return false;
      }
    }
    return true;
  }

  /** Magnitude letters written in the other case, and the letter meant. */
  private static final java.util.Map<String, String> WRONG_MAGNITUDE = java.util.Map.of("K", "k", "m", "M", "b", "B", "t", "T");

  /** Expression nesting by brackets and prefix operators, checked without recursion. */
  private boolean checkNesting(SourceFile source, List<Token> tokens, Diagnostics diags) {
    int depth = 0;
    int prefixRun = 0;
    for (Token t : tokens) {
      if (t.getChannel() != Token.DEFAULT_CHANNEL) {
        continue;
      }
      // by type, not text: each getText() makes a string (each token's text is its type's here)
      int type = t.getType();
      switch (type) {
        case DirectExprs.LPAREN, DirectExprs.LBRACK, DirectExprs.LBRACE -> depth++;
        case DirectExprs.RPAREN, DirectExprs.RBRACK, DirectExprs.RBRACE -> depth = Math.max(0, depth - 1);
        default -> { }
      }
      boolean prefix = type == DirectExprs.MINUS || type == TokParser.NOT || type == TokParser.IF || type == DirectExprs.CARET;
      prefixRun = prefix || type == DirectExprs.LPAREN ? prefixRun + 1 : (type == DirectExprs.RPAREN ? prefixRun : 0);
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

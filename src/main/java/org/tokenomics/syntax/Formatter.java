package org.tokenomics.syntax;

import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.tokenomics.diag.Diagnostic;
import org.tokenomics.internal.parser.TokLexer;
import org.tokenomics.internal.parser.TokParser;

/**
 * {@code tok fmt}: the canonical layout of a Tok file. Comments are kept; one statement per line;
 * blocks stay on one line ({@code { a = 1; b = 2 }}) or get one item per line, indented by two;
 * {@code =} is aligned in runs of consecutive params, lets, named reports and block items, and
 * trailing {@code //} comments in runs of commented lines; at most one blank line in a row.
 *
 * <p>Line breaks inside a statement are the author's and are kept (continuation lines are
 * indented by four). Spacing around {@code * / ^} and between a number and its unit follows the
 * author (tight {@code $/kW/month} or spaced {@code a / b}); inside unit expressions ({@code as
 * $B/yr}, {@code : W/GPU}) it is always tight. The expression of a report without a name is kept
 * as written, because its text is the report's name.
 *
 * <p>Formatting never changes meaning: the AST of the result equals the AST of the input, and
 * formatting twice gives the same text.
 */
public final class Formatter {
  /** Columns of indentation for a block's items. */
  static final int INDENT = 2;
  /** Extra columns for the continuation lines of a statement. */
  static final int CONTINUATION = 4;

  /** The formatted text, or null with the syntax errors that prevented formatting. */
  public record Result(String text, List<Diagnostic> diagnostics) {
    public boolean ok() {
      return text != null;
    }
  }

  private Formatter() {}

  /** Formats a file's text; {@code name} is used in diagnostics. Never throws for bad input. */
  public static Result format(String name, String text) {
    SourceFile source = new SourceFile(name, text, false);
    Diagnostics diags = new Diagnostics();
    TokFile parsed = new SyntaxParser().parse(source, diags);
    if (parsed == null || diags.hasErrors()) {
      return new Result(null, diags.all());
    }
    TokLexer lexer = new TokLexer(CharStreams.fromString(text, name));
    lexer.removeErrorListeners();
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    tokens.fill();
    TokParser parser = new TokParser(tokens);
    parser.removeErrorListeners();
    FormatPlan plan = new FormatPlan(parser.file());
    return new Result(new Formatter.Run(text, plan).emit(tokens.getTokens()), diags.all());
  }

  /** One pass over the tokens, comments included. */
  private static final class Run {
    private final String text;
    private final FormatPlan plan;
    private final LineWriter out = new LineWriter();
    private int depth;
    /** True between statements or block items (comments there are indented as items). */
    private boolean between = true;
    private int owner = -1;
    private int owners;

    private final int[] charOffsets;

    private int charIndex(int codePoint) {
      return charOffsets == null ? codePoint : charOffsets[Math.min(codePoint, charOffsets.length - 1)];
    }

    Run(String text, FormatPlan plan) {
      this.text = text;
      this.charOffsets = SourceFile.charOffsets(text);
      this.plan = plan;
    }

    String emit(List<Token> tokens) {
      Token prev = null;
      for (Token t : tokens) {
        int i = t.getTokenIndex();
        if (t.getType() == Token.EOF || plan.dropped.contains(i)) {
          continue;
        }
        int newlines = prev == null ? 0 : t.getLine() - endLine(prev);
        if (t.getChannel() != Token.DEFAULT_CHANNEL) {
          comment(prev, t, newlines);
        } else {
          token(prev, t, newlines);
        }
        prev = t;
      }
      return out.render();
    }

    private void comment(Token prev, Token t, int newlines) {
      int indent = depth * INDENT + (between ? 0 : CONTINUATION);
      int who = between ? -1 : owner;
      if (prev != null && newlines > 0) {
        if (between && newlines >= 2 && !plan.multiOpen.contains(prev.getTokenIndex())) {
          out.blankLine();
        } else {
          out.endLine();
        }
      }
      if (t.getType() == TokLexer.LINE_COMMENT) {
        out.lineComment(t.getText(), indent, who);
      } else {
        out.writeMultiline(out.atLineStart() ? "" : gap(prev, t), t.getText(), indent, who);
      }
    }

    private void token(Token prev, Token t, int newlines) {
      int i = t.getTokenIndex();
      boolean start = plan.stmtStarts.contains(i) || plan.itemStarts.contains(i);
      boolean close = plan.multiClose.contains(i);
      if (close) {
        depth--;
      }
      if (start || close) {
        boolean afterOpen = prev != null && plan.multiOpen.contains(prev.getTokenIndex());
        if (prev != null && newlines >= 2 && !afterOpen && !close) {
          out.blankLine();
        } else {
          out.endLine();
        }
        owner = start ? ++owners : -1;
      } else if (newlines > 0 && !t.getText().equals("{")) {
        out.endLine();
      }
      // A keyed list's closing bracket on a line of its own lines up with the statement.
      boolean closesList = newlines > 0 && t.getText().equals("]");
      int indent = depth * INDENT + (start || close || closesList ? 0 : CONTINUATION);
      String gap = out.atLineStart() ? "" : gap(prev, t);
      String key = plan.alignEq.get(i);
      if (key != null) {
        out.markEquals(key, gap.length());
      }
      out.write(gap, plan.semiAfter.contains(i) ? t.getText() + ";" : t.getText(), indent, owner);
      String declKey = plan.keyAt.get(i);
      if (declKey != null) {
        out.markKey(declKey);
      }
      if (plan.multiOpen.contains(i)) {
        depth++;
        between = true;
      } else {
        between = plan.stmtEnds.contains(i) || plan.itemEnds.contains(i);
      }
    }

    /** The space between two elements written on one line. */
    private String gap(Token a, Token b) {
      int ai = a.getTokenIndex();
      int bi = b.getTokenIndex();
      Integer va = plan.verbatim.get(ai);
      if (va != null && va.equals(plan.verbatim.get(bi))) {
        return adjacent(a, b) ? "" : " ";
      }
      if (a.getChannel() != Token.DEFAULT_CHANNEL || b.getChannel() != Token.DEFAULT_CHANNEL) {
        return " ";
      }
      if (plan.semiAfter.contains(ai)) {
        return " ";
      }
      String at = a.getText();
      String bt = b.getText();
      if (plan.oneLineBraces.contains(ai) && at.equals("{")) {
        return bt.equals("}") ? "" : " ";
      }
      if (plan.oneLineBraces.contains(bi)) {
        return " ";
      }
      if (bt.equals(")") || bt.equals("]") || bt.equals(",") || bt.equals(":") || bt.equals(".")) {
        return "";
      }
      if (at.equals("(") || at.equals("[") || at.equals(".")) {
        return "";
      }
      Integer ua = plan.unitExpr.get(ai);
      if (ua != null && ua.equals(plan.unitExpr.get(bi))) {
        return "";
      }
      if (plan.keepGapBefore.contains(bi)) {
        return adjacent(a, b) ? "" : " ";
      }
      if (isTightOrSpaced(at) || isTightOrSpaced(bt)) {
        return spaced(isTightOrSpaced(at) ? a : b) ? " " : "";
      }
      if (bt.equals("[") && !(at.equals(")") || at.equals("]") || Character.isLetterOrDigit(at.charAt(at.length() - 1))
          || at.endsWith("_"))) {
        return " "; // a keyed list after `(`, `,`, `=` or an operator, not an index x[D]
      }
      if (bt.equals("[") || plan.callParens.contains(bi) || plan.unary.contains(ai)) {
        return "";
      }
      return " ";
    }

    private static boolean isTightOrSpaced(String op) {
      return op.equals("*") || op.equals("/") || op.equals("^");
    }

    /** Whether the author put whitespace on either side of an operator. */
    private boolean spaced(Token op) {
      // token indexes count code points; the text is indexed in UTF-16 units
      int before = charIndex(op.getStartIndex()) - 1;
      int after = charIndex(op.getStopIndex() + 1);
      return (before >= 0 && Character.isWhitespace(text.charAt(before)))
          || (after < text.length() && Character.isWhitespace(text.charAt(after)));
    }

    private static boolean adjacent(Token a, Token b) {
      return a.getStopIndex() + 1 == b.getStartIndex();
    }

    private static int endLine(Token t) {
      String s = t.getText();
      int n = 0;
      for (int k = 0; k < s.length(); k++) {
        if (s.charAt(k) == '\n') {
          n++;
        }
      }
      return t.getLine() + n;
    }
  }
}

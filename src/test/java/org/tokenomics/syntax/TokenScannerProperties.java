package org.tokenomics.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.tokenomics.internal.parser.TokLexer;

/**
 * The hand-written scanner gives exactly the tokens of ANTLR's generated lexer (type, channel,
 * code-point start and stop, line, column, text), on text made to hit the lexer's corners and on
 * every Tok file of the project.
 */
class TokenScannerProperties {
  /** Pieces that sit on the lexer's decisions: dates against numbers, magnitude letters, comments, strings, escapes. */
  private static final List<String> PIECES = List.of("0", "7", "2027", "2027-06", "2027-06-15", "2027-6", "-", "_", ".",
      "e", "E", "+", "k", "M", "B", "T", "x", "kW", "$", "$5", "\"", "\\", "\"ab\"", "/", "*", "/*", "*/", "//", "\n",
      "\r", "\r\n", "\t", " ", "\f", "=", "==", "!", "!=", "<", "<=", ">", ">=", "%", ":", ";", ",", "(", ")", "{", "}",
      "[", "]", "^", "é", "\u00b2", "\uD83D\uDE00", "\uD800", "\u0660", "to", "top", "in", "int", "correlate", "as",
      "yearly", "quarterly", "monthly", "timeline", "amends", "if", "then", "else", "ASSERT", "@", "#", "'");

  @Provide
  Arbitrary<String> corners() {
    return Arbitraries.of(PIECES).list().ofMinSize(0).ofMaxSize(30).map(l -> String.join("", l));
  }

  @Property(tries = 3000)
  void sameTokensOnCornerText(@ForAll("corners") String text) {
    assertSameTokens(text);
  }

  @Property(tries = 1000)
  void sameTokensOnAnyText(@ForAll String text) {
    assertSameTokens(text);
  }

  @Example
  void sameTokensOnEveryTokFileOfTheProject() {
    List<Path> files = TestSources.all();
    assertFalse(files.isEmpty());
    for (Path p : files) {
      assertSameTokens(TestSources.read(p));
    }
  }

  @Example
  void sameTokensOnTheLexersCorners() {
    for (String text : List.of("", " ", "1.5e+3kx", "1.5e+3k", "1e5", "1e", "1.e5", "1__0", "1_0_0", "$kx", "$k", "$5kW",
        "$5k", "$B.", "1B\u00e9", "2027-06-1", "2027-06-15k", "20270-06", "\"a\\\"b\"", "\"a\\x\"", "\"abc", "/*/", "/* x",
        "/**/", "a//b\nc", "x\r\ny", "\uD83D\uDE00 x", "\"\uD83D\uDE00\" 2027-06")) {
      assertSameTokens(text);
    }
  }

  private static void assertSameTokens(String text) {
    TokLexer lexer = new TokLexer(CharStreams.fromString(text, "t.tok"));
    lexer.removeErrorListeners();
    CommonTokenStream antlr = new CommonTokenStream(lexer);
    antlr.fill();
    CommonTokenStream mine = new CommonTokenStream(TokenScanner.scan(text, "t.tok"));
    mine.fill();
    assertEquals(describe(antlr.getTokens()), describe(mine.getTokens()), () -> "tokens of " + text);
  }

  private static List<String> describe(List<Token> tokens) {
    List<String> out = new ArrayList<>();
    for (Token t : tokens) {
      out.add(t.getType() + "/" + t.getChannel() + " " + t.getStartIndex() + ".." + t.getStopIndex() + " @" + t.getLine()
          + ":" + t.getCharPositionInLine() + " #" + t.getTokenIndex() + " '" + t.getText() + "'");
    }
    return out;
  }
}

package org.tokenomics.syntax;

import org.antlr.v4.runtime.Token;

/** Spans from ANTLR tokens (package-private: ANTLR stays in this package). */
final class Spans {
  private Spans() {}

  static Span of(SourceFile source, Token start, Token stop) {
    int line = start.getLine();
    int column = start.getCharPositionInLine() + 1;
    String stopText = stop.getText() == null ? "" : stop.getText();
    int endLine = stop.getLine();
    int endColumn = stop.getCharPositionInLine() + 1 + stopText.length();
    int newline = stopText.lastIndexOf('\n');
    if (newline >= 0) {
      endLine += (int) stopText.chars().filter(c -> c == '\n').count();
      endColumn = stopText.length() - newline;
    }
    int from = Math.max(0, source.charIndex(start.getStartIndex()));
    int to = Math.max(from, source.charIndex(stop.getStopIndex() + 1));
    return new Span(source.name(), line, column, endLine, endColumn, from, to);
  }
}

package org.tokenomics.syntax;

/**
 * Where a node came from: file, 1-based line and column, exclusive end column, and character
 * offsets into the file's text.
 *
 * <p>Spans take no part in equality: two ASTs are equal when they say the same thing, wherever it
 * was written. That is what makes "print, parse again, compare" a meaningful round-trip test.
 */
public record Span(String file, int line, int column, int endLine, int endColumn, int start, int end)
    implements java.io.Serializable {

  public static final Span NONE = new Span("<none>", 0, 0, 0, 0, 0, 0);

  /** The smallest span covering both. */
  public Span to(Span other) {
    if (other == null || other == NONE) {
      return this;
    }
    if (this == NONE) {
      return other;
    }
    boolean thisFirst = start <= other.start;
    Span first = thisFirst ? this : other;
    Span last = end >= other.end ? this : other;
    return new Span(file, first.line, first.column, last.endLine, last.endColumn, first.start, last.end);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Span;
  }

  @Override
  public int hashCode() {
    return 0;
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}

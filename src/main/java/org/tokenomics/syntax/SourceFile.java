package org.tokenomics.syntax;

/** The text of one source file, with the line lookups that diagnostics need. */
public final class SourceFile {
  private final String name;
  private final String text;
  private final boolean library;
  private final int[] lineStarts;
  /** Code point index → UTF-16 index, or null when the text has no supplementary characters. */
  private final int[] charOffsets;

  /**
   * @param name    the name shown in diagnostics
   * @param text    the whole source
   * @param library true for the prelude and std modules: errors inside them are shown at the
   *                user's line that caused them
   */
  public SourceFile(String name, String text, boolean library) {
    this.name = name;
    this.text = text;
    this.library = library;
    // two plain loops: a stream here was the process's first stream pipeline and method
    // reference for many commands, milliseconds on a cold JVM (issue 22)
    int lineCount = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lineCount++;
      }
    }
    int[] starts = new int[lineCount];
    for (int i = 0, k = 1; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts[k++] = i + 1;
      }
    }
    lineStarts = starts;
    charOffsets = charOffsets(text);
    lines = new String[lineStarts.length];
  }

  /**
   * For each code point of {@code text} (and one past the end), its index in the UTF-16 string;
   * null when the two agree (no emoji or other supplementary character). ANTLR counts code
   * points, Java strings count UTF-16 units: an emoji earlier in a file shifts every later token.
   */
  static int[] charOffsets(String text) {
    int points = text.codePointCount(0, text.length());
    if (points == text.length()) {
      return null;
    }
    int[] out = new int[points + 1];
    int i = 0;
    for (int cp = 0; cp < points; cp++) {
      out[cp] = i;
      i += Character.charCount(text.codePointAt(i));
    }
    out[points] = text.length();
    return out;
  }

  /** The UTF-16 index of code point {@code codePoint} (ANTLR's token indexes are code points). */
  public int charIndex(int codePoint) {
    if (charOffsets == null || codePoint < 0) {
      return codePoint;
    }
    return charOffsets[Math.min(codePoint, charOffsets.length - 1)];
  }

  public String name() {
    return name;
  }

  public String text() {
    return text;
  }

  public boolean isLibrary() {
    return library;
  }

  /**
   * Lines already cut out, shared by every diagnostic on them: 20,000 errors on one 200 KB line
   * must not hold 20,000 copies of it. (A race only cuts the same line twice.)
   */
  private final String[] lines;

  /** The text of a 1-based line without its line break, or "" past the end. */
  public String line(int line) {
    if (line < 1 || line > lineStarts.length) {
      return "";
    }
    String cached = lines[line - 1];
    if (cached == null) {
      cached = cut(line);
      lines[line - 1] = cached;
    }
    return cached;
  }

  private String cut(int line) {
    int from = lineStarts[line - 1];
    int to = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
    if (to > from && text.charAt(to - 1) == '\r') {
      to--;
    }
    return text.substring(from, Math.max(from, to));
  }

  /** Source text covered by a span. */
  public String slice(Span span) {
    int from = Math.max(0, Math.min(span.start(), text.length()));
    int to = Math.max(from, Math.min(span.end(), text.length()));
    return text.substring(from, to);
  }

  /**
   * The text of a span without its whitespace ({@link Character#isWhitespace}), as Commons
   * Lang's {@code StringUtils.deleteWhitespace} gives it, without initialising that class (its
   * static patterns cost a cold command milliseconds).
   *
   * @param span where
   * @return the text, whitespace removed
   */
  public String compactSlice(Span span) {
    String s = slice(span);
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isWhitespace(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }
}

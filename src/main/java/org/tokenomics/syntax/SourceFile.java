package org.tokenomics.syntax;

import java.util.ArrayList;
import java.util.List;

/** The text of one source file, with the line lookups that diagnostics need. */
public final class SourceFile {
  private final String name;
  private final String text;
  private final boolean library;
  private final int[] lineStarts;

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
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
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

  /** The text of a 1-based line without its line break, or "" past the end. */
  public String line(int line) {
    if (line < 1 || line > lineStarts.length) {
      return "";
    }
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
}

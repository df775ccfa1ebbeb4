package org.tokenomics.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * The formatter's output: lines of code with optional trailing {@code //} comments. Knows nothing
 * of Tok's grammar; {@link #render()} aligns {@code =} in runs of like declarations and trailing
 * comments in runs of commented lines.
 */
final class LineWriter {
  /** Columns of whitespace between code and a trailing comment, at least. */
  static final int COMMENT_GAP = 2;
  /**
   * Alignment pads only up to these columns: a line whose {@code =} or code ends further right
   * keeps its own spacing, so one 5,000-character name cannot pad every line of its run (an
   * 80 KB file grew to 1.28 MB, past the source size limit).
   */
  static final int MAX_EQUALS_COLUMN = 40;
  static final int MAX_COMMENT_COLUMN = 80;

  static final class Line {
    final int indent;
    final StringBuilder code = new StringBuilder();
    String comment;
    /** Which declarations align their {@code =} with this one (null: none). */
    String key;
    /** Index in {@code code} of the aligned {@code =}, or -1. */
    int eq = -1;
    /** The statement or block item the line belongs to (-1: none). */
    int owner = -1;
    /** A continuation of a multi-line block comment: printed exactly as written. */
    boolean raw;
    boolean blank;
    /** Where the trailing comment starts, set by alignment. */
    int commentColumn;

    Line(int indent) {
      this.indent = indent;
    }

    int width() {
      return raw ? code.length() : indent + code.length();
    }
  }

  private final List<Line> lines = new ArrayList<>();
  private Line current;

  /** True when nothing is written on the current line yet. */
  boolean atLineStart() {
    return current == null;
  }

  /** Ends the current line (if any). */
  void endLine() {
    current = null;
  }

  /** Ends the current line and leaves one blank line, unless the output is empty or already ends blank. */
  void blankLine() {
    current = null;
    if (!lines.isEmpty() && !lines.get(lines.size() - 1).blank) {
      Line b = new Line(0);
      b.blank = true;
      lines.add(b);
    }
  }

  /** Writes text; starts a line at {@code indent} when none is open, otherwise writes {@code gap} first. */
  void write(String gap, String text, int indent, int owner) {
    if (current == null) {
      current = new Line(indent);
      current.owner = owner;
      lines.add(current);
    } else {
      current.code.append(gap);
    }
    current.code.append(text);
  }

  /** Writes a token that may span lines (a block comment): later lines are kept as written. */
  void writeMultiline(String gap, String text, int indent, int owner) {
    String[] parts = text.split("\n", -1);
    write(gap, stripCr(parts[0]), indent, owner);
    for (int i = 1; i < parts.length; i++) {
      Line raw = new Line(0);
      raw.raw = true;
      raw.owner = owner;
      raw.code.append(stripCr(parts[i]));
      lines.add(raw);
      current = raw;
    }
  }

  private static String stripCr(String s) {
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }

  /** Marks the next write as the aligned {@code =} of a declaration of kind {@code key}. */
  void markEquals(String key, int gap) {
    if (current != null) {
      current.key = key;
      current.eq = current.code.length() + gap;
    }
  }

  /** Marks the current line as a declaration of kind {@code key} that has no {@code =}. */
  void markKey(String key) {
    if (current != null && current.key == null) {
      current.key = key;
    }
  }

  /** Attaches a {@code //} comment to the current line, or writes it on a line of its own. */
  void lineComment(String text, int indent, int owner) {
    if (current == null || current.raw) {
      write(" ", text.strip(), indent, owner);
      current.key = null;
    } else {
      current.comment = text.strip();
    }
    current = null;
  }

  String render() {
    dropSplitDeclarations();
    alignEquals();
    alignComments();
    StringBuilder out = new StringBuilder();
    int end = lines.size();
    while (end > 0 && lines.get(end - 1).blank) {
      end--;
    }
    for (int i = 0; i < end; i++) {
      Line l = lines.get(i);
      StringBuilder s = new StringBuilder();
      if (!l.blank) {
        if (!l.raw) {
          s.append(" ".repeat(l.indent));
        }
        s.append(l.code);
        if (l.comment != null) {
          s.append(" ".repeat(Math.max(COMMENT_GAP, l.commentColumn - l.width()))).append(l.comment);
        }
      }
      int n = s.length();
      while (n > 0 && (s.charAt(n - 1) == ' ' || s.charAt(n - 1) == '\t')) {
        n--;
      }
      out.append(s, 0, n).append('\n');
    }
    return out.toString();
  }

  /** A declaration written over several lines takes no part in alignment. */
  private void dropSplitDeclarations() {
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      if (l.key == null) {
        continue;
      }
      boolean split = (i > 0 && lines.get(i - 1).owner == l.owner && l.owner >= 0)
          || (i + 1 < lines.size() && lines.get(i + 1).owner == l.owner && l.owner >= 0);
      if (split) {
        l.key = null;
        l.eq = -1;
      }
    }
  }

  /** In each run of consecutive lines of one key and indent, pad before '=' to one column. */
  private void alignEquals() {
    int i = 0;
    while (i < lines.size()) {
      Line first = lines.get(i);
      if (first.key == null) {
        i++;
        continue;
      }
      int j = i;
      int column = -1;
      while (j < lines.size() && first.key.equals(lines.get(j).key) && lines.get(j).indent == first.indent) {
        if (lines.get(j).indent + lines.get(j).eq <= MAX_EQUALS_COLUMN) {
          column = Math.max(column, lines.get(j).eq);
        }
        j++;
      }
      for (int k = i; k < j; k++) {
        Line l = lines.get(k);
        if (l.eq >= 0 && l.eq < column) {
          l.code.insert(l.eq, " ".repeat(column - l.eq));
          l.eq = column;
        }
      }
      i = j;
    }
  }

  /** In each run of consecutive lines with trailing comments, start the comments in one column. */
  private void alignComments() {
    int i = 0;
    while (i < lines.size()) {
      if (lines.get(i).comment == null) {
        i++;
        continue;
      }
      int j = i;
      int column = 0;
      while (j < lines.size() && lines.get(j).comment != null) {
        if (lines.get(j).width() + COMMENT_GAP <= MAX_COMMENT_COLUMN) {
          column = Math.max(column, lines.get(j).width() + COMMENT_GAP);
        }
        j++;
      }
      for (int k = i; k < j; k++) {
        lines.get(k).commentColumn = column;
      }
      i = j;
    }
  }
}

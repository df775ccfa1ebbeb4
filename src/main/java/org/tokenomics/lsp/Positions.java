package org.tokenomics.lsp;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.tokenomics.diag.Diagnostic;
import org.tokenomics.diag.Severity;
import org.tokenomics.syntax.Span;

/**
 * Between Tok's positions (1-based lines and columns, character offsets) and LSP's (0-based lines
 * and UTF-16 columns); and the word under the cursor.
 */
final class Positions {
  private Positions() {}

  /** A word at the cursor: its text, where it starts and ends, and the name before a '.' if any. */
  record Word(String text, int start, int end, String qualifier) {}

  static int offset(String text, Position p) {
    int line = 0;
    int i = 0;
    while (line < p.getLine() && i < text.length()) {
      if (text.charAt(i++) == '\n') {
        line++;
      }
    }
    int end = text.indexOf('\n', i);
    end = end < 0 ? text.length() : end;
    return Math.min(i + Math.max(0, p.getCharacter()), end);
  }

  static Range range(Span s) {
    if (s == null || s.line() <= 0) {
      return new Range(new Position(0, 0), new Position(0, 0));
    }
    int endLine = Math.max(s.line(), s.endLine());
    int endColumn = s.endLine() > 0 ? s.endColumn() : s.column() + 1;
    return new Range(new Position(s.line() - 1, s.column() - 1), new Position(endLine - 1, Math.max(0, endColumn - 1)));
  }

  /** A Tok diagnostic as LSP sees it: 1-based, end-exclusive → 0-based, end-exclusive. */
  static org.eclipse.lsp4j.Diagnostic diagnostic(Diagnostic d, boolean here) {
    Range r;
    if (!here || d.line() <= 0) {
      r = new Range(new Position(0, 0), new Position(0, 0));
    } else {
      int endLine = d.endLine() >= d.line() ? d.endLine() : d.line();
      int endColumn = d.endLine() >= d.line() ? d.endColumn() : d.column() + 1;
      r = new Range(new Position(d.line() - 1, Math.max(0, d.column() - 1)),
          new Position(endLine - 1, Math.max(0, endColumn - 1)));
    }
    String message = (here || d.file() == null ? "" : d.file() + ":" + d.line() + ": ") + d.message()
        + (d.help() == null || d.help().isEmpty() ? "" : "\nhelp: " + d.help());
    org.eclipse.lsp4j.Diagnostic out = new org.eclipse.lsp4j.Diagnostic(r, message, severity(d.severity()), "tok", d.code());
    return out;
  }

  private static DiagnosticSeverity severity(Severity s) {
    return switch (s) {
      case ERROR -> DiagnosticSeverity.Error;
      case WARNING -> DiagnosticSeverity.Warning;
      default -> DiagnosticSeverity.Information;
    };
  }

  static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  /** The word around {@code offset} (or ending at it), or null when there is none. */
  static Word wordAt(String text, int offset) {
    int start = Math.min(offset, text.length());
    while (start > 0 && isWordChar(text.charAt(start - 1))) {
      start--;
    }
    int end = Math.min(offset, text.length());
    while (end < text.length() && isWordChar(text.charAt(end))) {
      end++;
    }
    String qualifier = qualifierBefore(text, start);
    return new Word(text.substring(start, end), start, end, qualifier);
  }

  /** {@code a.b} for the word after {@code a.b.}, {@code a} after {@code a.}, else null. */
  static String qualifierBefore(String text, int start) {
    List<String> parts = new ArrayList<>();
    int i = start;
    while (i > 0 && text.charAt(i - 1) == '.') {
      int end = i - 1;
      int s = end;
      String key = "";
      if (s > 0 && text.charAt(s - 1) == ']') {
        // a family's member: vintage[2026].
        int open = text.lastIndexOf('[', s - 1);
        if (open < 0) {
          break;
        }
        key = text.substring(open, s);
        s = open;
        end = open;
      }
      while (s > 0 && isWordChar(text.charAt(s - 1))) {
        s--;
      }
      if (s == end) {
        break;
      }
      parts.add(0, text.substring(s, end) + key);
      i = s;
    }
    return parts.isEmpty() ? null : String.join(".", parts);
  }

  /** The 1-based line of an offset. */
  static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}

package org.tokenomics.diag;

import java.util.Objects;

/**
 * A problem found in a Tok source, as the phases (syntax, check, evaluation, Monte Carlo …) make
 * it. The public {@code org.tokenomics.Diagnostic} has the same components; the API converts at its
 * boundary, so that no phase depends on the API package. {@link #render()} is the one place that
 * turns a diagnostic into text (the public record renders through it). Positions are 1-based; the
 * end column is exclusive.
 *
 * @param severity   error, warning or note
 * @param code       a stable code such as {@code TOK300}
 * @param message    one line saying what is wrong
 * @param file       the file name as given to the compiler (null when the problem has no place)
 * @param line       first line of the span
 * @param column     first column of the span
 * @param endLine    last line of the span
 * @param endColumn  column just after the span on {@code endLine}
 * @param help       an optional suggestion (may be null)
 * @param sourceLine the text of {@code line}, for rendering (may be null)
 * @param label      text printed after the carets (may be null)
 */
public record Diagnostic(Severity severity, String code, String message, String file, int line,
                         int column, int endLine, int endColumn, String help, String sourceLine,
                         String label) {
  /** Longer source lines are shown as a window of this many characters around the span. */
  private static final int WINDOW = 160;


  /** Checks that severity, code and message are given. */
  public Diagnostic {
    Objects.requireNonNull(severity);
    Objects.requireNonNull(code);
    Objects.requireNonNull(message);
  }

  /** True for errors. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * Renders the diagnostic as a modeler reads it:
   * <pre>
   * x.tok:4:17: error[TOK300]: cannot add $/yr and $
   *   4 | let profit = revenue - capex
   *     |              ^^^^^^^^^^^^^^^ revenue is $/yr, capex is $
   * help: multiply the rate by a duration, e.g. revenue * dt
   * </pre>
   */
  public String render() {
    StringBuilder out = new StringBuilder();
    out.append(file == null ? "<input>" : file);
    if (line > 0) {
      out.append(':').append(line).append(':').append(column);
    }
    out.append(": ").append(severity.word()).append('[').append(code).append("]: ").append(message);
    if (sourceLine != null && line > 0) {
      String gutter = String.valueOf(line);
      String pad = " ".repeat(gutter.length());
      String text = sourceLine;
      int from = Math.max(1, column);
      int to = endLine == line ? Math.max(from + 1, endColumn) : text.length() + 1;
      if (text.length() > WINDOW) { // a window around the span, not a 200 KB line per error
        int start = Math.max(0, Math.min(from - 1 - WINDOW / 4, text.length() - WINDOW));
        int end = Math.min(text.length(), start + WINDOW);
        String head = start > 0 ? "…" : "";
        text = head + text.substring(start, end) + (end < text.length() ? "…" : "");
        from = from - start + head.length();
        to = Math.min(to - start + head.length(), text.length() + 1);
      }
      text = text.replace('\t', ' ');
      out.append('\n').append("  ").append(gutter).append(" | ").append(text);
      to = Math.min(to, Math.max(from + 1, text.length() + 1));
      out.append('\n').append("  ").append(pad).append(" | ")
          .append(" ".repeat(from - 1)).append("^".repeat(to - from));
      if (label != null && !label.isEmpty()) {
        out.append(' ').append(label);
      }
    }
    if (help != null && !help.isEmpty()) {
      out.append('\n').append("help: ").append(help);
    }
    return out.toString();
  }


  @Override
  public String toString() {
    return render();
  }
}

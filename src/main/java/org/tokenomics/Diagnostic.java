package org.tokenomics;

import java.util.Objects;

/**
 * A problem found in a Tok source: data, not an exception. Positions are 1-based; the end column
 * is exclusive. {@link #render()} is the one place that turns a diagnostic into text.
 *
 * @param severity   error, warning or note
 * @param code       a stable code such as {@code TOK300}
 * @param message    one line saying what is wrong
 * @param file       the file name as given to the compiler
 * @param line       first line of the span
 * @param column     first column of the span
 * @param endLine    last line of the span
 * @param endColumn  column just after the span on {@code endLine}
 * @param help       an optional suggestion (may be null)
 * @param sourceLine the text of {@code line}, for rendering (may be null)
 * @param label      text printed after the carets (may be null)
 *
 * @serial exclude
 */
public record Diagnostic(Severity severity, String code, String message, String file, int line,
                         int column, int endLine, int endColumn, String help, String sourceLine,
                         String label) implements java.io.Serializable {

  /**
   * Checks that severity, code and message are given.
   *
   * @param severity how serious it is
   * @param code the code ({@code TOK300})
   * @param message the message, one sentence
   * @param file the file name as given
   * @param line the 1-based line where it starts
   * @param column the 1-based column where it starts
   * @param endLine the 1-based line where it ends
   * @param endColumn the 1-based column where it ends (exclusive)
   * @param help how to fix it, or null
   * @param sourceLine the text of the line it starts on
   * @param label what the underline points at, or null
   */
  public Diagnostic {
    Objects.requireNonNull(severity);
    Objects.requireNonNull(code);
    Objects.requireNonNull(message);
  }

  /**
   * True for errors.
   *
   * @return true for errors
   */
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
   *
   * @return the location, code and message, the source line underlined with its label, and the help
   */
  public String render() {
    return internal().render();
  }

  /** The phases' form of this diagnostic. */
  org.tokenomics.diag.Diagnostic internal() {
    return new org.tokenomics.diag.Diagnostic(org.tokenomics.diag.Severity.valueOf(severity.name()), code, message, file,
        line, column, endLine, endColumn, help, sourceLine, label);
  }

  /** A diagnostic made by a phase, as the API shows it. */
  static Diagnostic of(org.tokenomics.diag.Diagnostic d) {
    return new Diagnostic(Severity.valueOf(d.severity().name()), d.code(), d.message(), d.file(), d.line(), d.column(),
        d.endLine(), d.endColumn(), d.help(), d.sourceLine(), d.label());
  }

  /** Many diagnostics made by phases, as the API shows them. */
  static java.util.List<Diagnostic> of(java.util.List<org.tokenomics.diag.Diagnostic> list) {
    return list.stream().map(Diagnostic::of).toList();
  }

  @Override
  public String toString() {
    return render();
  }
}

package org.tokenomics;

/** An evaluation error (TOK500–TOK502): division by zero, a date outside the timeline, no solution … */
public final class EvaluationException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  /** The error; the exception message carries it rendered, for logs that only keep text. */
  private final Diagnostic diagnostic;

  /**
   * An exception whose message is the rendered diagnostic.
   *
   * @param diagnostic the error, with its position
   */
  public EvaluationException(Diagnostic diagnostic) {
    super(diagnostic.render());
    this.diagnostic = diagnostic;
  }

  /**
   * The error: code TOK500, TOK501 or TOK502, position and message.
   *
   * @return the error: code TOK500, TOK501 or TOK502, position and message
   */
  public Diagnostic diagnostic() {
    return diagnostic;
  }
}

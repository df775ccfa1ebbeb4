package org.tokenomics;

/** An evaluation error (TOK500–TOK502): division by zero, a date outside the timeline, no solution … */
public final class EvaluationException extends RuntimeException {
  private final Diagnostic diagnostic;

  public EvaluationException(Diagnostic diagnostic) {
    super(diagnostic.render());
    this.diagnostic = diagnostic;
  }

  public Diagnostic diagnostic() {
    return diagnostic;
  }
}

package org.tokenomics.eval;

import org.tokenomics.diag.Code;
import org.tokenomics.syntax.Span;

/** An evaluation error inside the engine; the API turns it into a TOK5xx diagnostic. */
public final class EvalError extends RuntimeException {
  private final Code code;
  private final Span span;
  private final String help;

  public EvalError(Code code, Span span, String message, String help) {
    super(message, null, false, false);
    this.code = code;
    this.span = span;
    this.help = help;
  }

  public EvalError(Code code, Span span, String message) {
    this(code, span, message, null);
  }

  public Code code() {
    return code;
  }

  public Span span() {
    return span;
  }

  public String help() {
    return help;
  }
}

package org.tokenomics;

import java.util.List;

/** Thrown by {@link Compilation#model()} when the source has errors; carries every diagnostic. */
public final class CompilationException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  /** Every diagnostic, in an immutable list. */
  private final List<Diagnostic> diagnostics;

  /**
   * An exception whose message summarizes the first errors, rendered.
   *
   * @param diagnostics every diagnostic, errors first
   */
  public CompilationException(List<Diagnostic> diagnostics) {
    super(summary(diagnostics));
    this.diagnostics = List.copyOf(diagnostics);
  }

  private static String summary(List<Diagnostic> diagnostics) {
    StringBuilder b = new StringBuilder();
    long errors = diagnostics.stream().filter(Diagnostic::isError).count();
    b.append(errors).append(errors == 1 ? " error" : " errors");
    diagnostics.stream().filter(Diagnostic::isError).limit(5).forEach(d -> b.append('\n').append(d.render()));
    return b.toString();
  }

  /**
   * Every diagnostic of the compilation, errors and warnings.
   *
   * @return every diagnostic of the compilation, errors and warnings
   */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}

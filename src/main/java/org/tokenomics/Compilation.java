package org.tokenomics;

import java.util.List;
import org.tokenomics.check.CompiledModel;

/**
 * The outcome of compiling a Tok source: diagnostics, and a model when there are no errors.
 * Immutable and safe to share between threads.
 */
public final class Compilation {
  private final String file;
  private final List<Diagnostic> diagnostics;
  private final Model model;

  Compilation(String file, List<Diagnostic> diagnostics, CompiledModel model, Limits limits) {
    this.file = file;
    this.diagnostics = List.copyOf(diagnostics);
    this.model = model == null ? null : new Model(model, limits);
  }

  /**
   * The main file's name as given.
   *
   * @return the main file's name as given
   */
  public String file() {
    return file;
  }

  /**
   * True when there are no errors.
   *
   * @return true when there are no errors
   */
  public boolean ok() {
    return model != null && diagnostics.stream().noneMatch(Diagnostic::isError);
  }

  /**
   * Every diagnostic, errors first in source order as found.
   *
   * @return every diagnostic, errors first in source order as found
   */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /**
   * The model; throws {@link CompilationException} (with the diagnostics) when there are errors.
   *
   * @return the model
   */
  public Model model() {
    if (!ok()) {
      throw new CompilationException(diagnostics);
    }
    return model;
  }
}

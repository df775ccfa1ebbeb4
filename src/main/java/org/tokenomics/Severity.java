package org.tokenomics;

/** How serious a {@link Diagnostic} is. */
public enum Severity {
  /** Stops the model from compiling or evaluating (exit code 1 at the command line). */
  ERROR,
  /** Something that is probably wrong but does not stop the model. */
  WARNING,
  /** Information only. */
  NOTE;

  /**
   * The lower-case word used in rendered diagnostics and JSON.
   *
   * @return the lower-case word used in rendered diagnostics and JSON
   */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}

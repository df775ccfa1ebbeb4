package org.tokenomics.diag;

/**
 * How serious a {@link Diagnostic} is. The internal twin of the public
 * {@code org.tokenomics.Severity}, so that the phases never reach up into the API package.
 */
public enum Severity {
  ERROR, WARNING, NOTE;

  /** The lower-case word used in rendered diagnostics and JSON. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}

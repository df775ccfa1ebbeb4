package org.tokenomics;

/** How serious a {@link Diagnostic} is. */
public enum Severity {
  ERROR, WARNING, NOTE;

  /** The lower-case word used in rendered diagnostics and JSON. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}

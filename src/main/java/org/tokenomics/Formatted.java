package org.tokenomics;

import java.util.List;

/**
 * A source laid out by {@link Tokenomics#format}.
 *
 * @param ok          false when the source has syntax errors (then {@code text} is the source unchanged)
 * @param text        the canonical layout
 * @param diagnostics the syntax errors, if any
 */
public record Formatted(boolean ok, String text, List<Diagnostic> diagnostics) {
  /**
   * Copies the list.
   *
   * @param ok          false when the source has syntax errors
   * @param text        the canonical layout, or the source unchanged when it has syntax errors
   * @param diagnostics the syntax errors, if any
   */
  public Formatted {
    diagnostics = List.copyOf(diagnostics);
  }
}

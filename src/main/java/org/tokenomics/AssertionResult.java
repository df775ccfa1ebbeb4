package org.tokenomics;

/**
 * The outcome of one {@code assert}.
 *
 * @param message     its message
 * @param line        its line in the file it is written in
 * @param ok          true when it held (in every period; under Monte Carlo, in every sample)
 * @param failedShare the share of samples in which it failed (0 or 1 in a deterministic run)
 * @param file        the file it is written in when that is not the main file (an amended base,
 *                    LANGUAGE.md §19), as diagnostics name it; null for the main file
 */
public record AssertionResult(String message, int line, boolean ok, double failedShare, String file) {

  /**
   * An assertion of the main file.
   *
   * @param message     its message
   * @param line        its line in the main file
   * @param ok          true when it held
   * @param failedShare the share of samples in which it failed
   */
  public AssertionResult(String message, int line, boolean ok, double failedShare) {
    this(message, line, ok, failedShare, null);
  }

  /** @return where it is written, for a reader: {@code line 3} or {@code base.tok line 3} */
  public String where() {
    return (file == null ? "" : file + " ") + "line " + line;
  }
}

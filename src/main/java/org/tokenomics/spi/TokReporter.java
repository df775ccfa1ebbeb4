package org.tokenomics.spi;

/**
 * An output format of {@code tok run --format NAME} beside {@code table}, {@code json} and
 * {@code csv}. The command line evaluates the model and hands the reporter a {@link RunReport}.
 */
public interface TokReporter {

  /**
   * The format's name after {@code --format}: lower-case letters, digits, {@code -} and {@code _}.
   *
   * @return the format's name after {@code --format}: lower-case letters, digits, {@code -} and {@code _}
   */
  String format();

  /**
   * Renders one run of {@code tok run} as text for standard output.
   *
   * @param report the run: its reports, assertions and diagnostics per scenario
   * @return the text to print on standard output
   */
  String render(RunReport report);

  /**
   * Whether {@link #render} already shows the diagnostics. When false (the default) the command
   * line prints them to standard error after the output.
   *
   * @return whether {@link #render} already shows the diagnostics
   */
  default boolean rendersDiagnostics() {
    return false;
  }
}

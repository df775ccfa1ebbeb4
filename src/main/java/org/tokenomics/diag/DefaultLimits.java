package org.tokenomics.diag;

/**
 * The default limits, written once (safety.md): {@code org.tokenomics.Limits.DEFAULT}, the
 * parser's and the compiler's defaults all read them, so a change here changes them everywhere.
 * They live in the base layer because the parser (below the API) needs them too.
 */
public final class DefaultLimits {
  /** Characters in one source file. */
  public static final int MAX_SOURCE_BYTES = 1 << 20;
  /** Bracket and operator nesting depth. */
  public static final int MAX_NESTING = 200;
  /** Syntax-tree nodes in one file. */
  public static final int MAX_NODES = 500_000;
  /** Periods of the timeline. */
  public static final int MAX_PERIODS = 10_000;
  /** Members of one family of instances (LANGUAGE.md §15). */
  public static final int MAX_FAMILY_MEMBERS = 10_000;
  /** Declared names. */
  public static final int MAX_NAMES = 100_000;
  /** Samples × periods × reports of one Monte Carlo run. */
  public static final long MAX_SAMPLE_VALUES = 2_000_000_000L;
  /** Samples an automatic run ({@code --samples auto}) draws at most unless told otherwise. */
  public static final int MAX_AUTO_SAMPLES = 1_000_000;

  private DefaultLimits() {}
}

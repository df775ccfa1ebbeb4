package org.tokenomics;

/**
 * Limits that keep a hostile or runaway model from exhausting the host. Exceeding one is TOK600,
 * naming the limit.
 *
 * @param maxSourceBytes   characters in one source file (default 1 MiB)
 * @param maxNesting       bracket and prefix-operator nesting depth (default 200)
 * @param maxPeriods       periods of the timeline (default 10,000)
 * @param maxNames         declared names (default 100,000)
 * @param maxSampleValues  samples × periods × reports of a Monte Carlo run (default 2e9)
 */
public record Limits(long maxSourceBytes, int maxNesting, long maxPeriods, int maxNames, long maxSampleValues) {
  /** The defaults listed above. */
  public static final Limits DEFAULT = new Limits(1 << 20, 200, 10_000, 100_000, 2_000_000_000L);
}

package org.tokenomics;

/**
 * The outcome of one {@code assert}.
 *
 * @param message     its message
 * @param line        its line in the main file
 * @param ok          true when it held (in every period; under Monte Carlo, in every sample)
 * @param failedShare the share of samples in which it failed (0 or 1 in a deterministic run)
 */
public record AssertionResult(String message, int line, boolean ok, double failedShare) {}

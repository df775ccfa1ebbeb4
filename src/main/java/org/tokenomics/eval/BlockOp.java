package org.tokenomics.eval;

/** A node over a block of samples ({@link BlockOps}): one period's column of values. */
@FunctionalInterface
interface BlockOp {
  /**
   * The node's values in period {@code p} for samples {@code [0, n)}.
   *
   * @return an array of at least n values (its own, or a cell's column: never to be written by
   *         the caller), or null when a sample met a division by zero or another error
   */
  double[] eval(int p, int n);
}

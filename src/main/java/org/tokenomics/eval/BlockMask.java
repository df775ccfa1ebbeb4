package org.tokenomics.eval;

import java.util.Arrays;

/**
 * The samples of a block whose computation of one {@code if} branch met a division by zero
 * ({@link BlockOps}): an error only for the samples that take that branch.
 */
final class BlockMask {
  final boolean[] bad;
  /** Whether any sample is marked since the last {@link #clear}. */
  boolean any;

  BlockMask(int size) {
    this.bad = new boolean[size];
  }

  void mark(int k) {
    bad[k] = true;
    any = true;
  }

  /** Unmarks samples {@code [0, n)} before the branch is computed again. */
  void clear(int n) {
    if (any) {
      Arrays.fill(bad, 0, n, false);
      any = false;
    }
  }
}

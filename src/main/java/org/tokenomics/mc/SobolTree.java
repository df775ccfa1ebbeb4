package org.tokenomics.mc;

import java.util.ArrayList;
import java.util.List;

/**
 * Combines the sums of blocks of rows ({@link SobolSums}, one per estimate) in one fixed binary
 * tree over the block indices, whoever computes which blocks: node {@code [i·2^h, (i+1)·2^h)} is
 * the merge of its two halves, a half past the last block is empty, and the root covers every
 * block. Pushing blocks in order (or, on a cluster's driver, the nodes of aligned ranges of 2^s
 * blocks in order, each at level s) and taking {@link #root()} yields that tree's root, so a
 * local run and any aligned split of it merge the same numbers in the same grouping: the same bits.
 *
 * <p>The stack is a binary counter: two nodes of the same level are merged as soon as they meet;
 * at the end the remaining nodes (levels decreasing) are merged from the right, which is how the
 * tree joins a full left half with a right half that runs out of blocks.
 */
final class SobolTree {
  private final List<SobolSums[]> nodes = new ArrayList<>();
  private final List<Integer> levels = new ArrayList<>();

  /** Adds the node after the last one pushed: a block at level 0, or an aligned range of 2^level blocks. */
  void push(int level, SobolSums[] node) {
    nodes.add(node);
    levels.add(level);
    int n = nodes.size();
    while (n >= 2 && levels.get(n - 1).equals(levels.get(n - 2))) {
      merge(nodes.get(n - 2), nodes.get(n - 1));
      nodes.remove(n - 1);
      levels.remove(n - 1);
      levels.set(n - 2, levels.get(n - 2) + 1);
      n--;
    }
  }

  /** The root: every node pushed, merged as the tree does; null when nothing was pushed. */
  SobolSums[] root() {
    if (nodes.isEmpty()) {
      return null;
    }
    SobolSums[] right = nodes.get(nodes.size() - 1);
    for (int i = nodes.size() - 2; i >= 0; i--) {
      merge(nodes.get(i), right);
      right = nodes.get(i);
    }
    return right;
  }

  private static void merge(SobolSums[] into, SobolSums[] other) {
    for (int r = 0; r < into.length; r++) {
      into[r].merge(other[r]);
    }
  }
}

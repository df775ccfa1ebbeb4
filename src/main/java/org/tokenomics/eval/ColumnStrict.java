package org.tokenomics.eval;

import org.tokenomics.time.Timeline;

/**
 * A {@link Strict} node that can also be applied to a block of samples at once ({@link
 * SeriesColumns}): for one period, a column of each input, one output value per sample. A node
 * opts in by implementing this with the same arithmetic as its {@code apply}, so every sample's
 * value is bit for bit the per-sample one.
 */
public interface ColumnStrict extends Strict {
  /**
   * Applies the node to samples {@code [0, n)} of one period.
   *
   * @param tl  the timeline
   * @param p   the period
   * @param in  one column per input, in the order of {@link #inputs()}
   * @param out where the values go
   * @param n   the samples
   * @param scratch this node's working columns in one worker's blocks, from {@link #scratch}; kept
   *                from one call to the next (any period, any block), so what it holds must not
   *                change a value, only save work
   * @return false when a sample would meet an error (the block is then evaluated sample by
   *         sample, which reports it)
   */
  boolean applyColumns(Timeline tl, int p, double[][] in, double[] out, int n, double[][] scratch);

  /**
   * Working columns of {@code n} values for one worker's {@link #applyColumns}, or null when the node needs none.
   *
   * @param n the most samples of a call
   * @return the columns, or null
   */
  default double[][] scratch(int n) {
    return null;
  }
}

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
   * @return false when a sample would meet an error (the block is then evaluated sample by
   *         sample, which reports it)
   */
  boolean applyColumns(Timeline tl, int p, double[][] in, double[] out, int n);
}

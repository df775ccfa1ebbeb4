package org.tokenomics.mc;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The statistics of a run that keeps every value ({@link ExactFeed}: sums, moments, the
 * selection's summary and first counts), fed while the samples are still being evaluated: each block's values as
 * soon as every earlier block is done, by whichever worker finishes the block that completes that
 * prefix. So the statistics still see the values in sample order (the same numbers, bit for bit,
 * on any thread count), but their pass overlaps the evaluation instead of running alone on one
 * thread after it, and it runs as a thousand short calls, which the JIT compiles early, rather
 * than as one long loop that a run of a second spends mostly in the interpreter.
 */
final class OrderedFeed {
  private final double[][] columns; // [cell][sample], written by the blocks
  private final int blockSize;
  private final int samples;
  private final AtomicIntegerArray ready;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile int next; // the first block not fed yet
  /**
   * Whether the feed also makes the selection's first counts ({@link OrderStatistics.Histogram}):
   * for runs long enough that the pass it saves costs more than 16 KB of counts per report value.
   */
  private final boolean counting;
  /** Samples from which the feed makes the selection's first counts. */
  static final int COUNT_FROM = 65_536;
  final Moments[] moments;
  final OrderStatistics.Summary[] summaries;

  /**
   * @param columns   the run's kept values, a column per report value
   * @param samples   the samples of the run
   * @param blockSize samples per block
   */
  OrderedFeed(double[][] columns, int samples, int blockSize) {
    this.columns = columns;
    this.samples = samples;
    this.blockSize = blockSize;
    this.ready = new AtomicIntegerArray((samples + blockSize - 1) / blockSize);
    this.counting = samples >= COUNT_FROM;
    moments = new Moments[columns.length];
    summaries = new OrderStatistics.Summary[columns.length];
    for (int c = 0; c < columns.length; c++) {
      moments[c] = new Moments();
      summaries[c] = new OrderStatistics.Summary();
    }
  }

  /**
   * Block {@code b}'s values are in the columns: feeds it and every later block already done, if
   * all earlier ones are fed; else leaves it to the worker that completes the prefix. Never waits:
   * a worker that finds another feeding goes on, and the feeder looks again after letting go.
   */
  void done(int b) {
    ready.set(b, 1);
    while (lock.tryLock()) {
      try {
        int n = next;
        while (n < ready.length() && ready.get(n) == 1) {
          int from = n * blockSize;
          int to = Math.min(samples, from + blockSize);
          for (int c = 0; c < columns.length; c++) {
            OrderStatistics.Summary q = summaries[c];
            ExactFeed.range(columns[c], from, to, moments[c], q);
            if (counting) {
              if (q.first == null && q.size > 0) { // the first values fix the histogram's range
                q.first = new OrderStatistics.Histogram(q.minKey, q.maxKey);
              }
              if (q.first != null) {
                q.first.add(columns[c], from, to);
              }
            }
          }
          next = ++n;
        }
      } finally {
        lock.unlock();
      }
      int n = next;
      if (n >= ready.length() || ready.get(n) == 0) {
        return; // a block marked ready after this check is fed by its own worker
      }
    }
  }

  /** Whether every block has been fed. */
  boolean complete() {
    return next == ready.length();
  }
}

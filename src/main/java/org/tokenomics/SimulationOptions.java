package org.tokenomics;

import java.util.Objects;

/**
 * How a Monte Carlo run is carried out (never what it computes: the numbers are the same for any
 * options). {@code Model.simulate(scenario, overrides, samples, seed, options)}.
 *
 * @param threads  worker threads; 0 for one per core
 * @param progress told how many samples are done, from one thread, about ten times a second
 */
public record SimulationOptions(int threads, Progress progress) {
  /** One thread per core, no progress reports. */
  public static final SimulationOptions DEFAULT = new SimulationOptions(0, (done, total) -> { });

  /** Checks the values. */
  public SimulationOptions {
    if (threads < 0) {
      throw new IllegalArgumentException("threads must be 0 (one per core) or more, got " + threads);
    }
    Objects.requireNonNull(progress, "progress");
  }

  /** A copy with another thread count (0: one per core). */
  public SimulationOptions withThreads(int n) {
    return new SimulationOptions(n, progress);
  }

  /** A copy that reports progress to {@code p}. */
  public SimulationOptions withProgress(Progress p) {
    return new SimulationOptions(threads, p);
  }

  /** Told how far a run has come. */
  @FunctionalInterface
  public interface Progress {
    /** {@code done} of {@code total} samples are evaluated. */
    void update(long done, long total);
  }
}

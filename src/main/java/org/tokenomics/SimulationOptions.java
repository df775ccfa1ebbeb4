package org.tokenomics;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * How a Monte Carlo run is carried out (never what it computes: the numbers are the same for any
 * options). {@code Model.simulate(scenario, overrides, samples, seed, options)}.
 *
 * @param threads   worker threads; 0 for one per core
 * @param progress  told how many samples are done, from one thread, about ten times a second
 * @param cancelled asked as often; once it answers true the run stops soon after and
 *                  {@code simulate} throws {@link java.util.concurrent.CancellationException}
 */
public record SimulationOptions(int threads, Progress progress, BooleanSupplier cancelled) {
  /** One thread per core, no progress reports, never cancelled. */
  public static final SimulationOptions DEFAULT = new SimulationOptions(0, (done, total) -> { }, () -> false);

  /**
   * Checks the values.
   *
   * @param threads   worker threads; 0 for one per core
   * @param progress  told how many samples are done
   * @param cancelled asked whether to stop the run
   * @throws IllegalArgumentException when {@code threads} is negative
   * @throws NullPointerException     when {@code progress} or {@code cancelled} is null
   */
  public SimulationOptions {
    if (threads < 0) {
      throw new IllegalArgumentException("threads must be 0 (one per core) or more, got " + threads);
    }
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(cancelled, "cancelled");
  }

  /**
   * A copy with another thread count (0: one per core).
   *
   * @param n worker threads, 0 for one per core
   * @return a copy with that thread count
   */
  public SimulationOptions withThreads(int n) {
    return new SimulationOptions(n, progress, cancelled);
  }

  /**
   * A copy that reports progress to {@code p}.
   *
   * @param p told how many samples are done, about ten times a second
   * @return a copy with that progress callback
   */
  public SimulationOptions withProgress(Progress p) {
    return new SimulationOptions(threads, p, cancelled);
  }

  /**
   * A copy that stops the run once {@code c} answers true (e.g. a user pressed Cancel).
   *
   * @param c asked about ten times a second whether to stop
   * @return a copy with that cancellation check
   */
  public SimulationOptions withCancellation(BooleanSupplier c) {
    return new SimulationOptions(threads, progress, c);
  }

  /** Told how far a run has come. */
  @FunctionalInterface
  public interface Progress {
    /**
     * {@code done} of {@code total} samples are evaluated.
     *
     * @param done  samples evaluated so far
     * @param total samples in the whole run
     */
    void update(long done, long total);
  }
}

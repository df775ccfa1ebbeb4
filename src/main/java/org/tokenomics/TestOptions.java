package org.tokenomics;

import java.util.List;

/**
 * How {@link Model#test} searches (EMBEDDING.md §6).
 *
 * @param tries   how many input points to evaluate (1 to 1,000,000; {@code tok test}'s default is 1,000)
 * @param seed    the search's seed: the same seed gives the same result on any thread count
 * @param threads how many threads evaluate points (at least 1)
 * @param params  the params to vary; empty: every param with a domain or a distribution
 */
public record TestOptions(int tries, long seed, int threads, List<String> params) {
  /** The most tries one search may spend. */
  public static final int MAX_TRIES = 1_000_000;

  /**
   * Checks the bounds; IllegalArgumentException outside them.
   *
   * @param tries   input points to evaluate
   * @param seed    the search's seed
   * @param threads threads evaluating points
   * @param params  the params to vary (empty: all with a domain or a distribution)
   */
  public TestOptions {
    if (tries < 1 || tries > MAX_TRIES) {
      throw new IllegalArgumentException("tries must be from 1 to " + MAX_TRIES + ", got " + tries);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    params = List.copyOf(params);
  }

  /**
   * 1,000 tries, seed 0, every core, every param with a domain or a distribution.
   *
   * @return the defaults of {@code tok test}
   */
  public static TestOptions defaults() {
    return new TestOptions(1_000, 0L, Runtime.getRuntime().availableProcessors(), List.of());
  }

  /**
   * These options with other tries.
   *
   * @param n the tries
   * @return new options
   */
  public TestOptions withTries(int n) {
    return new TestOptions(n, seed, threads, params);
  }

  /**
   * These options with other seed.
   *
   * @param s the seed
   * @return new options
   */
  public TestOptions withSeed(long s) {
    return new TestOptions(tries, s, threads, params);
  }

  /**
   * These options with other threads.
   *
   * @param n the threads
   * @return new options
   */
  public TestOptions withThreads(int n) {
    return new TestOptions(tries, seed, n, params);
  }

  /**
   * These options with other params to vary.
   *
   * @param names the params to vary
   * @return new options
   */
  public TestOptions withParams(List<String> names) {
    return new TestOptions(tries, seed, threads, names);
  }
}

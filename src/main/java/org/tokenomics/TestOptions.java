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
  public static final int MAX_TRIES = 1_000_000;

  public TestOptions {
    if (tries < 1 || tries > MAX_TRIES) {
      throw new IllegalArgumentException("tries must be from 1 to " + MAX_TRIES + ", got " + tries);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    params = List.copyOf(params);
  }

  /** 1,000 tries, seed 0, every core, every param with a domain or a distribution. */
  public static TestOptions defaults() {
    return new TestOptions(1_000, 0L, Runtime.getRuntime().availableProcessors(), List.of());
  }

  public TestOptions withTries(int n) {
    return new TestOptions(n, seed, threads, params);
  }

  public TestOptions withSeed(long s) {
    return new TestOptions(tries, s, threads, params);
  }

  public TestOptions withThreads(int n) {
    return new TestOptions(tries, seed, n, params);
  }

  public TestOptions withParams(List<String> names) {
    return new TestOptions(tries, seed, threads, names);
  }
}

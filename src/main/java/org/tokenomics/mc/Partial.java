package org.tokenomics.mc;

import java.util.Map;

/**
 * A Monte Carlo run over samples {@code [first, first + count)} (EMBEDDING.md §10), with every
 * report value kept in sample order ({@code values[cell][i]}, NaN where the sample failed) and the
 * counts a whole run keeps. {@link MonteCarlo#merge} puts partial runs together into exactly the
 * result of one run: the basis for running ranges of samples on several machines. The arrays are
 * the run's own: do not change them.
 */
public record Partial(long first, int count, long seed, double[][] values, long[] reportFailed, long[] assertFailed,
                      long[] assertEvaluated, Map<String, McResult.SampleError> errors) {
  public Partial {
    errors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(errors)); // first-met order
  }
}

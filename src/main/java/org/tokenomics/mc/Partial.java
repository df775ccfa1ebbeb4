package org.tokenomics.mc;

import java.util.Map;

/**
 * A Monte Carlo run over samples {@code [first, first + count)} (EMBEDDING.md §10), with every
 * report value kept in sample order ({@code values[cell][i]}, NaN where the sample failed) and the
 * counts a whole run keeps. {@link MonteCarlo#merge} puts partial runs together into exactly the
 * result of one run: the basis for running ranges of samples on several machines. The arrays are
 * the run's own: do not change them. Serializable (the errors' spans and codes are plain data), so
 * that parts can travel between machines.
 */
public record Partial(long first, int count, long seed, double[][] values, long[] reportFailed, long[] assertFailed,
                      long[] assertEvaluated, Map<String, McResult.SampleError> errors) implements java.io.Serializable {
  public Partial {
    errors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(errors)); // first-met order
  }

  /**
   * The run over both ranges, this one first: {@code next} must start where this one ends. Values
   * are concatenated and counts added, so merging adjacent parts in any grouping gives the same part.
   */
  public Partial then(Partial next) {
    if (next.first != first + count || next.seed != seed || next.values.length != values.length) {
      throw new IllegalArgumentException("samples " + next.first + ".. do not follow samples " + first + ".."
          + (first + count - 1) + " of the same run");
    }
    long total = (long) count + next.count;
    if (total > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("a part holds at most " + Integer.MAX_VALUE + " samples");
    }
    double[][] v = new double[values.length][];
    for (int c = 0; c < v.length; c++) {
      v[c] = java.util.Arrays.copyOf(values[c], (int) total);
      System.arraycopy(next.values[c], 0, v[c], count, next.count);
    }
    Map<String, McResult.SampleError> errs = new java.util.LinkedHashMap<>(errors);
    next.errors.forEach((key, e) -> {
      McResult.SampleError old = errs.get(key); // this part's samples come first
      errs.put(key, old == null ? e : new McResult.SampleError(old.error(), old.samples() + e.samples(), old.firstSample()));
    });
    return new Partial(first, (int) total, seed, v, add(reportFailed, next.reportFailed), add(assertFailed, next.assertFailed),
        add(assertEvaluated, next.assertEvaluated), errs);
  }

  private static long[] add(long[] a, long[] b) {
    long[] out = a.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] += b[i];
    }
    return out;
  }
}

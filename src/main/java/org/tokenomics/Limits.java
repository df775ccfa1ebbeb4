package org.tokenomics;

/**
 * Limits that keep a hostile or runaway model from exhausting the host. Exceeding one is TOK600,
 * naming the limit.
 *
 * @param maxSourceBytes   characters in one source file (default 1 MiB)
 * @param maxNesting       bracket and prefix-operator nesting depth (default 200)
 * @param maxNodes         syntax-tree nodes in one file (default 500,000)
 * @param maxPeriods       periods of the timeline (default 10,000)
 * @param maxNames         declared names (default 100,000)
 * @param maxSampleValues  samples × periods × reports of a Monte Carlo run (default 2e9)
 */
public record Limits(long maxSourceBytes, int maxNesting, int maxNodes, long maxPeriods, int maxNames,
                     long maxSampleValues) {
  /** The defaults listed above; the one place they are written down. */
  public static final Limits DEFAULT = new Limits(org.tokenomics.diag.DefaultLimits.MAX_SOURCE_BYTES,
      org.tokenomics.diag.DefaultLimits.MAX_NESTING, org.tokenomics.diag.DefaultLimits.MAX_NODES,
      org.tokenomics.diag.DefaultLimits.MAX_PERIODS, org.tokenomics.diag.DefaultLimits.MAX_NAMES,
      org.tokenomics.diag.DefaultLimits.MAX_SAMPLE_VALUES);

  /**
   * Checks that every limit is positive.
   *
   * @param maxSourceBytes  characters in one source file
   * @param maxNesting      bracket and prefix-operator nesting depth
   * @param maxNodes        syntax-tree nodes in one file
   * @param maxPeriods      periods of the timeline
   * @param maxNames        declared names
   * @param maxSampleValues samples × periods × reports of a Monte Carlo run
   * @throws IllegalArgumentException when a limit is 0 or negative
   */
  public Limits {
    if (maxSourceBytes <= 0 || maxNesting <= 0 || maxNodes <= 0 || maxPeriods <= 0 || maxNames <= 0
        || maxSampleValues <= 0) {
      throw new IllegalArgumentException("every limit must be positive: maxSourceBytes " + maxSourceBytes
          + ", maxNesting " + maxNesting + ", maxNodes " + maxNodes + ", maxPeriods " + maxPeriods + ", maxNames "
          + maxNames + ", maxSampleValues " + maxSampleValues);
    }
  }

  /** The compiler's options: these limits and the folder imports must stay inside. */
  org.tokenomics.check.Compiler.Options compilerOptions(java.nio.file.Path importRoot) {
    return new org.tokenomics.check.Compiler.Options(importRoot, maxSourceBytes, maxNesting, maxNodes, maxPeriods,
        maxNames);
  }

  /**
   * A copy with another limit on source size.
   *
   * @param v the new limit
   * @return a copy with that limit changed
   */
  public Limits withMaxSourceBytes(long v) {
    return new Limits(v, maxNesting, maxNodes, maxPeriods, maxNames, maxSampleValues);
  }

  /**
   * A copy with another limit on nesting depth.
   *
   * @param v the new limit
   * @return a copy with that limit changed
   */
  public Limits withMaxNesting(int v) {
    return new Limits(maxSourceBytes, v, maxNodes, maxPeriods, maxNames, maxSampleValues);
  }

  /**
   * A copy with another limit on expression nodes.
   *
   * @param v the new limit
   * @return a copy with that limit changed
   */
  public Limits withMaxNodes(int v) {
    return new Limits(maxSourceBytes, maxNesting, v, maxPeriods, maxNames, maxSampleValues);
  }

  /**
   * A copy with another limit on timeline periods.
   *
   * @param v the new limit
   * @return a copy with that limit changed
   */
  public Limits withMaxPeriods(long v) {
    return new Limits(maxSourceBytes, maxNesting, maxNodes, v, maxNames, maxSampleValues);
  }

  /**
   * A copy with another limit on declared names.
   *
   * @param v the new limit
   * @return a copy with that limit changed
   */
  public Limits withMaxNames(int v) {
    return new Limits(maxSourceBytes, maxNesting, maxNodes, maxPeriods, v, maxSampleValues);
  }

  /**
   * A copy with another limit on Monte Carlo values.
   *
   * @param v the new limit
   * @return a copy with that limit changed
   */
  public Limits withMaxSampleValues(long v) {
    return new Limits(maxSourceBytes, maxNesting, maxNodes, maxPeriods, maxNames, v);
  }
}

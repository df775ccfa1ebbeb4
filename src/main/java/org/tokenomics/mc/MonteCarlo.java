package org.tokenomics.mc;

import java.util.ArrayList;
import java.util.List;
import org.tokenomics.check.CompiledModel;

/**
 * The Monte Carlo engine (LANGUAGE.md §7). Each sample draws every distribution param once
 * (constant over periods) from a counter-based stream ({@link Draws}), evaluates every report and
 * assertion, and hands the values to per-period accumulators. Samples are evaluated in blocks on
 * several threads; values reach the accumulators in sample order, so the statistics are the same
 * for any thread count.
 *
 * <p>Memory is bounded: when samples × report values fit {@link Options#exactBudget} every value
 * is kept and quantiles are exact; otherwise samples are evaluated in waves and each report period
 * keeps a {@link LogHistogram} (quantiles within 0.2 % of the value; see there).
 */
public final class MonteCarlo {
  private MonteCarlo() {}

  /**
   * Samples per block: the unit of work a thread takes, and the length of a column when a block
   * is evaluated by columns (long enough that walking the plan once per block costs little).
   */
  static final int BLOCK = 1024;
  /**
   * Values buffered per wave when sketching (32 MB): each report value's histogram is read into
   * the cache once per wave, so longer waves make feeding them cheaper, but a wave that stays in
   * the last-level cache between being written and being fed costs less than one that goes to
   * memory and back (60-month model, 10^6 samples, the wave's columns written in runs: 6.9–7.1 s
   * of CPU at 4 million values against 7.5–7.8 s at 16 million, alternated under the same load; peak heap
   * 190–220 MB against 380–400 MB).
   */
  static final long WAVE_BUDGET = 4_000_000;
  /** Bytes of histograms per run at most (each report value's histogram grows only as needed). */
  static final long SKETCH_BYTES = 256L << 20;
  /** Buckets per sign of one histogram at most: 32 powers of two at full resolution. */
  static final int MAX_BUCKETS = 1 << 14;

  /**
   * @param threads     worker threads (the results do not depend on it)
   * @param exactBudget the most values kept for exact quantiles (samples × report values)
   * @param progress    told how many samples are done
   */
  public record Options(int threads, long exactBudget, Progress progress) {
    public static Options defaults() {
      return new Options(Runtime.getRuntime().availableProcessors(), 50_000_000L, Progress.NONE);
    }

    public Options withThreads(int n) {
      return new Options(Math.max(1, n), exactBudget, progress);
    }

    public Options withExactBudget(long values) {
      return new Options(threads, values, progress);
    }

    public Options withProgress(Progress p) {
      return new Options(threads, exactBudget, p == null ? Progress.NONE : p);
    }
  }

  /** The TOK600 message when samples × periods × reports exceeds {@code maxSampleValues}; null when fine. */
  public static String limitProblem(CompiledModel model, long samples, long maxSampleValues) {
    long periods = model.program().timeline().size();
    long reports = Math.max(1, model.reports().size());
    double values = (double) samples * periods * reports;
    if (values > maxSampleValues) {
      return String.format(java.util.Locale.ROOT, "%,d samples × %,d periods × %,d reports = %,.0f values is above the limit"
          + " of %,d (max sample values)", samples, periods, reports, values, maxSampleValues);
    }
    return null;
  }

  /** Runs {@code samples} samples of the model under {@code overrides} (a scenario and/or {@code --set}). */
  public static McResult run(CompiledModel model, List<CompiledModel.Override> overrides, int samples, long seed,
                             Options options) {
    if (samples <= 0) {
      throw new IllegalArgumentException("samples must be at least 1");
    }
    Sampler sampler = Sampler.of(model, overrides);
    return new Engine(model, sampler, samples, seed, options, 0, false).run();
  }

  /**
   * Samples {@code [first, first + count)} of a run (EMBEDDING.md §10): every value kept, so that
   * {@link #merge} can put partial runs together into exactly the result of one run over all of
   * them (the same draws, the same order of summation, the same quantiles).
   */
  public static Partial runPartial(CompiledModel model, List<CompiledModel.Override> overrides, long first, int count,
                                   long seed, Options options) {
    if (count <= 0 || first < 0) {
      throw new IllegalArgumentException("a partial run needs first >= 0 and count >= 1");
    }
    return partial(model, Sampler.of(model, overrides), first, count, seed, options);
  }

  /** {@link #runPartial} with the sampled program already built (a run in several steps builds it once). */
  static Partial partial(CompiledModel model, Sampler sampler, long first, int count, long seed, Options options) {
    Engine e = new Engine(model, sampler, count, seed, options, first, true);
    e.wave(0, count);
    return new Partial(first, count, seed, e.buffer, e.reportFailed, e.assertFailed, e.assertEvaluated, e.errors);
  }

  /**
   * The result of one run over samples {@code [0, n)} from partial runs that cover that range
   * without gaps or overlaps (in any order). Bit for bit what {@link #run} gives for n samples with
   * the same seed, overrides and exact budget: values are fed to the statistics in sample order.
   */
  public static McResult merge(CompiledModel model, List<CompiledModel.Override> overrides, List<Partial> parts,
                               Options options) {
    List<Partial> sorted = new ArrayList<>(parts);
    sorted.sort(java.util.Comparator.comparingLong(Partial::first));
    long next = 0;
    for (Partial p : sorted) {
      if (p.first() != next || p.seed() != sorted.get(0).seed()) {
        throw new IllegalArgumentException("partial runs must share a seed and cover samples 0.." + "n-1 without gaps"
            + " or overlaps; found one starting at " + p.first() + " where " + next + " was expected");
      }
      next += p.count();
    }
    if (sorted.isEmpty() || next > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("between 1 and " + Integer.MAX_VALUE + " samples can be merged");
    }
    return merge(model, Sampler.of(model, overrides), sorted, (int) next, options);
  }

  /** {@link #merge} of parts already sorted and checked to cover samples {@code [0, n)}. */
  static McResult merge(CompiledModel model, Sampler sampler, List<Partial> sorted, int n, Options options) {
    Engine e = new Engine(model, sampler, n, sorted.get(0).seed(), options, 0, false);
    for (Partial p : sorted) {
      e.absorb(p);
    }
    return e.finish();
  }
}

package org.tokenomics.mc;

import java.util.List;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.eval.EvalError;

/**
 * What a Monte Carlo run found: per report and period the mean and the quantiles of the values of
 * the samples that evaluated, per assertion how often it failed, and the evaluation errors met
 * with the number of samples each spoiled. Values are in base units. Immutable once built.
 *
 * @param samples the number of samples drawn
 * @param seed    the seed
 * @param params  the params that were drawn
 * @param exact   true when every value was kept (exact quantiles), false for log-bucket histograms (within 0.2 %)
 */
public record McResult(int samples, long seed, List<UncertainParam> params, List<ReportStats> reports,
                       List<AssertStats> asserts, List<SampleError> errors, boolean exact) {

  /**
   * One report's statistics; {@code mean}, {@code quantiles} and {@code se} have one entry per
   * period (one for a scalar), and are null for a date or bool report.
   *
   * @param failed samples in which the report could not be evaluated
   * @param se     the standard error of each mean (NaN with fewer than two samples)
   * @param draws  a scalar report's value in each sample, in sample order (NaN where it failed),
   *               when the run kept every value; else null
   */
  public record ReportStats(CompiledModel.ReportSpec spec, boolean series, long failed, double[] mean,
                            Quantiles[] quantiles, double[] se, double[] draws) {
    public boolean numeric() {
      return mean != null;
    }

    /** The share of the samples that evaluated whose value is below zero, per period. */
    public double[] belowZero() {
      double[] out = new double[quantiles.length];
      for (int p = 0; p < out.length; p++) {
        long n = quantiles[p].count();
        out[p] = n == 0 ? Double.NaN : (double) quantiles[p].negatives() / n;
      }
      return out;
    }

    /**
     * True for money: an amount ({@code $}) or a cash flow ({@code $/yr}), whose share of samples
     * below zero is a loss probability a risk reader looks for (a price, {@code $/GPU/h}, is not).
     */
    public boolean money() {
      if (!numeric()) {
        return false;
      }
      java.util.Map<String, Integer> e = spec.type().dim().exponents();
      return e.getOrDefault("$", 0) == 1 && (e.size() == 1 || e.size() == 2 && e.getOrDefault("s", 0) == -1);
    }

    /** The quantile {@code q} (0..1) per period, in base units. */
    public double[] quantile(double q) {
      double[] out = new double[quantiles.length];
      for (int p = 0; p < out.length; p++) {
        out[p] = quantiles[p].quantile(q);
      }
      return out;
    }
  }

  /** One assertion: in how many samples it was evaluated and in how many of them it failed. */
  public record AssertStats(CompiledModel.AssertSpec spec, long failed, long evaluated) {
    public double failedShare() {
      return evaluated == 0 ? 0 : (double) failed / evaluated;
    }
  }

  /**
   * An evaluation error met in some samples: the error of the first such sample, how many samples
   * it spoiled (each sample counted once however many reports it broke), and which came first.
   */
  public record SampleError(EvalError error, long samples, long firstSample) implements java.io.Serializable {}
}

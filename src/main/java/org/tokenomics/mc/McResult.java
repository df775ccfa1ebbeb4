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
 * @param exact   true when every value was kept (exact quantiles), false for a t-digest sketch
 */
public record McResult(int samples, long seed, List<UncertainParam> params, List<ReportStats> reports,
                       List<AssertStats> asserts, List<SampleError> errors, boolean exact) {

  /**
   * One report's statistics; {@code mean} and {@code quantiles} have one entry per period (one for
   * a scalar), and are null for a date or bool report.
   *
   * @param failed samples in which the report could not be evaluated
   */
  public record ReportStats(CompiledModel.ReportSpec spec, boolean series, long failed, double[] mean,
                            Quantiles[] quantiles) {
    public boolean numeric() {
      return mean != null;
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
  public record SampleError(EvalError error, long samples, long firstSample) {}
}

package org.tokenomics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.diag.Code;
import org.tokenomics.syntax.Diagnostics;
import org.tokenomics.diag.Suggest;
import org.tokenomics.mc.McDiagnostics;
import org.tokenomics.mc.McResult;
import org.tokenomics.mc.MonteCarlo;
import org.tokenomics.mc.UncertainParam;

/**
 * The result of a Monte Carlo run of a model (LANGUAGE.md §7): every distribution param drawn
 * once per sample, every report's statistics per period. Read a statistic in any unit of the
 * report's dimension:
 *
 * <pre>{@code
 * Simulation mc = model.simulate(10_000, 42L);
 * double p5 = mc.quantile("npv", 0.05).in("$B");
 * double[] meanPath = mc.mean("revenue").series("$B/yr");
 * double share = mc.failedShare("margin stays positive");   // an assertion, by message or line
 * }</pre>
 *
 * The same seed gives the same numbers on every machine and thread count. Quantiles are exact
 * (linear interpolation between order statistics) unless the run is too large to keep every value,
 * in which case they come from histograms with buckets 0.2 % wide (so within 0.2 % of the exact
 * value). Immutable and safe to share between threads.
 */
public final class Simulation {
  private final CompiledModel model;
  private final McResult result;
  private final String scenario;
  private final List<String> periods;
  private final List<Diagnostic> errors;
  private final List<Diagnostic> warnings;

  Simulation(CompiledModel model, McResult result, String scenario, List<Diagnostic> warnings) {
    this.model = model;
    this.result = result;
    this.scenario = scenario;
    this.periods = model.program().timeline().labelList();
    this.errors = Diagnostic.of(McDiagnostics.errors(model, result));
    this.warnings = List.copyOf(warnings);
  }

  /** Runs the engine; TOK600 (as an EvaluationException) when the run would exceed the limits. */
  static Simulation run(CompiledModel model, Limits limits, List<CompiledModel.Override> overrides, String scenario,
                        int samples, long seed, SimulationOptions options) {
    if (samples <= 0) {
      throw new IllegalArgumentException("samples must be at least 1, got " + samples);
    }
    SimulationRuns.limitCheck(model, limits, samples);
    McResult r = MonteCarlo.run(model, overrides, samples, seed, SimulationRuns.engineOptions(options));
    return new Simulation(model, r, scenario, List.of());
  }

  /**
   * The simulation of samples {@code 0..n-1} from parts that hold them all ({@link SimulationPart}),
   * in any order and grouping: bit for bit what {@link Model#simulate} gives for n samples with
   * the same scenario, overrides and seed.
   *
   * @param model the model the parts were simulated from (compiled from the same sources)
   * @param parts parts of one run that together cover samples 0..n-1 without gaps or overlaps
   * @return the simulation of all their samples
   * @throws IllegalArgumentException when the parts come from different runs or models, overlap or leave a gap
   */
  public static Simulation merge(Model model, Collection<SimulationPart> parts) {
    return merge(model, parts, SimulationOptions.DEFAULT);
  }

  /**
   * {@link #merge(Model, Collection)} with options (threads for the statistics, cancellation).
   *
   * @param model   the model the parts were simulated from
   * @param parts   parts of one run covering samples 0..n-1
   * @param options threads, progress callback and cancellation
   * @return the simulation of all their samples
   */
  public static Simulation merge(Model model, Collection<SimulationPart> parts, SimulationOptions options) {
    SimulationPart all = SimulationPart.mergeAll(parts);
    all.requireModel(model.compiled());
    org.tokenomics.mc.Partial whole = all.whole();
    List<CompiledModel.Override> overrides = model.allOverrides(Scenario.named(all.scenario()), all.overrides());
    McResult r = MonteCarlo.merge(model.compiled(), overrides, List.of(whole), SimulationRuns.engineOptions(options));
    return new Simulation(model.compiled(), r, all.scenario(), List.of());
  }

  /**
   * Warnings about the run itself: an automatic run ({@link Tolerance}) that reached its cap
   * before the tolerance says so here (TOK600, at the report furthest from it). Empty otherwise.
   *
   * @return the warnings, usually none
   */
  public List<Diagnostic> warnings() {
    return warnings;
  }

  /**
   * The number of samples drawn.
   *
   * @return the number of samples drawn
   */
  public int samples() {
    return result.samples();
  }

  /**
   * The seed.
   *
   * @return the seed
   */
  public long seed() {
    return result.seed();
  }

  /**
   * The scenario simulated ({@code base} without one).
   *
   * @return the scenario simulated ({@code base} without one)
   */
  public String scenario() {
    return scenario;
  }

  /**
   * The params drawn in each sample ({@code growth}, {@code site.pue}), in declaration order.
   *
   * @return the params drawn in each sample ({@code growth}, {@code site.pue}), in declaration order
   */
  public List<String> uncertainParams() {
    return result.params().stream().map(UncertainParam::name).toList();
  }

  /**
   * Report names, in source order.
   *
   * @return report names, in source order
   */
  public List<String> reportNames() {
    return result.reports().stream().map(r -> r.spec().name()).toList();
  }

  /**
   * Period labels of the timeline.
   *
   * @return period labels of the timeline
   */
  public List<String> periods() {
    return periods;
  }

  /**
   * The mean of a report over the samples (per period for a series).
   *
   * @param report the report's name
   * @return the mean of a report over the samples (per period for a series)
   */
  public Value mean(String report) {
    McResult.ReportStats s = stats(report);
    return value(s, s.mean());
  }

  /**
   * The quantile {@code q} (0 to 1: 0.05 is the 5th percentile) of a report over the samples, per
   * period for a series. IllegalArgumentException for q outside [0, 1].
   *
   * @param report the report's name
   * @param q the quantile, 0 to 1 (0.05 is the 5th percentile)
   * @return the quantile {@code q} (0 to 1: 0.05 is the 5th percentile) of a report over the samples, per period for a series
   */
  public Value quantile(String report, double q) {
    if (!(q >= 0 && q <= 1)) {
      throw new IllegalArgumentException("a quantile is a share between 0 and 1 (0.05 for p5), got " + q);
    }
    McResult.ReportStats s = stats(report);
    return value(s, s.quantile(q));
  }

  /**
   * The standard error of a report's mean (per period for a series): the samples' standard
   * deviation over √n, n the samples that evaluated; the mean's relative standard error is this
   * over |mean| ({@code tok run --samples auto} stops on it).
   *
   * @param report the report's name
   * @return the standard error of the mean, in the report's dimension
   * @throws IllegalStateException when fewer than two samples evaluated (it has no value then)
   */
  public Value standardError(String report) {
    McResult.ReportStats s = stats(report);
    for (double v : s.se()) {
      if (Double.isNaN(v)) {
        throw new IllegalStateException("the standard error of " + report + " needs at least two samples that"
            + " evaluated; " + (result.samples() - s.failed()) + " did");
      }
    }
    return value(s, s.se());
  }

  /**
   * The share of the samples (among those that evaluated) in which a report is below zero, per
   * period for a series: for money, the probability of a loss. {@code tok run} shows it as
   * {@code below_zero} for money reports ({@code $}, {@code $/yr}); here any numeric report.
   *
   * @param report the report's name
   * @return a share between 0 and 1 per period (one for a scalar)
   */
  public double[] belowZeroShare(String report) {
    return stats(report).belowZero();
  }

  /**
   * A scalar report's value in every sample, in sample order (sample i at index i) and in
   * {@code unit}: the raw draws behind the statistics, e.g. for a histogram of your own. NaN marks a
   * sample in which the report could not be evaluated ({@link #errors()}).
   *
   * @param report a scalar report's name
   * @param unit   a unit of its dimension ({@code $B}), or null for its display unit
   * @return one value per sample
   * @throws IllegalArgumentException for a series report or a unit of another dimension
   * @throws IllegalStateException    when the run was too large to keep every value (more than
   *                                  50 million report values: it kept histograms); run it in
   *                                  parts ({@link Model#simulatePart}) and read each part's draws
   */
  public double[] draws(String report, String unit) {
    McResult.ReportStats s = stats(report);
    if (s.series()) {
      throw new IllegalArgumentException(report + " is a series; raw draws are kept for scalar reports");
    }
    if (s.draws() == null) {
      throw new IllegalStateException("this run of " + result.samples() + " samples kept histograms, not every value;"
          + " simulate it in parts (Model.simulatePart) to read the draws of each");
    }
    return new Value(report, s.spec().type(), org.tokenomics.run.ReportUnits.of(model, s.spec(), s.mean()), s.draws(),
        true, List.of(), model.units()).series(unit);
  }

  /**
   * The share of samples in which a report could not be evaluated (see {@link #errors()}).
   *
   * @param report the report's name
   * @return the share of samples in which a report could not be evaluated (see {@link #errors()})
   */
  public double errorShare(String report) {
    return (double) find(report).failed() / result.samples();
  }

  /**
   * The outcome of every {@code assert} over the samples, in source order.
   *
   * @return the outcome of every {@code assert} over the samples, in source order
   */
  public List<AssertionResult> assertions() {
    List<AssertionResult> out = new ArrayList<>();
    for (McResult.AssertStats a : result.asserts()) {
      out.add(new AssertionResult(a.spec().message(), a.spec().line(), a.failed() == 0, a.failedShare(), a.spec().file()));
    }
    return out;
  }

  /**
   * The share of samples in which the assertion with this message failed.
   *
   * @param message the assertion's message as written in the source (or its condition when it has none)
   * @return the share of samples in which the assertion with this message failed
   */
  public double failedShare(String message) {
    for (McResult.AssertStats a : result.asserts()) {
      if (a.spec().message().equals(message)) {
        return a.failedShare();
      }
    }
    Set<String> messages = new LinkedHashSet<>();
    result.asserts().forEach(a -> messages.add(a.spec().message()));
    String near = Suggest.closest(message, messages);
    throw new IllegalArgumentException("no assertion with the message '" + message + "'"
        + (near != null ? "; did you mean '" + near + "'?" : ""));
  }

  /**
   * The share of samples in which the assertion on this line of the main file failed.
   *
   * @param line a 1-based line of the main file
   * @return the share of samples in which the assertion on this line of the main file failed
   */
  public double failedShare(int line) {
    for (McResult.AssertStats a : result.asserts()) {
      if (a.spec().line() == line) {
        return a.failedShare();
      }
    }
    throw new IllegalArgumentException("no assertion on line " + line + "; assertions are on lines "
        + result.asserts().stream().map(a -> String.valueOf(a.spec().line())).toList());
  }

  /**
   * Evaluation errors met in some samples (division by zero for some draws, …): one diagnostic
   * per distinct error, its message naming how many samples it spoiled. Empty when every sample
   * evaluated.
   *
   * @return evaluation errors met in some samples (division by zero for some draws, …): one diagnostic per distinct error, its message naming how many samples it spoiled
   */
  public List<Diagnostic> errors() {
    return errors;
  }

  private McResult.ReportStats stats(String report) {
    McResult.ReportStats s = find(report);
    if (!s.numeric()) {
      throw new IllegalArgumentException(report + " is " + s.spec().type().describe() + "; statistics need a number");
    }
    if (s.failed() == result.samples()) {
      throw new EvaluationException(errors.isEmpty() ? Diagnostic.of(Diagnostics.make(model.sources(),
          org.tokenomics.diag.Severity.ERROR, Code.TOK500, s.spec().span(), report + " failed in every sample", null,
          null)) : errors.get(0));
    }
    return s;
  }

  private McResult.ReportStats find(String report) {
    for (McResult.ReportStats s : result.reports()) {
      if (s.spec().name().equals(report)) {
        return s;
      }
    }
    String near = Suggest.closest(report, reportNames());
    throw new IllegalArgumentException("no report named '" + report + "'"
        + (near != null ? "; did you mean '" + near + "'?" : "; reports: " + reportNames()));
  }

  /** A statistic too large for the report's display unit is TOK500, as it is for an evaluation. */
  private Value value(McResult.ReportStats s, double[] base) {
    org.tokenomics.diag.Diagnostic overflow = org.tokenomics.run.Display.overflow(model, s.spec(), base);
    if (overflow != null) {
      throw new EvaluationException(Diagnostic.of(overflow));
    }
    // Shown in the unit tok run would choose for the mean (the as unit when there is one).
    return new Value(s.spec().name(), s.spec().type(), org.tokenomics.run.ReportUnits.of(model, s.spec(), s.mean()), base,
        s.series(), s.spec().rolledUp() ? s.spec().periods() : periods, model.units());
  }

  /** The compiled model and the engine's result, for {@link RunReports}. */
  CompiledModel compiled() {
    return model;
  }

  McResult result() {
    return result;
  }

  @Override
  public String toString() {
    return "Simulation[" + scenario + ", " + result.samples() + " samples, seed " + result.seed() + "]";
  }
}

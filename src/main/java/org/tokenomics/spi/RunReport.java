package org.tokenomics.spi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tokenomics.AssertionResult;
import org.tokenomics.Diagnostic;

/**
 * What one {@code tok run} produced, as a {@link TokReporter} sees it: one entry per scenario
 * evaluated (base first), the period labels, and every diagnostic. Values are in each report's
 * display unit. Immutable: arrays are copied in and out.
 *
 * @param file        the model's file as named on the command line
 * @param periods     period labels of the timeline ({@code 2026}, {@code 2026-Q1}, {@code 2026-01})
 * @param runs        one run per scenario, base first (empty after compile errors)
 * @param diagnostics every diagnostic: compile errors, evaluation errors and failed assertions
 */
public record RunReport(String file, List<String> periods, List<Run> runs, List<Diagnostic> diagnostics) {

  /**
   * Copies the lists.
   *
   * @param file the main file's name as given on the command line
   * @param periods the period labels
   * @param runs one run per scenario evaluated, base first
   * @param diagnostics every diagnostic of the run, warnings included
   */
  public RunReport {
    periods = List.copyOf(periods);
    runs = List.copyOf(runs);
    diagnostics = List.copyOf(diagnostics);
  }

  /**
   * One scenario's results.
   *
   * @param scenario   {@code base} or the scenario's name
   * @param samples    Monte Carlo samples (0 for a deterministic run)
   * @param reports    the reports, in source order
   * @param assertions every assertion's outcome
   */
  public record Run(String scenario, int samples, List<Report> reports, List<AssertionResult> assertions) {
    /**
     * Copies the lists.
     *
     * @param scenario the scenario's name ({@code base} without one)
     * @param samples the number of Monte Carlo samples, 0 for a deterministic run
     * @param reports the reports, in source order
     * @param assertions the outcome of every {@code assert}, in source order
     */
    public Run {
      reports = List.copyOf(reports);
      assertions = List.copyOf(assertions);
    }
  }

  /**
   * One report.
   *
   * @param name   the report's name
   * @param unit   the unit its values are in ({@code ""} when dimensionless, {@code date}, {@code bool})
   * @param series one value per period, or a single value
   * @param values the values (one for a scalar); for dates and bools see {@code text}
   * @param text   the values as text for dates ({@code 2027-06}) and bools; null for numbers
   * @param stats  Monte Carlo statistics ({@code mean}, {@code p5} …) → per-period values; empty
   *               in a deterministic run
   */
  public record Report(String name, String unit, boolean series, double[] values, String[] text,
                       Map<String, double[]> stats) {
    /**
     * Copies the arrays and the map.
     *
     * @param name the report's name
     * @param unit the unit of the values, as written after {@code as} or chosen for display
     * @param series true for a series (one value per period)
     * @param values the values, one per period ({@code 1} for a scalar)
     * @param text text values (an assertion report, a label), or null for numbers
     * @param stats Monte Carlo statistics ({@code mean}, {@code p5} …) per period, or empty without samples
     */
    public Report {
      values = values.clone();
      text = text == null ? null : text.clone();
      Map<String, double[]> copy = new LinkedHashMap<>();
      if (stats != null) {
        stats.forEach((k, v) -> copy.put(k, v.clone()));
      }
      stats = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * A copy of the values.
     *
     * @return a copy of the values
     */
    @Override
    public double[] values() {
      return values.clone();
    }

    /**
     * A copy of the text values, or null for numbers.
     *
     * @return a copy of the text values, or null for numbers
     */
    @Override
    public String[] text() {
      return text == null ? null : text.clone();
    }

    /**
     * The statistics; each array is a copy.
     *
     * @return the statistics
     */
    @Override
    public Map<String, double[]> stats() {
      Map<String, double[]> copy = new LinkedHashMap<>();
      stats.forEach((k, v) -> copy.put(k, v.clone()));
      return java.util.Collections.unmodifiableMap(copy);
    }
  }
}

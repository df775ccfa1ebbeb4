package org.tokenomics.spi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one {@code tok run} produced, as a {@link TokReporter} sees it: one entry per scenario
 * evaluated (base first), the period labels, and every diagnostic. Values are in each report's
 * display unit. Immutable: arrays are copied in and out. {@code org.tokenomics.RunReports} builds
 * one from evaluations and simulations.
 *
 * <p>Like every type in this package it names no other Tok type, so that the checker, which sees
 * plugin functions, never depends on the public API built on top of it.
 *
 * @param file        the model's file as named on the command line
 * @param periods     period labels of the timeline ({@code 2026}, {@code 2026-Q1}, {@code 2026-01})
 * @param runs        one run per scenario, base first (empty after compile errors)
 * @param diagnostics every diagnostic: compile errors, evaluation errors and failed assertions
 */
public record RunReport(String file, List<String> periods, List<Run> runs, List<Message> diagnostics) {

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
  public record Run(String scenario, int samples, List<Report> reports, List<Assertion> assertions) {
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
                       Map<String, double[]> stats, List<String> periods) {
    /**
     * A report over the run's periods (source compatible with reporters written before roll-ups).
     *
     * @param name the report's name
     * @param unit the unit of the values, as written after {@code as} or chosen for display
     * @param series true for a series (one value per period)
     * @param values the values, one per period ({@code 1} for a scalar)
     * @param text text values (an assertion report, a label), or null for numbers
     * @param stats Monte Carlo statistics ({@code mean}, {@code p5} …) per period, or empty without samples
     */
    public Report(String name, String unit, boolean series, double[] values, String[] text,
                  Map<String, double[]> stats) {
      this(name, unit, series, values, text, stats, null);
    }

    /**
     * Copies the arrays, the map and the labels.
     *
     * @param name the report's name
     * @param unit the unit of the values, as written after {@code as} or chosen for display
     * @param series true for a series (one value per period)
     * @param values the values, one per period ({@code 1} for a scalar)
     * @param text text values (an assertion report, a label), or null for numbers
     * @param stats Monte Carlo statistics ({@code mean}, {@code p5} …) per period, or empty without samples
     * @param periods the report's own period labels (a roll-up's years {@code 2026} or quarters
     *                {@code 2026-Q1}), or null when it has the run's periods
     */
    public Report {
      periods = periods == null ? null : List.copyOf(periods);
      values = values.clone();
      text = text == null ? null : text.clone();
      Map<String, double[]> copy = new LinkedHashMap<>();
      if (stats != null) {
        stats.forEach((k, v) -> copy.put(k, v.clone()));
      }
      stats = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * The labels of this report's values: its own (a roll-up's years or quarters), else the run's.
     *
     * @param runPeriods the run's period labels ({@link RunReport#periods()})
     * @return one label per value of a series
     */
    public List<String> periodsIn(List<String> runPeriods) {
      return periods != null ? periods : runPeriods;
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

  /**
   * The outcome of one {@code assert}.
   *
   * @param message     its message
   * @param line        its line in the file it is written in
   * @param ok          true when it held (in every period; under Monte Carlo, in every sample)
   * @param failedShare the share of samples in which it failed (0 or 1 in a deterministic run)
   * @param file        the file it is written in when that is not the main file (an amended
   *                    base), as diagnostics name it; null for the main file
   */
  public record Assertion(String message, int line, boolean ok, double failedShare, String file) {

    /**
     * An assertion of the main file.
     *
     * @param message     its message
     * @param line        its line in the main file
     * @param ok          true when it held
     * @param failedShare the share of samples in which it failed
     */
    public Assertion(String message, int line, boolean ok, double failedShare) {
      this(message, line, ok, failedShare, null);
    }

    /** @return where it is written, for a reader: {@code line 3} or {@code base.tok line 3} */
    public String where() {
      return (file == null ? "" : file + " ") + "line " + line;
    }
  }

  /**
   * A diagnostic (compile error, evaluation error, failed assertion, warning …).
   *
   * @param severity  {@code error}, {@code warning} or {@code note}
   * @param code      a stable code such as {@code TOK300}
   * @param message   one line saying what is wrong
   * @param file      the file (null when the problem has no place)
   * @param line      first line of the span (0 without a place)
   * @param column    first column
   * @param endLine   last line
   * @param endColumn column just after the span
   * @param help      a suggestion, or null
   * @param rendered  the diagnostic as the command line prints it, source line and carets included
   */
  public record Message(String severity, String code, String message, String file, int line, int column, int endLine,
                        int endColumn, String help, String rendered) {
    /**
     * True for errors.
     *
     * @return true when {@code severity} is {@code error}
     */
    public boolean isError() {
      return "error".equals(severity);
    }
  }
}

package org.tokenomics.cli;

import java.util.List;
import org.tokenomics.Diagnostic;

/**
 * What a {@code tok run} produced, in display units, for the reporters: one entry per scenario
 * evaluated (base first), then every diagnostic.
 */
public record RunOutput(String file, List<Run> runs, List<Diagnostic> diagnostics, List<String> periods) {

  /** One scenario's reports and assertions. */
  public record Run(String scenario, int samples, List<Report> reports, List<Check> assertions) {}

  /**
   * One report. {@code values} holds one number for a scalar; {@code text} is used instead for
   * dates and bools. {@code stats} maps a statistic (mean, p5 …) to per-period values.
   */
  public record Report(String name, String unit, boolean series, double[] values, String[] text,
                       java.util.Map<String, double[]> stats) {}

  public record Check(String message, int line, boolean ok, double failedShare) {}
}

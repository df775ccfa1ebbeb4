package org.tokenomics;

import java.util.List;

/**
 * When an automatic Monte Carlo run stops ({@code tok run --samples auto --tolerance 1 %};
 * {@link Model#simulate(Scenario, java.util.Map, Tolerance, long, SimulationOptions)}): once the
 * relative standard error of the mean (standard error over |mean|) of every scalar report, or of
 * the reports named, is at most {@code relative}, checked at checkpoints that depend only on the
 * samples done (so the samples chosen are the same on any thread count), or at {@code maxSamples}.
 *
 * <pre>{@code
 * Simulation s = model.simulate(Scenario.BASE, Map.of(), Tolerance.of(0.01).forReports("npv"), 42L,
 *     SimulationOptions.DEFAULT);
 * s.samples();     // the samples it took; a run of that many samples gives the same numbers
 * s.warnings();    // a TOK600 warning when the cap came first
 * }</pre>
 *
 * @param relative   the relative standard error to reach, a share (0.01 for 1 %)
 * @param reports    the scalar reports that must reach it; empty for every scalar numeric report
 * @param maxSamples the most samples to draw; 0 for the default (1,000,000, fewer when
 *                   {@link Limits#maxSampleValues()} allows fewer)
 */
public record Tolerance(double relative, List<String> reports, int maxSamples) {
  /**
   * Checks the values.
   *
   * @param relative   the relative standard error to reach, a share above 0
   * @param reports    the reports that must reach it; empty for all scalar reports
   * @param maxSamples the cap, 2 or more; 0 for the default
   * @throws IllegalArgumentException for a tolerance that is not above 0 or a cap of 1 or less than 0
   */
  public Tolerance {
    if (!(relative > 0 && relative < 1e300)) {
      throw new IllegalArgumentException("a tolerance is a share above 0 (0.01 for 1 %), got " + relative);
    }
    if (maxSamples < 0 || maxSamples == 1) {
      throw new IllegalArgumentException("the cap on samples is 2 or more (0 for the default), got " + maxSamples);
    }
    reports = List.copyOf(reports);
  }

  /**
   * A tolerance on every scalar report, with the default cap.
   *
   * @param relative the relative standard error to reach, a share (0.01 for 1 %)
   * @return the tolerance
   */
  public static Tolerance of(double relative) {
    return new Tolerance(relative, List.of(), 0);
  }

  /**
   * A copy that waits for the named reports only.
   *
   * @param names scalar reports
   * @return a copy with those reports
   */
  public Tolerance forReports(String... names) {
    return new Tolerance(relative, List.of(names), maxSamples);
  }

  /**
   * A copy with another cap.
   *
   * @param n the most samples to draw (2 or more; 0 for the default)
   * @return a copy with that cap
   */
  public Tolerance withMaxSamples(int n) {
    return new Tolerance(relative, reports, n);
  }
}

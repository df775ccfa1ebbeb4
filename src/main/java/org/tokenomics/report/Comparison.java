package org.tokenomics.report;

import org.tokenomics.spi.RunReport;

import java.util.List;

/**
 * Scenarios side by side when a model has series too: the scalar reports of every scenario in
 * one table (a column per scenario), each scenario's series after it. Deterministic runs only: a
 * Monte Carlo run's statistics need a block per scenario.
 */
final class Comparison {
  private Comparison() {}

  /** Several deterministic runs with the same scalar reports, and at least one scalar. */
  static boolean applies(RunReport out) {
    if (out.runs().size() < 2 || out.runs().stream().anyMatch(r -> r.samples() > 0)) {
      return false;
    }
    List<String> names = scalarNames(out.runs().get(0));
    return !names.isEmpty() && out.runs().stream().allMatch(r -> scalarNames(r).equals(names));
  }

  /** Each run with its scalar reports only (and its assertions). */
  static List<RunReport.Run> scalars(RunReport out) {
    return out.runs().stream().map(r -> new RunReport.Run(r.scenario(), r.samples(),
        r.reports().stream().filter(x -> !x.series()).toList(), r.assertions())).toList();
  }

  /** Each run with its series reports only (and its assertions). */
  static List<RunReport.Run> seriesOnly(RunReport out) {
    return out.runs().stream().map(r -> new RunReport.Run(r.scenario(), r.samples(),
        r.reports().stream().filter(RunReport.Report::series).toList(), r.assertions())).toList();
  }

  private static List<String> scalarNames(RunReport.Run r) {
    return r.reports().stream().filter(x -> !x.series()).map(RunReport.Report::name).toList();
  }
}

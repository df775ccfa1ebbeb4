package org.tokenomics.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.tokenomics.GlobalSensitivity;
import org.tokenomics.Sensitivity;
import org.tokenomics.chart.ChartFiles;
import org.tokenomics.chart.Charts;

/**
 * The charts of {@code tok sensitivity}: the tornado, the Sobol bars and the Morris plot, built from the API's
 * results, for {@code --out} and for the {@code --format html} page alike.
 */
final class SensitivityCharts {
  private SensitivityCharts() {}

  /** The tornado, widest swing on top (params whose runs failed are left out). */
  static JFreeChart tornado(Sensitivity r) {
    List<Charts.TornadoRow> rows = new ArrayList<>();
    for (Sensitivity.Bar bar : r.bars()) {
      if (bar.error() == null) {
        rows.add(new Charts.TornadoRow(bar.param(), bar.outputAtLow(), bar.outputAtHigh(), r.base()));
      }
    }
    return Charts.tornado(r.output() + ": each uncertain param at its p5 and p95", r.unit(), rows);
  }

  /** The first-order and total Sobol indices with their bootstrap intervals, largest total on top. */
  static JFreeChart sobol(GlobalSensitivity r) {
    List<Charts.SobolRow> rows = new ArrayList<>();
    for (GlobalSensitivity.Index i : r.params()) {
      rows.add(new Charts.SobolRow(i.name(), i.first(), i.firstLow(), i.firstHigh(), i.total(), i.totalLow(),
          i.totalHigh()));
    }
    return Charts.sobol(String.format(java.util.Locale.ROOT, "%s: Sobol indices (%,d base samples, 95 %% intervals)",
        r.output(), r.samples()), rows);
  }

  /** Morris's screening plot: each param at (μ*, σ), in the output's unit. */
  static JFreeChart morris(GlobalSensitivity r) {
    List<Charts.MorrisRow> rows = new ArrayList<>();
    for (GlobalSensitivity.Index i : r.params()) {
      rows.add(new Charts.MorrisRow(i.name(), i.muStar(), i.sigma()));
    }
    return Charts.morris(String.format(java.util.Locale.ROOT, "%s: Morris elementary effects (%,d trajectories)",
        r.output(), r.samples()), r.unit(), rows);
  }

  /** The chart of a global analysis: the Sobol bars or the Morris plot. */
  static JFreeChart global(GlobalSensitivity r) {
    return r.method().equals("morris") ? morris(r) : sobol(r);
  }

  /** A height that gives each param's bars room. */
  static int height(int params) {
    return Math.max(300, 120 + 60 * params);
  }

  /** Writes {@code chart} to {@code file}; false after saying why it could not. */
  static boolean write(JFreeChart chart, int params, Path file, PrintWriter err) {
    try {
      ChartFiles.write(chart, file, ChartFiles.WIDTH, height(params));
      return true;
    } catch (IOException e) {
      err.println("tok: cannot write " + file + ": " + e.getMessage());
      return false;
    }
  }
}

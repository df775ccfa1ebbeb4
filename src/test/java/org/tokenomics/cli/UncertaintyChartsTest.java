package org.tokenomics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenomics.GlobalSensitivity;
import org.tokenomics.Model;
import org.tokenomics.Scenario;
import org.tokenomics.Simulation;
import org.tokenomics.TestModels;

/**
 * The charts of issue 17: the fan of a price path param itself ({@code tok chart FILE h100
 * --samples N}) and the Sobol bars ({@code tok sensitivity --method sobol --out}, and beside the
 * tornado in {@code --format html}). Each checks the data the chart draws against the API's
 * numbers, not only that a file appears.
 */
class UncertaintyChartsTest {
  static final String PATHS = """
      timeline 2026-01 to 2028-12 quarterly
      param h100 = gbm(start: $2.10/h, drift: -15 %, volatility: 35 %)
      report rent = h100 * 8760 h as $
      """;

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int tok(String... args) {
    return Main.execute(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void theFanOfAPathParamDrawsItsQuantilesPerPeriod() throws Exception {
    Model model = TestModels.compile(PATHS);
    ChartCommand cmd = new ChartCommand();
    cmd.file = Path.of("paths.tok");
    cmd.name = "h100";
    cmd.samples = 4000;
    cmd.seed = 7;
    JFreeChart chart = cmd.chart(model, new PrintWriter(err));
    assertTrue(chart != null, err.toString());
    XYPlot plot = chart.getXYPlot();
    assertEquals("$/h", plot.getRangeAxis().getLabel(), "the unit its start is written in");
    YIntervalSeriesCollection data = (YIntervalSeriesCollection) plot.getDataset();
    assertEquals(2, data.getSeriesCount(), "p5–p95 and p25–p75");
    Simulation s = model.reporting(List.of("h100")).simulate(4000, 7);
    double[][] q = new double[5][];
    double[] at = {0.05, 0.25, 0.5, 0.75, 0.95};
    for (int k = 0; k < 5; k++) {
      q[k] = s.quantile("h100", at[k]).series("$/h");
    }
    assertEquals(12, data.getItemCount(0));
    for (int p = 0; p < 12; p++) {
      assertEquals(q[2][p], data.getYValue(0, p), 0.0, "p50 at " + p);
      assertEquals(q[0][p], data.getStartYValue(0, p), 0.0, "p5 at " + p);
      assertEquals(q[4][p], data.getEndYValue(0, p), 0.0, "p95 at " + p);
      assertEquals(q[1][p], data.getStartYValue(1, p), 0.0, "p25 at " + p);
      assertEquals(q[3][p], data.getEndYValue(1, p), 0.0, "p75 at " + p);
    }
    // the path itself: period 0 is the start in every sample; the median follows S0·e^((μ − σ²/2)t)
    assertEquals(2.10, data.getStartYValue(0, 0), 1e-12);
    assertEquals(2.10, data.getEndYValue(0, 0), 1e-12);
    double t = 11 * 0.25 * 365.25 / 365; // the last quarter's start, in years of 365 days
    double median = 2.10 * Math.exp((-0.15 - 0.35 * 0.35 / 2) * t);
    double sd = 0.35 * Math.sqrt(t);
    // the sample median's standard error in log terms is √(π/2)·σ/√N; 4 of them
    assertEquals(Math.log(median), Math.log(data.getYValue(0, 11)), 4 * Math.sqrt(Math.PI / 2) * sd / Math.sqrt(4000));
    assertTrue(data.getStartYValue(0, 11) < data.getStartYValue(1, 11) && data.getEndYValue(1, 11) < data.getEndYValue(0, 11),
        "the quartiles lie inside the 90 % band");
  }

  @Test
  void chartOfAParamFromTheCommandLine() throws Exception {
    Path model = dir.resolve("paths.tok");
    Files.writeString(model, PATHS);
    Path svg = dir.resolve("h100.svg");
    assertEquals(0, tok("chart", model.toString(), "h100", "--samples", "500", "--out", svg.toString()), err.toString());
    String text = Files.readString(svg);
    assertTrue(text.contains("h100 (500 samples, seed 1)"), "the title");
    assertTrue(text.contains("p50 (bands: p5–p95, p25–p75)"), "the legend names both bands");
    assertEquals(1, tok("chart", model.toString(), "h10", "--samples", "50", "--out", svg.toString()));
    assertTrue(err.toString().contains("no report or value named 'h10'; did you mean 'h100'?"), err.toString());
    // without --samples a param is a line: its median path
    assertEquals(0, tok("chart", model.toString(), "h100", "--out", dir.resolve("line.png").toString()), err.toString());
  }

  @Test
  void sobolBarsCarryTheIndicesAndTheirIntervalsLargestTotalOnTop() {
    Model m = TestModels.compile("""
        param a = uniform(0, 1)
        param b = uniform(0, 2)
        param c = discrete([0: 50 %, 3: 50 %])
        report y = a + b + c
        """);
    GlobalSensitivity g = m.globalSensitivity("sobol", "y", 2048, 3, Scenario.BASE, Map.of());
    JFreeChart chart = SensitivityCharts.sobol(g);
    XYPlot plot = chart.getXYPlot();
    SymbolAxis names = (SymbolAxis) plot.getDomainAxis();
    // Var: a 1/12, b 4/12, c 9/4: c drives most, then b, then a; the axis lists bottom to top
    assertEquals(List.of("a", "b", "c"), List.of(names.getSymbols()));
    IntervalXYDataset bars = (IntervalXYDataset) plot.getDataset(0);
    IntervalXYDataset whiskers = (IntervalXYDataset) plot.getDataset(1);
    for (int i = 0; i < 3; i++) {
      GlobalSensitivity.Index idx = g.params().get(2 - i); // g is sorted largest total first
      assertEquals(names.getSymbols()[i], idx.name());
      assertEquals(idx.first(), bars.getYValue(0, i), 0.0);
      assertEquals(idx.total(), bars.getYValue(1, i), 0.0);
      assertEquals(idx.firstLow(), whiskers.getStartYValue(0, i), 0.0);
      assertEquals(idx.firstHigh(), whiskers.getEndYValue(0, i), 0.0);
      assertEquals(idx.totalLow(), whiskers.getStartYValue(1, i), 0.0);
      assertEquals(idx.totalHigh(), whiskers.getEndYValue(1, i), 0.0);
    }
    double v = 1 / 12.0 + 4 / 12.0 + 9 / 4.0;
    assertEquals(9 / 4.0 / v, bars.getYValue(1, 2), 0.05, "c's total near its variance share");
  }

  @Test
  void sobolFromTheCommandLineDrawsBarsAndAPageWithTheTornadoBeside() throws Exception {
    String file = "samples/uncertainty/gigawatt-npv-drivers.tok";
    Path png = dir.resolve("sobol.png");
    assertEquals(0, tok("sensitivity", file, "--output", "npv", "--method", "sobol", "--samples", "512", "--out",
        png.toString()), err.toString());
    assertTrue(out.toString().contains("Sobol indices of npv"), out.toString());
    assertTrue(ImageIO.read(png.toFile()).getHeight() >= 300);
    out.getBuffer().setLength(0);
    assertEquals(0, tok("sensitivity", file, "--output", "npv", "--method", "sobol", "--samples", "512", "--format",
        "html"), err.toString());
    String page = out.toString();
    assertEquals(2, page.split("<svg", -1).length - 1, "the tornado and the Sobol bars");
    assertTrue(page.contains("npv: each uncertain param at its p5 and p95") && page.contains("npv: Sobol indices (512 base"),
        "both charts' titles");
    assertTrue(page.contains("<td>margin</td>") && page.contains("first 95 %"), "the tables");
  }

  @Test
  void morrisPlotPutsEachParamAtItsMuStarAndSigma() throws Exception {
    Model m = TestModels.compile("""
        param a = uniform(0, 1)
        param b = uniform(0, 2)
        param c = uniform(1, 2)
        report y = a + b * c
        """);
    GlobalSensitivity g = m.globalSensitivity("morris", "y", 64, 5, Scenario.BASE, Map.of());
    JFreeChart chart = SensitivityCharts.morris(g);
    XYPlot plot = chart.getXYPlot();
    var points = plot.getDataset(0);
    assertEquals(3, points.getItemCount(0));
    for (int i = 0; i < 3; i++) {
      GlobalSensitivity.Index idx = g.params().get(i);
      assertEquals(idx.muStar(), points.getXValue(0, i), 0.0, idx.name());
      assertEquals(idx.sigma(), points.getYValue(0, i), 0.0, idx.name());
      assertEquals(idx.name(), plot.getRenderer(0).getItemLabelGenerator(0, i).generateLabel(points, 0, i));
    }
    // a enters linearly: every elementary effect is the same, so its σ is 0 up to rounding; b and
    // c multiply each other, so theirs vary with the other's value
    GlobalSensitivity.Index a = g.params().stream().filter(i -> i.name().equals("a")).findFirst().orElseThrow();
    assertEquals(0, a.sigma(), 1e-12);
    assertTrue(g.params().stream().filter(i -> !i.name().equals("a")).allMatch(i -> i.sigma() > 0.01));
    var diagonal = plot.getDataset(1);
    double top = g.params().stream().mapToDouble(i -> Math.max(i.muStar(), i.sigma())).max().orElseThrow();
    assertEquals(top, diagonal.getXValue(0, 1), 0.0, "the line σ = μ* spans the points");
    assertEquals(top, diagonal.getYValue(0, 1), 0.0);

    String file = "samples/uncertainty/gigawatt-npv-drivers.tok";
    Path svg = dir.resolve("morris.svg");
    assertEquals(0, tok("sensitivity", file, "--output", "npv", "--method", "morris", "--samples", "40", "--out",
        svg.toString()), err.toString());
    assertTrue(Files.readString(svg).contains("npv: Morris elementary effects (40 trajectories)"), "the chart's title");
    out.getBuffer().setLength(0);
    assertEquals(0, tok("sensitivity", file, "--output", "npv", "--method", "morris", "--samples", "40", "--format",
        "html"), err.toString());
    String page = out.toString();
    assertEquals(2, page.split("<svg", -1).length - 1, "the tornado and the Morris plot");
    assertTrue(page.contains("Morris elementary effects") && page.contains("<th>mu*</th>"), "the effects table");
  }
}

package org.tokenomics.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.DoubleStream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The charts of Tok's tools, built from plain arrays so that any source can feed them: a run's
 * series ({@link #line}), Monte Carlo quantiles ({@link #fan}), a sensitivity table
 * ({@link #tornado}), Sobol indices ({@link #sobol}) and Morris effects ({@link #morris}). Values are in the display unit named by {@code unit}, which labels the value
 * axis. Render with {@link ChartFiles}.
 */
public final class Charts {
  static {
    ChartFiles.headless();
  }

  /** One line of a line chart: its legend name and one value per period. */
  public record Line(String name, double[] values) {}

  /** One bar of a tornado: the output with a param at its low and its high value, and the base output. */
  public record TornadoRow(String name, double low, double high, double base) {}

  static final Color[] PALETTE = {
      new Color(0x1f5fa8), new Color(0xd9822b), new Color(0x2f9e44), new Color(0xc92a2a),
      new Color(0x7048e8), new Color(0x0c8599), new Color(0x862e9c), new Color(0x5c940d)};
  private static final Color GRID = new Color(0xdddddd);
  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
  private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

  private Charts() {}

  /** A series report over the timeline: one line per entry (e.g. per scenario). */
  public static JFreeChart line(String title, String unit, List<String> periods, List<Line> lines) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (Line l : lines) {
      XYSeries s = new XYSeries(clip(l.name()), false, true);
      for (int i = 0; i < l.values().length && i < periods.size(); i++) {
        s.add(i, finite(l.values()[i]));
      }
      data.addSeries(s);
    }
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, periods.size() <= 40);
    for (int i = 0; i < lines.size(); i++) {
      renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
      renderer.setSeriesStroke(i, new BasicStroke(2.2f));
    }
    NumberAxis value = valueAxis(unit);
    niceTicks(value, lines.stream().flatMapToDouble(l -> Arrays.stream(l.values())).toArray());
    XYPlot plot = new XYPlot(data, PeriodAxis.create("period", periods), value, renderer);
    return chart(title, plot, lines.size() > 1);
  }

  /**
   * A fan chart of Monte Carlo quantiles: the p5–p95 band shaded and the p50 line, one value per
   * period each.
   */
  public static JFreeChart fan(String title, String unit, List<String> periods, double[] p5, double[] p50,
                               double[] p95) {
    return fan(title, unit, periods, p5, null, p50, null, p95);
  }

  /**
   * A fan chart with the interquartile band too: p5–p95 shaded, p25–p75 shaded darker inside it,
   * and the p50 line ({@code p25} and {@code p75} may both be null: the outer band only).
   *
   * @param title   the chart's title
   * @param unit    the values' unit, the value axis's label
   * @param periods the period labels
   * @param p5      the 5th percentile per period
   * @param p25     the 25th percentile per period, or null
   * @param p50     the median per period
   * @param p75     the 75th percentile per period, or null
   * @param p95     the 95th percentile per period
   * @return the chart: series 0 is p50 with the p5–p95 band, series 1 (if any) p50 with p25–p75
   */
  public static JFreeChart fan(String title, String unit, List<String> periods, double[] p5, double[] p25,
                               double[] p50, double[] p75, double[] p95) {
    if (p5.length != p50.length || p50.length != p95.length || (p25 == null) != (p75 == null)
        || p25 != null && (p25.length != p50.length || p75.length != p50.length)) {
      throw new IllegalArgumentException("p5, p50 and p95 (and p25 with p75) need one value per period each");
    }
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    data.addSeries(band(p25 == null ? "p50 (band: p5–p95)" : "p50 (bands: p5–p95, p25–p75)", periods, p5, p50, p95));
    if (p25 != null) {
      data.addSeries(band("p25–p75", periods, p25, p50, p75));
    }
    DeviationRenderer renderer = new DeviationRenderer(true, false);
    for (int i = 0; i < data.getSeriesCount(); i++) {
      renderer.setSeriesPaint(i, PALETTE[0]);
      renderer.setSeriesStroke(i, new BasicStroke(2.4f));
      renderer.setSeriesVisibleInLegend(i, i == 0);
    }
    renderer.setSeriesFillPaint(0, new Color(0x74a9e0));
    renderer.setSeriesFillPaint(1, new Color(0x3d7cc4));
    renderer.setAlpha(0.45f);
    NumberAxis value = valueAxis(unit);
    niceTicks(value, DoubleStream.concat(Arrays.stream(p5), Arrays.stream(p95)).toArray());
    XYPlot plot = new XYPlot(data, PeriodAxis.create("period", periods), value, renderer);
    return chart(title, plot, true);
  }

  private static YIntervalSeries band(String name, List<String> periods, double[] low, double[] mid, double[] high) {
    YIntervalSeries s = new YIntervalSeries(name, false, true);
    for (int i = 0; i < mid.length && i < periods.size(); i++) {
      double lo = Math.min(finite(low[i]), finite(high[i]));
      double hi = Math.max(finite(low[i]), finite(high[i]));
      s.add(i, finite(mid[i]), lo, hi);
    }
    return s;
  }

  /**
   * One param of a Sobol chart: its first-order and total indices with their 95 % intervals.
   *
   * @param name      the param
   * @param first     the first-order index
   * @param firstLow  its interval's low end
   * @param firstHigh its interval's high end
   * @param total     the total index
   * @param totalLow  its interval's low end
   * @param totalHigh its interval's high end
   */
  public record SobolRow(String name, double first, double firstLow, double firstHigh, double total, double totalLow,
                         double totalHigh) {}

  /**
   * Sobol indices as bars: per param a first-order and a total bar from 0, each with a whisker
   * over its bootstrap interval; the largest total on top (EMBEDDING.md §7).
   *
   * @param title the chart's title
   * @param rows  one per param, in any order
   * @return the chart: dataset 0 the bars (series 0 first-order, 1 total), dataset 1 the intervals,
   *         the domain axis the params' names from the bottom up
   */
  public static JFreeChart sobol(String title, List<SobolRow> rows) {
    List<SobolRow> sorted = new ArrayList<>(rows);
    // index 0 is drawn at the bottom: smallest total first so the largest ends on top
    sorted.sort(Comparator.comparingDouble((SobolRow r) -> Double.isFinite(r.total()) ? r.total() : -1));
    XYIntervalSeries first = new XYIntervalSeries("first order");
    XYIntervalSeries total = new XYIntervalSeries("total");
    YIntervalSeries firstCi = new YIntervalSeries("first-order 95 % interval");
    YIntervalSeries totalCi = new YIntervalSeries("total 95 % interval");
    for (int i = 0; i < sorted.size(); i++) {
      SobolRow r = sorted.get(i);
      double f = finite(r.first());
      double t = finite(r.total());
      first.add(i + 0.18, i + 0.02, i + 0.34, f, Math.min(0, f), Math.max(0, f));
      total.add(i - 0.18, i - 0.34, i - 0.02, t, Math.min(0, t), Math.max(0, t));
      firstCi.add(i + 0.18, f, finite(r.firstLow()), finite(r.firstHigh()));
      totalCi.add(i - 0.18, t, finite(r.totalLow()), finite(r.totalHigh()));
    }
    XYIntervalSeriesCollection bars = new XYIntervalSeriesCollection();
    bars.addSeries(first);
    bars.addSeries(total);
    YIntervalSeriesCollection whiskers = new YIntervalSeriesCollection();
    whiskers.addSeries(firstCi);
    whiskers.addSeries(totalCi);
    XYBarRenderer renderer = new XYBarRenderer();
    renderer.setUseYInterval(true);
    renderer.setBarPainter(new StandardXYBarPainter());
    renderer.setShadowVisible(false);
    renderer.setSeriesPaint(0, PALETTE[0]);
    renderer.setSeriesPaint(1, PALETTE[1]);
    XYErrorRenderer errors = new XYErrorRenderer();
    errors.setDrawXError(false);
    errors.setDrawYError(true);
    errors.setDefaultLinesVisible(false);
    errors.setDefaultShapesVisible(false);
    errors.setErrorPaint(Color.DARK_GRAY);
    errors.setErrorStroke(new BasicStroke(1.5f));
    errors.setCapLength(6);
    errors.setDefaultSeriesVisibleInLegend(false);
    SymbolAxis params = new SymbolAxis(null, sorted.stream().map(r -> clip(r.name())).toArray(String[]::new));
    params.setGridBandsVisible(false);
    params.setTickLabelFont(LABEL);
    NumberAxis value = valueAxis("Sobol index (share of the output's variance)");
    value.setAutoRangeIncludesZero(true);
    niceTicks(value, sorted.stream().flatMapToDouble(r -> DoubleStream.of(0, r.first(), r.total(), r.firstLow(),
        r.firstHigh(), r.totalLow(), r.totalHigh())).toArray());
    XYPlot plot = new XYPlot(bars, params, value, renderer);
    plot.setDataset(1, whiskers);
    plot.setRenderer(1, errors);
    plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.addRangeMarker(new ValueMarker(0, Color.DARK_GRAY, new BasicStroke(1f)));
    return chart(title, plot, true);
  }

  /**
   * One param of a Morris chart: its mean absolute elementary effect and their standard deviation.
   *
   * @param name   the param
   * @param muStar the mean of the absolute elementary effects (how much the param matters)
   * @param sigma  their standard deviation (how much its effect depends on the other params)
   */
  public record MorrisRow(String name, double muStar, double sigma) {}

  /**
   * Morris's screening plot: each param a labelled point at (μ*, σ), with the line σ = μ*: a param
   * far right matters, a param above the line acts non-linearly or through the others.
   *
   * @param title the chart's title
   * @param unit  the output's unit, in which μ* and σ are given
   * @param rows  one per param
   * @return the chart: dataset 0 the points (series 0, in the order given), dataset 1 the line
   */
  public static JFreeChart morris(String title, String unit, List<MorrisRow> rows) {
    XYSeries points = new XYSeries("params", false, true);
    double top = 0;
    for (MorrisRow r : rows) {
      points.add(finite(r.muStar()), finite(r.sigma()));
      top = Math.max(top, Math.max(Double.isFinite(r.muStar()) ? r.muStar() : 0, Double.isFinite(r.sigma()) ? r.sigma() : 0));
    }
    XYSeries diagonal = new XYSeries("σ = μ*");
    diagonal.add(0, 0);
    diagonal.add(top, top);
    XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
    dots.setSeriesPaint(0, PALETTE[0]);
    dots.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-4, -4, 8, 8));
    dots.setDefaultItemLabelGenerator((data, series, item) -> clip(rows.get(item).name()));
    dots.setDefaultItemLabelsVisible(true);
    dots.setDefaultItemLabelFont(TICK);
    XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
    line.setSeriesPaint(0, Color.GRAY);
    line.setSeriesStroke(0, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
    String u = unit == null || unit.isEmpty() ? "" : " (" + unit + ")";
    NumberAxis mu = valueAxis("μ*, mean absolute effect" + u);
    NumberAxis sd = valueAxis("σ of the effects" + u);
    double[] all = rows.stream().flatMapToDouble(r -> DoubleStream.of(0, r.muStar(), r.sigma())).toArray();
    niceTicks(mu, all);
    niceTicks(sd, all);
    mu.setAutoRangeIncludesZero(true);
    sd.setAutoRangeIncludesZero(true);
    XYPlot plot = new XYPlot(new XYSeriesCollection(points), mu, sd, dots);
    plot.setDataset(1, new XYSeriesCollection(diagonal));
    plot.setRenderer(1, line);
    return chart(title, plot, false);
  }

  /**
   * A tornado: for each row a bar from the output at the param's low value to the output at its
   * high value, widest swing on top, with a line at the base output.
   */
  public static JFreeChart tornado(String title, String unit, List<TornadoRow> rows) {
    List<TornadoRow> sorted = new ArrayList<>(rows);
    // The axis draws index 0 at the bottom: narrowest first so the widest ends on top.
    sorted.sort(Comparator.comparingDouble(r -> Math.abs(r.high() - r.low())));
    String[] names = sorted.stream().map(r -> clip(r.name())).toArray(String[]::new);
    XYIntervalSeries lowSide = new XYIntervalSeries("param at its low value");
    XYIntervalSeries highSide = new XYIntervalSeries("param at its high value");
    double base = rows.isEmpty() ? 0 : finite(rows.get(0).base());
    for (int i = 0; i < sorted.size(); i++) {
      TornadoRow r = sorted.get(i);
      double b = finite(r.base());
      lowSide.add(i, i - 0.32, i + 0.32, b, Math.min(b, finite(r.low())), Math.max(b, finite(r.low())));
      highSide.add(i, i - 0.32, i + 0.32, b, Math.min(b, finite(r.high())), Math.max(b, finite(r.high())));
    }
    XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
    data.addSeries(lowSide);
    data.addSeries(highSide);
    XYBarRenderer renderer = new XYBarRenderer();
    renderer.setUseYInterval(true);
    renderer.setBarPainter(new StandardXYBarPainter());
    renderer.setShadowVisible(false);
    renderer.setSeriesPaint(0, PALETTE[1]);
    renderer.setSeriesPaint(1, PALETTE[0]);
    SymbolAxis params = new SymbolAxis(null, names);
    params.setGridBandsVisible(false);
    params.setTickLabelFont(LABEL);
    NumberAxis value = valueAxis(unit);
    niceTicks(value, rows.stream().flatMapToDouble(r -> DoubleStream.of(r.low(), r.high(), r.base())).toArray());
    XYPlot plot = new XYPlot(data, params, value, renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    ValueMarker marker = new ValueMarker(base, Color.DARK_GRAY, new BasicStroke(1.5f));
    plot.addRangeMarker(marker);
    return chart(title, plot, true);
  }

  private static NumberAxis valueAxis(String unit) {
    NumberAxis axis = new NumberAxis(unit == null || unit.isEmpty() ? "(no unit)" : unit);
    axis.setAutoRangeIncludesZero(false);
    axis.setLabelFont(LABEL);
    axis.setTickLabelFont(TICK);
    return axis;
  }

  /** About six ticks at round steps (1, 2, 2.5 or 5 × 10^k) over the data's range. */
  static void niceTicks(NumberAxis axis, double[] values) {
    double min = Arrays.stream(values).filter(Double::isFinite).min().orElse(0);
    double max = Arrays.stream(values).filter(Double::isFinite).max().orElse(0);
    double span = max - min;
    if (!Double.isFinite(span)) {
      return;
    }
    if (span == 0) {
      // A constant series (or one value): left to itself the axis spans a rounding error and
      // labels twenty ticks with the same number. Show the value in a band of its own order of
      // magnitude instead (0 in -1..1).
      double pad = min == 0 ? 1 : Math.pow(10, Math.floor(Math.log10(Math.abs(min))));
      min -= pad;
      max += pad;
      span = max - min;
      axis.setAutoRange(false);
      axis.setRange(min, max);
    }
    double raw = span / 7;
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = magnitude * 10;
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * magnitude >= raw) {
        step = m * magnitude;
        break;
      }
    }
    axis.setTickUnit(new NumberTickUnit(step, numberFormat(step)));
  }

  private static NumberFormat numberFormat(double step) {
    DecimalFormat f = new DecimalFormat("#,##0.######",
        DecimalFormatSymbols.getInstance(Locale.ROOT));
    int decimals = step >= 1 ? (step == Math.rint(step) ? 0 : 1) : (int) Math.ceil(-Math.log10(step)) + 1;
    f.setMaximumFractionDigits(Math.max(0, decimals));
    if (Math.abs(step) >= 1e15 || Math.abs(step) < 1e-6) {
      return new DecimalFormat("0.##E0", DecimalFormatSymbols.getInstance(Locale.ROOT));
    }
    return f;
  }

  /**
   * Names as a chart shows them: laying out a 20,000-character title took JFreeChart minutes, and
   * nobody reads past the first hundred characters.
   */
  static String clip(String name) {
    return name == null || name.length() <= 100 ? name : name.substring(0, 99) + "…";
  }

  private static JFreeChart chart(String title, XYPlot plot, boolean legend) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    plot.setOutlineVisible(false);
    plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
    plot.getDomainAxis().setLabelFont(LABEL);
    plot.getDomainAxis().setTickLabelFont(TICK);
    JFreeChart chart = new JFreeChart(null, TITLE, plot, legend);
    chart.setTitle(new TextTitle(clip(title), TITLE));
    chart.setBackgroundPaint(Color.WHITE);
    chart.setPadding(new RectangleInsets(8, 8, 8, 16));
    return chart;
  }

  /** Non-finite values are left out of the picture rather than breaking it. */
  private static double finite(double v) {
    return Double.isFinite(v) ? v : Double.NaN;
  }
}

package org.tokenomics.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

class ChartsTest {
  static final List<String> YEARS = List.of("2026", "2027", "2028", "2029", "2030");
  static final Path OUT = Path.of("target", "charts");

  @Test
  void lineChartLabelsItsAxesWithUnitsAndPeriods() throws Exception {
    JFreeChart c = Charts.line("revenue", "$B/yr", YEARS,
        List.of(new Charts.Line("base", new double[] {0, 0, 20, 20, 20}), new Charts.Line("bear", new double[] {0, 0, 10, 12, 14})));
    XYPlot plot = c.getXYPlot();
    assertEquals("$B/yr", plot.getRangeAxis().getLabel());
    assertEquals("period", plot.getDomainAxis().getLabel());
    assertEquals("revenue", c.getTitle().getText());
    assertEquals(2, plot.getDataset().getSeriesCount());
    BufferedImage img = render(c, "line.png");
    assertTrue(countNear(img, Charts.PALETTE[0]) > 200, "the base line is drawn");
    assertTrue(countNear(img, Charts.PALETTE[1]) > 200, "the bear line is drawn");
  }

  @Test
  void aConstantSeriesGetsAReadableAxis() throws Exception {
    for (double v : new double[] {21.86, 0, -3e9}) {
      JFreeChart c = Charts.line("flat", "$B", YEARS, List.of(new Charts.Line("base", new double[] {v, v, v, v, v})));
      org.jfree.chart.axis.NumberAxis axis = (org.jfree.chart.axis.NumberAxis) c.getXYPlot().getRangeAxis();
      render(c, "flat.png");
      org.jfree.data.Range range = axis.getRange();
      assertTrue(range.getLowerBound() < v && v < range.getUpperBound(), v + " inside " + range);
      double ticks = range.getLength() / axis.getTickUnit().getSize();
      assertTrue(ticks >= 3 && ticks <= 10, "a handful of ticks, not twenty of one label: " + ticks + " for " + v);
      String low = axis.getTickUnit().valueToString(range.getLowerBound());
      String high = axis.getTickUnit().valueToString(range.getUpperBound());
      assertTrue(!low.equals(high), low + " vs " + high);
    }
  }

  @Test
  void fanChartShadesTheBandAndDrawsTheMedian() throws Exception {
    List<String> months = new java.util.ArrayList<>();
    int n = 36;
    double[] p5 = new double[n];
    double[] p50 = new double[n];
    double[] p95 = new double[n];
    for (int i = 0; i < n; i++) {
      months.add(String.format("%d-%02d", 2026 + i / 12, i % 12 + 1));
      p50[i] = 10 * Math.pow(1.04, i);
      p5[i] = p50[i] * (1 - 0.02 * i);
      p95[i] = p50[i] * (1 + 0.03 * i);
    }
    JFreeChart c = Charts.fan("tokens", "Btok/day", months, p5, p50, p95);
    assertEquals("Btok/day", c.getXYPlot().getRangeAxis().getLabel());
    BufferedImage img = render(c, "fan.png");
    assertTrue(countNear(img, Charts.PALETTE[0]) > 200, "the p50 line is drawn");
    assertTrue(countTinted(img) > 20_000, "the p5–p95 band is shaded");
    assertThrows(IllegalArgumentException.class, () -> Charts.fan("x", "", months, p5, new double[2], p95));
  }

  @Test
  void tornadoPutsTheWidestSwingOnTop() throws Exception {
    List<Charts.TornadoRow> rows = List.of(
        new Charts.TornadoRow("pue", -6.5, -5.2, -5.8),
        new Charts.TornadoRow("capex_per_gw", -12.0, 0.4, -5.8),
        new Charts.TornadoRow("margin", -9.0, -1.5, -5.8));
    JFreeChart c = Charts.tornado("npv", "$B", rows);
    org.jfree.chart.axis.SymbolAxis names = (org.jfree.chart.axis.SymbolAxis) c.getXYPlot().getDomainAxis();
    assertEquals(List.of("pue", "margin", "capex_per_gw"), List.of(names.getSymbols())); // bottom to top
    assertEquals("$B", c.getXYPlot().getRangeAxis().getLabel());
    BufferedImage img = render(c, "tornado.png");
    assertTrue(countNear(img, Charts.PALETTE[0]) > 1000 && countNear(img, Charts.PALETTE[1]) > 1000);
  }

  @Test
  void svgIsAStandaloneDocumentWithUniqueIds() throws Exception {
    JFreeChart c = Charts.line("x", "GW", YEARS, List.of(new Charts.Line("base", new double[] {1, 2, 3, 4, 5})));
    String a = ChartFiles.svg(c, 600, 300);
    String b = ChartFiles.svg(c, 600, 300);
    assertTrue(a.startsWith("<svg"), a.substring(0, 80));
    assertTrue(a.contains(">x<"), "the title");
    assertTrue(a.contains(">2028<"), "a period label");
    String idA = a.replaceAll("(?s).*?id='([^']+)'.*", "$1");
    String idB = b.replaceAll("(?s).*?id='([^']+)'.*", "$1");
    assertTrue(!idA.equals(idB), "two charts in one page must not share ids");
    Files.createDirectories(OUT);
    Path file = OUT.resolve("line.svg");
    ChartFiles.write(c, file, 600, 300);
    assertTrue(Files.readString(file).startsWith("<?xml"));
    assertEquals("svg", ChartFiles.formatOf(file));
    assertEquals(null, ChartFiles.formatOf(Path.of("x.gif")));
  }

  static BufferedImage render(JFreeChart c, String name) throws Exception {
    byte[] png = ChartFiles.png(c, ChartFiles.WIDTH, ChartFiles.HEIGHT);
    Files.createDirectories(OUT);
    Files.write(OUT.resolve(name), png);
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
    assertEquals(ChartFiles.WIDTH, img.getWidth());
    return img;
  }

  static int countNear(BufferedImage img, Color c) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        Color p = new Color(img.getRGB(x, y));
        if (Math.abs(p.getRed() - c.getRed()) + Math.abs(p.getGreen() - c.getGreen()) + Math.abs(p.getBlue() - c.getBlue()) < 60) {
          n++;
        }
      }
    }
    return n;
  }

  /** Pixels that are light but not white or grey: a translucent fill. */
  static int countTinted(BufferedImage img) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        Color p = new Color(img.getRGB(x, y));
        if (p.getBlue() > 150 && p.getBlue() - p.getRed() > 25) {
          n++;
        }
      }
    }
    return n;
  }
}

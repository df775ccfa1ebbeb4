package org.tokenomics.chart;

import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/** Renders charts to PNG (headless AWT) or SVG (JFreeSVG), as bytes, text or files. */
public final class ChartFiles {
  public static final int WIDTH = 900;
  public static final int HEIGHT = 500;
  private static final AtomicInteger IDS = new AtomicInteger();

  static {
    headless();
  }

  private ChartFiles() {}

  /** No display is needed, ever: charts are drawn off-screen. */
  static void headless() {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** The output format a file name asks for: "png", "svg", or null for anything else. */
  public static String formatOf(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".png") ? "png" : name.endsWith(".svg") ? "svg" : null;
  }

  public static byte[] png(JFreeChart chart, int width, int height) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ChartUtils.writeChartAsPNG(out, chart, width, height);
    return out.toByteArray();
  }

  /**
   * The chart as an {@code <svg>} element, with ids unique to this call so that several charts
   * can be inlined in one page.
   */
  public static String svg(JFreeChart chart, int width, int height) {
    SVGGraphics2D g2 = new SVGGraphics2D(width, height);
    g2.setDefsKeyPrefix("tokchart" + IDS.incrementAndGet() + "_");
    chart.draw(g2, new Rectangle(0, 0, width, height));
    return g2.getSVGElement(null, true, new ViewBox(0, 0, width, height), null, null);
  }

  /** Writes a PNG or SVG file, by the file's extension. */
  public static void write(JFreeChart chart, Path file, int width, int height) throws IOException {
    String format = formatOf(file);
    if ("png".equals(format)) {
      Files.write(file, png(chart, width, height));
    } else if ("svg".equals(format)) {
      String doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg(chart, width, height) + "\n";
      Files.writeString(file, doc, StandardCharsets.UTF_8);
    } else {
      throw new IllegalArgumentException("a chart file must end in .png or .svg: " + file);
    }
  }
}

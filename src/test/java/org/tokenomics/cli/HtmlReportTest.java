package org.tokenomics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
  @TempDir
  Path dir;

  static final String MODEL = """
      timeline 2026-01 to 2028-12 monthly
      param price = $2/GPU/h
      param fleet = 10k GPU
      let revenue = price * fleet * grow(by: 3 %, every: month) * ramp(from: 2026-06, over: 12 month)
      report revenue as $M/yr
      report total = sum(revenue * dt) as $B
      report <b>fleet</b> = fleet
      assert fleet > 0 GPU "revenue <made> & counted"
      scenario bear { price = $1.2/GPU/h }
      """;

  static int run(StringWriter out, StringWriter err, String... args) {
    return Main.execute(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void theReportIsOneSelfContainedPageWithTablesAndCharts() throws Exception {
    Path model = dir.resolve("m.tok");
    Files.writeString(model, MODEL.replace("<b>fleet</b>", "fleet_size"));
    Path page = dir.resolve("report.html");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(0, run(out, err, "run", model.toString(), "--scenario", "all", "--format", "html", "--out", page.toString()), err.toString());
    String html = Files.readString(page);
    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertTrue(html.contains("Scenario base") && html.contains("Scenario bear"));
    assertTrue(html.contains("<svg") && html.contains(">revenue<"), "an inline chart of revenue");
    assertTrue(html.contains("2027-06"), "series periods");
    assertTrue(html.contains("$M/yr"), "units");
    assertTrue(html.contains("revenue &lt;made&gt; &amp; counted"), "text is escaped");
    for (String external : new String[] {"<script", "<link", "src=", "href=\"http", "url(http", "@import"}) {
      assertFalse(html.contains(external), "the page must not load anything: found " + external);
    }
  }

  @Test
  void outGoesWithHtmlAndBadFormatsAreUsageErrors() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(2, run(out, err, "run", "samples/gigawatt/two_dark_years.tok", "--format", "json", "--out", "x.json"));
    assertTrue(err.toString().contains("--out goes with --format html"));
    assertEquals(2, run(out, err, "run", "samples/gigawatt/two_dark_years.tok", "--format", "pdf"));
  }

  @Test
  void htmlGoesToStdoutWithoutOut() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(0, run(out, err, "run", "samples/gigawatt/two_dark_years.tok", "--format", "html"), err.toString());
    assertTrue(out.toString().contains("<h2>Charts</h2>"));
  }

  @Test
  void chromiumRendersTheReportAsAPageThatIsNotBlank() throws Exception {
    Chromium.require();
    Path page = dir.resolve("report.html");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(0, run(out, err, "run", "samples/gigawatt/two_dark_years.tok", "--format", "html", "--out", page.toString()),
        err.toString());
    Path png = Chromium.screenshot(page, dir.resolve("shot.png"), 1200, 900);
    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(1200, img.getWidth());
    int dark = 0;
    int blue = 0;
    int nonWhite = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        if (r < 245 || g < 245 || b < 245) {
          nonWhite++;
        }
        if (r + g + b < 200) {
          dark++;
        }
        if (b > 120 && b - r > 60) {
          blue++;
        }
      }
    }
    int total = img.getWidth() * img.getHeight();
    assertTrue(nonWhite > total / 50, "the page is blank: " + nonWhite + " non-white pixels");
    assertTrue(dark > 2_000, "there is text: " + dark + " dark pixels");
    assertTrue(blue > 300, "the chart's line is drawn: " + blue + " blue pixels");
    Files.copy(png, Path.of("target", "html-report-screenshot.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }
}

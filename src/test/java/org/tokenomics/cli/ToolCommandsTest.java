package org.tokenomics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tok fmt and tok chart from the command line. */
class ToolCommandsTest {
  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int tok(String... args) {
    return Main.execute(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void fmtPrintsOrRewrites() throws Exception {
    Path f = dir.resolve("a.tok");
    Files.writeString(f, "param a=1 // one\nparam long_name=2\n");
    assertEquals(0, tok("fmt", f.toString()));
    assertEquals("param a         = 1  // one\nparam long_name = 2\n", out.toString());
    assertEquals("param a=1 // one\nparam long_name=2\n", Files.readString(f), "without --write the file is left alone");
    assertEquals(0, tok("fmt", f.toString(), "--write"));
    assertEquals("param a         = 1  // one\nparam long_name = 2\n", Files.readString(f));
  }

  @Test
  void fmtOfAFileWithSyntaxErrorsChangesNothing() throws Exception {
    Path f = dir.resolve("bad.tok");
    String text = "param a = = 1\n";
    Files.writeString(f, text);
    assertEquals(1, tok("fmt", f.toString(), "--write"));
    assertTrue(err.toString().contains("TOK100"), err.toString());
    assertEquals(text, Files.readString(f));
    assertEquals(2, tok("fmt", dir.resolve("missing.tok").toString()));
  }

  @Test
  void chartWritesPngAndSvg() throws Exception {
    Path png = dir.resolve("revenue.png");
    assertEquals(0, tok("chart", "samples/gigawatt/two_dark_years.tok", "revenue", "--out", png.toString()), err.toString());
    assertEquals(900, ImageIO.read(png.toFile()).getWidth());
    Path svg = dir.resolve("revenue.svg");
    assertEquals(0, tok("chart", "samples/gigawatt/two_dark_years.tok", "revenue", "--out", svg.toString(),
        "--set", "margin=60%"), err.toString());
    assertTrue(Files.readString(svg).contains(">revenue<"));
  }

  @Test
  void chartRefusesScalarsUnknownNamesAndOtherFormatsClearly() {
    assertEquals(1, tok("chart", "samples/gigawatt/two_dark_years.tok", "npv8", "--out", dir.resolve("x.png").toString()));
    assertTrue(err.toString().contains("npv8 is a scalar"), err.toString());
    assertEquals(1, tok("chart", "samples/gigawatt/two_dark_years.tok", "revenu", "--out", dir.resolve("x.png").toString()));
    assertTrue(err.toString().contains("did you mean 'revenue'"), err.toString());
    assertEquals(2, tok("chart", "samples/gigawatt/two_dark_years.tok", "revenue", "--out", dir.resolve("x.gif").toString()));
    assertEquals(2, tok("chart", "samples/gigawatt/two_dark_years.tok", "revenue", "--out", dir.resolve("x.png").toString(),
        "--scenario", "nope"));
    assertFalse(err.toString().contains("Exception"), err.toString());
    assertFalse(Files.exists(dir.resolve("x.png")));
  }

  @Test
  void chartDrawsOneLinePerScenario() throws Exception {
    Path model = dir.resolve("m.tok");
    Files.writeString(model, HtmlReportTest.MODEL.replace("report <b>fleet</b> = fleet\n", ""));
    Path svg = dir.resolve("m.svg");
    assertEquals(0, tok("chart", model.toString(), "revenue", "--scenario", "all", "--out", svg.toString()), err.toString());
    String text = Files.readString(svg);
    assertTrue(text.contains(">base<") && text.contains(">bear<"), "a legend entry per scenario");
  }

  @Test
  void aFamilyWideReportUnderSamplesIsAMedianLinePerMember() throws Exception {
    Path model = dir.resolve("fleet.tok");
    Files.writeString(model, """
        timeline 2026 to 2030 yearly
        purchase vintage[y in 2026 to 2028 yearly] { amount = uniform($5B, $15B); at = y; life = 5 yr }
        report by_vintage = vintage.depreciation as $B/yr
        report amounts = vintage.amount as $B
        """);
    Path svg = dir.resolve("members.svg");
    assertEquals(0, tok("chart", model.toString(), "by_vintage", "--samples", "200", "--seed", "1",
        "--out", svg.toString()), err.toString());
    String text = Files.readString(svg);
    for (String member : new String[] {"by_vintage[2026]", "by_vintage[2027]", "by_vintage[2028]"}) {
      assertTrue(text.contains(member), "a line per member: " + member);
    }
    assertTrue(text.contains("p50 per member (200 samples, seed 1)"), "the title says what is drawn");
    assertEquals(1, tok("chart", model.toString(), "amounts", "--samples", "50", "--out", dir.resolve("a.png").toString()));
    assertTrue(err.toString().contains("amounts is a scalar for each member"), err.toString());
  }

  @Test
  void explainOfATotalPrintsItsCostStackAsTextAndJson() throws Exception {
    Path model = dir.resolve("stack.tok");
    Files.writeString(model, """
        purchase vintage[y in 2026 to 2029 yearly] { amount = $10B * (y - 2025-01) / 1 yr; at = y; life = 5 yr }
        report capex = total(vintage.amount) as $B
        """);
    assertEquals(0, tok("explain", model.toString(), "capex", "--depth", "1"), err.toString());
    String text = out.toString();
    assertTrue(text.contains("by member of vintage (share of the total):"), text);
    // $10B, $20B, $30B, $40B of $100B
    assertTrue(text.contains("vintage[2026]  10.0 %  $10.00B"), text);
    assertTrue(text.contains("vintage[2029]  40.0 %  $40.00B"), text);
    out.getBuffer().setLength(0);
    assertEquals(0, tok("explain", model.toString(), "capex", "--format", "json"), err.toString());
    String json = out.toString();
    assertTrue(json.contains("\"by_member\""), json);
    assertTrue(json.matches("(?s).*\"member\" : \"vintage\\[2028\\]\",\\s*\"value\" : 30\\.0,\\s*\"share\" : 0\\.3.*"), json);
  }

  @Test
  void chartUnderSamplesIsAFanAndSensitivityDrawsATornado() throws Exception {
    Path fan = dir.resolve("fan.svg");
    assertEquals(0, tok("chart", "samples/growth/cone_of_uncertainty.tok", "arr", "--samples", "200", "--seed", "3",
        "--out", fan.toString()), err.toString());
    String svg = Files.readString(fan);
    assertTrue(svg.contains("p50 (band"), "the fan's legend");
    assertTrue(svg.contains("200 samples"), "the title says how it was sampled");
    assertEquals(1, tok("chart", "samples/growth/cone_of_uncertainty.tok", "spread", "--samples", "50",
        "--out", dir.resolve("s.png").toString()));
    assertTrue(err.toString().contains("spread is a scalar"), err.toString());

    Path tornado = dir.resolve("tornado.png");
    assertEquals(0, tok("sensitivity", "samples/uncertainty/breakeven-token-price.tok", "--output", "breakeven",
        "--out", tornado.toString()), err.toString());
    assertTrue(ImageIO.read(tornado.toFile()).getHeight() >= 300);
    assertEquals(2, tok("sensitivity", "samples/uncertainty/breakeven-token-price.tok", "--output", "breakeven",
        "--out", dir.resolve("t.pdf").toString()));
  }
}

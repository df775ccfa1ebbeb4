package org.tokenomics.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One session in a real browser (Debian's Chromium, driven by Selenium through chromedriver): the
 * page loads a 60-month model and shows its reports; an error typed into the editor shows as a
 * diagnostic under the caret and fixing it clears it; dragging a slider changes a number; the
 * slider-to-render time is measured and printed; Monte Carlo draws a fan chart and the tornado;
 * clicking a report explains it; Ctrl-S saves the file. A screenshot of the page after the Monte Carlo run is kept in
 * target/serve-playground.png.
 */
class ServeBrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  /** The goal of issue #20 for a slider move on a 60-month model, end to end in the page. */
  static final double GOAL_MS = 50;
  /** What the test insists on: far above the goal, so that a busy shared machine does not fail it. */
  static final double LIMIT_MS = 500;

  @TempDir
  Path dir;

  @Test
  void editDiagnoseFixDragSimulateExplain() throws IOException {
    requireBrowser();
    Path models = Files.createDirectory(dir.resolve("models"));
    try (var in = getClass().getResourceAsStream("buildout.tok")) {
      Files.copy(in, models.resolve("buildout.tok"), StandardCopyOption.REPLACE_EXISTING);
    }
    try (PlaygroundServer server = PlaygroundServer.start(Workspace.of(models.resolve("buildout.tok")), 0)) {
      WebDriver driver = browser();
      try {
        session(driver, server.url(), models.resolve("buildout.tok"));
      } finally {
        driver.quit();
      }
    }
  }

  private void session(WebDriver driver, String url, Path file) throws IOException {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    driver.get(url);

    // The reports of the sample: the npv row and a chart per series.
    wait.until(d -> d.findElement(By.id("scalars")).getText().contains("value"));
    assertTrue(driver.findElements(By.cssSelector("#charts .chartpanel")).size() >= 10);
    String before = valueCell(driver);

    // Type an error at the end of the last report, see the diagnostic under the caret, fix it.
    WebElement input = driver.findElement(By.cssSelector(".CodeMirror textarea"));
    js.executeScript("var cm = document.querySelector('.CodeMirror').CodeMirror; cm.focus();"
        + "for (var i = cm.lineCount() - 1; i >= 0; i--) {"
        + " if (cm.getLine(i).indexOf('report value') === 0) { cm.setCursor({line: i, ch: cm.getLine(i).length}); break; } }");
    input.sendKeys(" + 1 GW");
    wait.until(d -> d.findElement(By.id("caret-diag")).getText().contains("TOK"));
    String diagnostic = driver.findElement(By.id("caret-diag")).getText();
    assertTrue(driver.findElement(By.cssSelector("#diagnostics li.error")).getText().contains("error[TOK"), diagnostic);
    assertTrue(driver.findElement(By.id("stale")).isDisplayed(), "the last good results stay, marked");
    assertEquals(before, valueCell(driver), "the last good results are kept");
    for (int i = 0; i < " + 1 GW".length(); i++) {
      input.sendKeys(Keys.BACK_SPACE);
    }
    wait.until(d -> d.findElement(By.id("caret-diag")).getText().isEmpty()
        && d.findElements(By.cssSelector("#diagnostics li.error")).isEmpty());

    // Drag the capex slider: the npv changes.
    js.executeScript("window.tokTiming.all = [];");
    WebElement slider = driver.findElement(By.cssSelector("input[type=range][data-param=capex_per_gw]"));
    new Actions(driver).clickAndHold(slider).moveByOffset(-60, 0).release().perform();
    wait.until(d -> !valueCell(d).equals(before));
    assertNotEquals(before, valueCell(driver));

    // Slider-to-render time: 30 moves by the arrow keys, each waited for.
    js.executeScript("window.tokTiming.all = []; window.tokTiming.server = [];");
    for (int i = 1; i <= 30; i++) {
      slider.sendKeys(i % 2 == 0 ? Keys.ARROW_RIGHT : Keys.ARROW_LEFT);
      int n = i;
      wait.until(d -> ((Number) js.executeScript("return window.tokTiming.all.length")).intValue() >= n);
    }
    List<Double> times = new ArrayList<>();
    for (Object o : (List<?>) js.executeScript("return window.tokTiming.all")) {
      times.add(((Number) o).doubleValue());
    }
    times.sort(null);
    double median = times.get(times.size() / 2);
    List<Double> server = new ArrayList<>();
    for (Object o : (List<?>) js.executeScript("return window.tokTiming.server")) {
      server.add(((Number) o).doubleValue());
    }
    server.sort(null);
    double p90 = times.get((int) Math.ceil(times.size() * 0.9) - 1);
    System.out.printf("tok serve: slider move to re-rendered page on a 60-month model (11 reports, 3 scenarios): "
        + "median %.1f ms (answer %.1f ms, drawing the rest), p90 %.1f ms, max %.1f ms over %d moves (goal < %.0f ms: %s;"
        + " load average %s on %d cores)%n", median, server.get(server.size() / 2), p90, times.get(times.size() - 1),
        times.size(), GOAL_MS, median < GOAL_MS ? "met" : "NOT met", loadAverage(), Runtime.getRuntime().availableProcessors());
    assertTrue(median < LIMIT_MS, "slider-to-render median " + median + " ms");

    // Monte Carlo: a fan on the revenue chart and the tornado.
    driver.findElement(By.id("mc-run")).click();
    wait.until(d -> d.findElement(By.id("mc-status")).getText().contains("samples of"));
    String legend = driver.findElement(By.cssSelector("#charts .chartpanel .u-legend")).getText();
    assertTrue(legend.contains("p5") && legend.contains("p95") && legend.contains("p50"), "a fan on the first chart: " + legend);
    assertTrue(driver.findElement(By.id("tornado-panel")).isDisplayed());
    assertTrue(driver.findElement(By.id("scalars")).getText().contains("p95"));

    // The page as the README shows it: the fan on the first chart, the statistics in the table.
    File shot = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    try {
      Files.copy(shot.toPath(), Path.of("target", "serve-playground.png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      fail("cannot keep the screenshot: " + e.getMessage());
    }

    // Explain on click.
    driver.findElement(By.cssSelector("#scalars [data-explain=value]")).click();
    wait.until(d -> d.findElement(By.id("explain")).isDisplayed());
    assertTrue(driver.findElement(By.id("explain-tree")).getText().contains("cash"));

    // Save back: a comment typed at the end is in the file after Ctrl-S.
    driver.findElement(By.id("explain-close")).click();
    js.executeScript("var cm = document.querySelector('.CodeMirror').CodeMirror; cm.focus(); cm.execCommand('goDocEnd');");
    input.sendKeys("// checked in the browser");
    wait.until(d -> d.findElement(By.id("status")).getText().equals("unsaved changes"));
    input.sendKeys(Keys.chord(Keys.CONTROL, "s"));
    wait.until(d -> d.findElement(By.id("status")).getText().equals("saved"));
    assertTrue(Files.readString(file).endsWith("// checked in the browser"), "saved to " + file);
  }

  /** The 1-minute load average, which says how far the figure is from an idle machine's. */
  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static String valueCell(WebDriver d) {
    for (WebElement row : d.findElements(By.cssSelector("#scalars tr"))) {
      if (row.getText().startsWith("value")) {
        return row.findElements(By.tagName("td")).get(2).getText();
      }
    }
    return "";
  }

  /** Chromium and chromedriver from Debian; CI must have them (.ci/run installs them), a developer may not. */
  private static void requireBrowser() {
    if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
      return;
    }
    String why = "the browser test needs Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
        + "): apt-get install -y chromium chromium-driver";
    if (System.getenv("CI") != null) {
      fail(why + " — .ci/run installs them; the install must have failed");
    }
    Assumptions.abort("skipped: " + why);
  }

  private WebDriver browser() throws IOException {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1000",
        "--user-data-dir=" + Files.createDirectory(dir.resolve("chromium-profile")));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }
}

package org.tokenomics.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenomics.CompilationException;
import org.tokenomics.Model;
import org.tokenomics.Scenario;
import org.tokenomics.Simulation;
import org.tokenomics.Tokenomics;

/**
 * Monte Carlo on Spark in local mode (one session for the class, two cores): the numbers equal a
 * local run with the same seed bit for bit, a model's import and CSV data file reach the executors
 * (which compile the bundle in a folder of their own),
 * and a broken model or a bad override fails on the driver before any Spark job starts.
 */
class SparkSimulateTest {
  private static SparkSession spark;
  private static AtomicInteger jobs;

  @TempDir
  static Path dir;

  @BeforeAll
  static void start() throws Exception {
    spark = SparkFixture.session();
    jobs = SparkFixture.jobCounter(spark);
    SparkFixture.campus(dir);
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  private static Model local() {
    return Tokenomics.standard().compile(dir.resolve("campus/main.tok")).model();
  }

  @Test
  void aSparkRunEqualsTheLocalRunBitForBit() {
    ModelBundle bundle = ModelBundle.of(dir.resolve("campus/main.tok"));
    assertEquals(List.of("data/prices.csv", "lib/costs.tok", "main.tok"), List.copyOf(bundle.files().keySet()));
    Simulation here = local().simulate(Scenario.named("bear"), Map.of("pue", "1.4"), 3_000, 42L);
    // five ranges over two cores: parts merge on the executors and the driver in Spark's order
    Simulation there = SparkTok.simulate(spark, bundle, Scenario.named("bear"), Map.of("pue", "1.4"), 3_000, 42L, 5);
    assertEquals(here.samples(), there.samples());
    assertEquals(here.reportNames(), there.reportNames());
    for (String r : here.reportNames()) {
      assertArrayEquals(here.mean(r).values(), there.mean(r).values(), r);
      assertArrayEquals(here.standardError(r).values(), there.standardError(r).values(), r);
      for (double q : new double[] {0.05, 0.5, 0.95}) {
        assertArrayEquals(here.quantile(r, q).values(), there.quantile(r, q).values(), r + " q" + q);
      }
    }
    assertEquals(here.toString(), there.toString());
  }

  @Test
  void theDefaultSplitIsOneRangePerCore() {
    ModelBundle bundle = ModelBundle.of(dir.resolve("campus/main.tok"));
    Simulation there = SparkTok.simulate(spark, bundle, Scenario.BASE, Map.of(), 101, 7L);
    Simulation here = local().simulate(101, 7L);
    assertArrayEquals(here.quantile("value_now", 0.5).values(), there.quantile("value_now", 0.5).values());
    assertArrayEquals(here.mean("cash").values(), there.mean("cash").values());
  }

  @Test
  void aBrokenModelFailsOnTheDriverWithItsDiagnostics() throws Exception {
    Files.createDirectories(dir.resolve("broken"));
    Files.writeString(dir.resolve("broken/main.tok"), "param capex = $5B\nlet rate = $1B/yr\nreport bad = capex + rate\n");
    int before = jobs.get();
    CompilationException e = assertThrows(CompilationException.class, () -> ModelBundle.of(dir.resolve("broken/main.tok")));
    assertEquals("TOK300", e.diagnostics().get(0).code());
    assertEquals(3, e.diagnostics().get(0).line());
    assertEquals(before, jobs.get(), "no Spark job may start for a broken model");
  }

  @Test
  void aBadOverrideOrScenarioFailsBeforeAnyJob() {
    ModelBundle bundle = ModelBundle.of(dir.resolve("campus/main.tok"));
    int before = jobs.get();
    assertThrows(IllegalArgumentException.class,
        () -> SparkTok.simulate(spark, bundle, Scenario.BASE, Map.of("pue", "5 GW"), 100, 1L));
    assertThrows(IllegalArgumentException.class,
        () -> SparkTok.simulate(spark, bundle, Scenario.named("bull"), Map.of(), 100, 1L));
    IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
        () -> SparkTok.simulate(spark, bundle, Scenario.BASE, Map.of(), Integer.MAX_VALUE, 1L));
    assertTrue(big.getMessage().contains("maxSampleValues"), big.getMessage());
    assertEquals(before, jobs.get());
  }

  @Test
  void aBundleWhoseContentsDoNotMatchItsHashIsRefused() {
    ModelBundle b = ModelBundle.of(dir.resolve("campus/main.tok"));
    Map<String, String> changed = new java.util.TreeMap<>(b.files());
    changed.put("lib/costs.tok", "param pue = 9\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ModelBundle(b.main(), changed, b.version(), b.plugins(), b.hash()));
    assertTrue(e.getMessage().contains("hash"), e.getMessage());
  }

  @Test
  void rangesCoverEverySampleOnce() {
    for (int samples : new int[] {1, 2, 7, 100, 1_000_003}) {
      for (int slices : new int[] {1, 2, 3, 64, 5_000_000}) {
        long next = 0;
        for (long[] r : SparkTok.ranges(samples, slices)) {
          assertEquals(next, r[0]);
          assertTrue(r[1] >= 1);
          next += r[1];
        }
        assertEquals(samples, next);
      }
    }
  }
}

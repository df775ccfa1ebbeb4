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
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
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
  private static final AtomicInteger JOBS = new AtomicInteger();

  @TempDir
  static Path dir;

  @BeforeAll
  static void start() throws Exception {
    spark = SparkSession.builder().master("local[2]").appName("tok-spark-test")
        .config("spark.ui.enabled", "false").config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1").config("spark.sql.shuffle.partitions", "2").getOrCreate();
    spark.sparkContext().addSparkListener(new SparkListener() {
      @Override
      public void onJobStart(SparkListenerJobStart jobStart) {
        JOBS.incrementAndGet();
      }
    });
    Files.createDirectories(dir.resolve("campus/lib"));
    Files.createDirectories(dir.resolve("campus/data"));
    Files.writeString(dir.resolve("campus/lib/costs.tok"), """
        param capex_per_gw = uniform($40B/GW, $55B/GW)
        param power_price  = lognormal(50 $/MWh, 120 $/MWh)
        param pue          = 1.25
        """);
    Files.writeString(dir.resolve("campus/data/prices.csv"), "quarter,power\n2026-Q1,1.0\n2026-Q3,1.1\n2027-Q2,1.3\n");
    Files.writeString(dir.resolve("campus/main.tok"), """
        import "lib/costs.tok"
        timeline 2026 to 2028 quarterly
        param capacity = 1 GW
        param growth   = triangular(1 %, 3 %, 6 %)
        param value    = $20B/GW/yr
        let online     = capacity * ramp(from: 2026-04, over: 6 month)
        let revenue    = online * value * grow(by: growth, every: quarter)
        let power      = online * pue * power_price * csv("data/prices.csv", column: "power")
        let cash       = (revenue - power) * dt
        report revenue as $B/yr
        report cash as $B
        report capex = capex_per_gw * capacity as $B
        report value_now = npv(cash, 9 %, initial: capex_per_gw * capacity) as $B
        scenario bear { value = $15B/GW/yr }
        """);
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
    int before = JOBS.get();
    CompilationException e = assertThrows(CompilationException.class, () -> ModelBundle.of(dir.resolve("broken/main.tok")));
    assertEquals("TOK300", e.diagnostics().get(0).code());
    assertEquals(3, e.diagnostics().get(0).line());
    assertEquals(before, JOBS.get(), "no Spark job may start for a broken model");
  }

  @Test
  void aBadOverrideOrScenarioFailsBeforeAnyJob() {
    ModelBundle bundle = ModelBundle.of(dir.resolve("campus/main.tok"));
    int before = JOBS.get();
    assertThrows(IllegalArgumentException.class,
        () -> SparkTok.simulate(spark, bundle, Scenario.BASE, Map.of("pue", "5 GW"), 100, 1L));
    assertThrows(IllegalArgumentException.class,
        () -> SparkTok.simulate(spark, bundle, Scenario.named("bull"), Map.of(), 100, 1L));
    IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
        () -> SparkTok.simulate(spark, bundle, Scenario.BASE, Map.of(), Integer.MAX_VALUE, 1L));
    assertTrue(big.getMessage().contains("maxSampleValues"), big.getMessage());
    assertEquals(before, JOBS.get());
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

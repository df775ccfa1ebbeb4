package org.tokenomics.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenomics.CompilationException;
import org.tokenomics.GlobalSensitivity;
import org.tokenomics.Model;
import org.tokenomics.Scenario;
import org.tokenomics.Sweep;
import org.tokenomics.Tokenomics;

/**
 * Sweeps and Sobol/Morris analyses on Spark in local mode (one session for the class, two cores),
 * on a model with an import and a CSV data file: the results equal the local API's, bit for bit;
 * what a local run refuses is refused on the driver before any job starts.
 */
class SparkStudiesTest {
  private static SparkSession spark;
  private static AtomicInteger jobs;
  private static Path main;
  private static Model local;

  @TempDir
  static Path dir;

  @BeforeAll
  static void start() throws Exception {
    spark = SparkFixture.session();
    jobs = SparkFixture.jobCounter(spark);
    main = SparkFixture.campus(dir);
    local = Tokenomics.standard().compile(main).model();
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  static void assertSameSweep(Sweep expected, Sweep actual) {
    assertEquals(expected.reports(), actual.reports());
    assertEquals(expected.axes().size(), actual.axes().size());
    for (int a = 0; a < expected.axes().size(); a++) {
      assertEquals(expected.axes().get(a).name(), actual.axes().get(a).name());
      assertEquals(expected.axes().get(a).unit(), actual.axes().get(a).unit());
      assertTrue(Arrays.equals(expected.axes().get(a).values(), actual.axes().get(a).values()));
    }
    assertEquals(expected.points().size(), actual.points().size());
    for (int i = 0; i < expected.points().size(); i++) {
      Sweep.Point p = expected.points().get(i);
      Sweep.Point q = actual.points().get(i);
      assertTrue(Arrays.equals(p.inputs(), q.inputs()), "point " + i);
      for (int r = 0; r < p.values().size(); r++) {
        assertTrue(Arrays.equals(p.values().get(r), q.values().get(r)), "point " + i + " report " + r);
      }
      assertEquals(p.failedAssertions(), q.failedAssertions());
      assertEquals(p.error(), q.error());
    }
  }

  @Test
  void aSweepOnSparkEqualsTheLocalSweepInOrderAndValues() {
    List<Sweep.Vary> vary = List.of(Sweep.Vary.parse("capacity=0.5 GW..2 GW:4"),
        Sweep.Vary.parse("power_price=40 $/MWh..160 $/MWh:7"));
    Map<String, String> set = Map.of("pue", "1.3");
    Sweep here = local.sweep(vary, Scenario.named("bear"), set);
    // five slices of 28 points over two cores, joined in grid order
    Sweep there = SparkTok.sweep(spark, ModelBundle.of(main), vary, Scenario.named("bear"), set, 5);
    assertTrue(there.ok(), there.diagnostics().toString());
    assertEquals(28, there.points().size());
    assertSameSweep(here, there);
  }

  /** 4 blocks of Sobol rows (the last short) in three parts at tree level 1, and the default split. */
  @Test
  void aSobolAnalysisOnSparkEqualsTheLocalOneBitForBit() {
    int n = 3 * 4096 + 5;
    GlobalSensitivity here = local.globalSensitivity("sobol", "value_now", n, 42L, Scenario.named("bear"),
        Map.of("pue", "1.4"));
    assertTrue(here.ok(), here.diagnostics().toString());
    ModelBundle bundle = ModelBundle.of(main);
    assertEquals(here, SparkTok.sensitivity(spark, bundle, "sobol", "value_now", n, 42L, Scenario.named("bear"),
        Map.of("pue", "1.4"), 3));
    assertEquals(here, SparkTok.sensitivity(spark, bundle, "sobol", "value_now", n, 42L, Scenario.named("bear"),
        Map.of("pue", "1.4")));
    assertEquals(3, here.params().size());
  }

  @Test
  void aMorrisAnalysisOnSparkEqualsTheLocalOne() {
    GlobalSensitivity here = local.globalSensitivity("morris", "value_now", 30, 7L, Scenario.BASE, Map.of());
    assertEquals(here, SparkTok.sensitivity(spark, ModelBundle.of(main), "morris", "value_now", 30, 7L, Scenario.BASE,
        Map.of(), 4));
  }

  @Test
  void whatALocalRunRefusesIsRefusedOnTheDriverBeforeAnyJob() throws Exception {
    ModelBundle bundle = ModelBundle.of(main);
    int before = jobs.get();
    GlobalSensitivity unknown = SparkTok.sensitivity(spark, bundle, "sobol", "value_nwo", 5_000, 1L, Scenario.BASE,
        Map.of());
    assertFalse(unknown.ok());
    assertEquals(local.globalSensitivity("sobol", "value_nwo", 5_000, 1L, Scenario.BASE, Map.of()).diagnostics(),
        unknown.diagnostics());
    assertTrue(unknown.diagnostics().get(0).help().contains("value_now"), unknown.toString());
    Sweep badBound = SparkTok.sweep(spark, bundle, List.of(Sweep.Vary.parse("capacity=1..2 GW:3")), Scenario.BASE,
        Map.of());
    assertFalse(badBound.ok());
    assertEquals("TOK300", badBound.diagnostics().get(0).code(), badBound.toString());
    assertThrows(IllegalArgumentException.class, () -> SparkTok.sensitivity(spark, bundle, "sobol", "value_now", 100,
        1L, Scenario.BASE, Map.of("pue", "5 GW")));
    assertThrows(IllegalArgumentException.class, () -> SparkTok.sweep(spark, bundle,
        List.of(Sweep.Vary.parse("capacity=1 GW..2 GW:3")), Scenario.named("bull"), Map.of()));
    Files.createDirectories(dir.resolve("broken"));
    Files.writeString(dir.resolve("broken/main.tok"), "param x = uniform(1, 2)\nreport y = x + 1 GW\n");
    CompilationException e = assertThrows(CompilationException.class, () -> ModelBundle.of(dir.resolve("broken/main.tok")));
    assertEquals(2, e.diagnostics().get(0).line());
    assertEquals(before, jobs.get(), "no Spark job may start");
  }
}

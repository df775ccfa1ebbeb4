package org.tokenomics.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;

/** What the Spark test classes share: a local[2] session and a model with an import and a CSV data file. */
final class SparkFixture {
  private SparkFixture() {}

  /** A local session on two cores, bound to 127.0.0.1, without the web UI. */
  static SparkSession session() {
    return SparkSession.builder().master("local[2]").appName("tok-spark-test")
        .config("spark.ui.enabled", "false").config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1").config("spark.sql.shuffle.partitions", "2").getOrCreate();
  }

  /** A counter of the jobs {@code spark} starts from now on (to show a refusal started none). */
  static AtomicInteger jobCounter(SparkSession spark) {
    AtomicInteger jobs = new AtomicInteger();
    spark.sparkContext().addSparkListener(new SparkListener() {
      @Override
      public void onJobStart(SparkListenerJobStart jobStart) {
        jobs.incrementAndGet();
      }
    });
    return jobs;
  }

  /**
   * {@code DIR/campus/main.tok}, which imports {@code lib/costs.tok} (two distributions) and reads
   * {@code data/prices.csv}, with a scenario {@code bear}.
   */
  static Path campus(Path dir) throws IOException {
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
    return dir.resolve("campus/main.tok");
  }
}

package org.tokenomics.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The fused pass over a kept column ({@link ExactFeed}) gives, bit for bit, what the three
 * separate passes give (the moments, the selection's summary), whatever the
 * values: NaN, signed zeros, values near the largest double that rescale the sums, tiny ones.
 */
class ExactFeedProperties {
  @Provide
  Arbitrary<List<Double>> values() {
    Arbitrary<Double> ordinary = Arbitraries.doubles().between(-1e6, 1e9);
    Arbitrary<Double> special = Arbitraries.of(Double.NaN, 0.0, -0.0, 1e308, -1e308, Double.MAX_VALUE, 1e-300, -4.9e-324,
        1e-12, 3.0, Double.POSITIVE_INFINITY);
    Arbitrary<Double> wide = Arbitraries.doubles().between(1, 300).map(e -> Math.pow(10, e - 150));
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, ordinary), net.jqwik.api.Tuple.of(1, special),
        net.jqwik.api.Tuple.of(2, wide)).list().ofMaxSize(400);
  }

  @Property(tries = 400)
  void theFusedPassIsTheTwoPasses(@ForAll("values") List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    double[] before = v.clone();
    Moments m1 = new Moments();
    m1.addAll(v, 0, v.length);
    OrderStatistics.Summary q1 = OrderStatistics.Summary.of(v, v.length);
    Moments m2 = new Moments();
    OrderStatistics.Summary q2 = ExactFeed.column(v, v.length, m2);
    assertEquals(m1.count(), m2.count());
    assertEquals(Double.doubleToLongBits(m1.mean()), Double.doubleToLongBits(m2.mean()), "mean");
    assertEquals(Double.doubleToLongBits(m1.standardError()), Double.doubleToLongBits(m2.standardError()), "se");
    assertEquals(q1.size, q2.size);
    assertEquals(q1.negatives, q2.negatives);
    assertEquals(q1.minKey, q2.minKey);
    assertEquals(q1.maxKey, q2.maxKey);
    assertEquals(Arrays.stream(v).filter(x -> !Double.isNaN(x)).count(), q2.size);
    assertEquals(Arrays.toString(before), Arrays.toString(v), "the column is not written");
  }

  /**
   * Blocks finished in any order, on several threads, are fed in sample order: the ordered feed
   * gives what one pass over the whole column gives, bit for bit.
   */
  @Property(tries = 60)
  void blocksDoneInAnyOrderAreFedInSampleOrder(@ForAll("values") List<Double> values,
                                               @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 40) int block,
                                               @ForAll long shuffle) throws Exception {
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    Moments m1 = new Moments();
    OrderStatistics.Summary q1 = ExactFeed.column(v, v.length, m1);
    double[][] columns = {v, v.clone()};
    OrderedFeed feed = new OrderedFeed(columns, v.length, block);
    List<Integer> order = new java.util.ArrayList<>();
    for (int b = 0; b * block < v.length; b++) {
      order.add(b);
    }
    java.util.Collections.shuffle(order, new java.util.Random(shuffle));
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
    try {
      for (Integer b : order) {
        pool.submit(() -> feed.done(b));
      }
    } finally {
      pool.shutdown();
      pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
    }
    assertEquals(true, feed.complete() || v.length == 0);
    for (int c = 0; c < 2; c++) {
      assertEquals(m1.count(), feed.moments[c].count());
      assertEquals(Double.doubleToLongBits(m1.mean()), Double.doubleToLongBits(feed.moments[c].mean()));
      assertEquals(Double.doubleToLongBits(m1.standardError()), Double.doubleToLongBits(feed.moments[c].standardError()));
      assertEquals(q1.size, feed.summaries[c].size);
      assertEquals(q1.negatives, feed.summaries[c].negatives);
      assertEquals(q1.minKey, feed.summaries[c].minKey);
      assertEquals(q1.maxKey, feed.summaries[c].maxKey);
    }
  }
}

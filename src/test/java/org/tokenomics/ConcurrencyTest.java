package org.tokenomics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One Model evaluated from 16 threads at once gives the same numbers as one thread. */
class ConcurrencyTest {
  static final String MODEL = ApiTest.PAYBACK + """
      param hurdle = 8 %
      chip H100 { power = 700 W/GPU; price = $25k/GPU }
      cluster site { chip = H100; facility_power = 100 MW; energy_price = $60/MWh; ramp = 1 yr }
      solve fair_margin for gross_margin so that npv(revenue * dt, hurdle, initial: capex) == $0 within 1 % to 99 %
      report site.chips as GPU
      report site.cost as $M/yr
      report fair_margin as %
      report irr = irr(revenue * dt, initial: capex) as %
      """;

  @Test
  void sixteenThreadsMatchOneThread() throws Exception {
    Model model = Tokenomics.standard().compile("mt.tok", MODEL).model();
    List<String> overrides = List.of("40 %", "45 %", "50 %", "55 %", "60 %", "65 %", "70 %", "75 %");
    List<double[]> expected = new ArrayList<>();
    for (String o : overrides) {
      expected.add(snapshot(model, o));
    }
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<List<double[]>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int offset = t;
        Callable<List<double[]>> job = () -> {
          start.await();
          List<double[]> got = new ArrayList<>();
          for (int round = 0; round < 5; round++) {
            for (int i = 0; i < overrides.size(); i++) {
              got.add(snapshot(model, overrides.get((i + offset) % overrides.size())));
            }
          }
          return got;
        };
        futures.add(pool.submit(job));
      }
      start.countDown();
      for (int t = 0; t < threads; t++) {
        List<double[]> got = futures.get(t).get();
        for (int k = 0; k < got.size(); k++) {
          int i = (k % overrides.size() + t) % overrides.size();
          assertArrayEquals(expected.get(i), got.get(k), 0.0, "thread " + t + ", override " + overrides.get(i));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void oneEvaluationSharedBetweenThreads() throws Exception {
    Evaluation e = Tokenomics.standard().compile("mt.tok", MODEL).model().evaluate();
    double expected = Tokenomics.standard().compile("mt.tok", MODEL).model().evaluate().value("site.cost").series("$/yr")[1];
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<Double>> fs = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        fs.add(pool.submit(() -> e.value("site.cost").series("$/yr")[1]));
      }
      for (Future<Double> f : fs) {
        assertEquals(expected, f.get(), 0.0);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static double[] snapshot(Model model, String margin) {
    Evaluation e = model.evaluate(Map.of("gross_margin", margin));
    List<Double> all = new ArrayList<>();
    for (Value v : e.reports()) {
      for (double d : v.series(null)) {
        all.add(d);
      }
    }
    all.add(e.value("capex").in("$"));
    return all.stream().mapToDouble(Double::doubleValue).toArray();
  }
}

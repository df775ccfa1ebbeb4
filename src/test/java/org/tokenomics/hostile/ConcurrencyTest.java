package org.tokenomics.hostile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.tokenomics.Evaluation;
import org.tokenomics.Model;
import org.tokenomics.Tok;

/** One Model shared by 16 threads gives bit-identical results to one thread. */
class ConcurrencyTest {
  static final String MODEL = """
      timeline 2026-01 to 2030-12 monthly
      param capex_per_gw = $50B/GW
      param growth = 10 %
      let capacity = 1 GW * ramp(from: 2026-07, over: 12 month)
      let capex = capex_per_gw * 1 GW
      let revenue = $20B/yr * capacity / 1 GW * grow(by: growth, every: yr) * halving(every: 36 month)
      let cum = cumsum(revenue * dt)
      report revenue as $B/yr
      report cum as $B
      report npv = npv(revenue * dt, 8 %, initial: capex) as $B
      report top = max(revenue) as $B/yr
      """;

  private static double[] fingerprint(Evaluation e) {
    List<Double> all = new ArrayList<>();
    for (double v : e.value("revenue").series("$B/yr")) {
      all.add(v);
    }
    for (double v : e.value("cum").series("$B")) {
      all.add(v);
    }
    all.add(e.value("npv").in("$B"));
    all.add(e.value("top").in("$B/yr"));
    return all.stream().mapToDouble(Double::doubleValue).toArray();
  }

  @Test
  void sixteenThreadsAgreeWithOne() throws Exception {
    Model model = Tok.model(MODEL);
    List<Map<String, String>> inputs = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      inputs.add(Map.of("growth", (i % 16) + " %", "capex_per_gw", "$" + (30 + i) + "B/GW"));
    }
    List<double[]> single = new ArrayList<>();
    for (Map<String, String> in : inputs) {
      single.add(fingerprint(model.evaluate(in)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      for (int round = 0; round < 4; round++) {
        List<Future<double[]>> futures = new ArrayList<>();
        for (Map<String, String> in : inputs) {
          Callable<double[]> task = () -> fingerprint(model.evaluate(in));
          futures.add(pool.submit(task));
        }
        for (int i = 0; i < inputs.size(); i++) {
          assertArrayEquals(single.get(i), futures.get(i).get(), "input " + i);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}

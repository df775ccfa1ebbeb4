package org.tokenomics.hostile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A short fuzz run in every build (a few seconds). The long run: {@code mvn -Pfuzz verify}
 * (200,000 inputs; set -Dfuzz.inputs=N and -Dfuzz.seed=S to change).
 */
class FuzzTest {
  @Test
  void mutatedSamplesNeverThrowOrHang() throws Exception {
    int inputs = Integer.getInteger("fuzz.inputs", 1500);
    long seed = Long.getLong("fuzz.seed", 20261123L);
    long start = System.nanoTime();
    List<Fuzzer.Failure> failures = new Fuzzer().run(seed, inputs, 10_000);
    long ms = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("fuzz: %d inputs from seed %d in %d ms, %d failures%n", inputs, seed, ms, failures.size());
    for (Fuzzer.Failure f : failures) {
      System.out.println("---- input:\n" + f.input() + "\n---- error:");
      f.error().printStackTrace(System.out);
    }
    assertTrue(failures.isEmpty(), failures.size() + " inputs failed; the first: " + (failures.isEmpty() ? "" : failures.get(0).error()));
  }
}

package org.tokenomics.hostile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing in every build: about 45 seconds of inputs from a fixed seed (the same inputs every
 * time, as many as the machine gets through). The long run: {@code -Dfuzz.long=true} (200,000
 * inputs, no time limit; {@code -Dfuzz.inputs=N -Dfuzz.seed=S -Dfuzz.millis=M} to change), or outside
 * Maven with {@code Fuzzer.main N SEED CORPUS MILLIS}. New findings are written to {@code target/fuzz-findings/}; keep them in
 * {@code src/test/resources/fuzz/} and {@link FuzzCorpusTest} replays them.
 */
class FuzzTest {
  static final long SEED = 20261206L;

  @Test
  void fuzzedInputsNeverThrowHangOrPrintNonFiniteNumbers() throws Exception {
    boolean longRun = Boolean.getBoolean("fuzz.long");
    long inputs = Long.getLong("fuzz.inputs", longRun ? 200_000 : 1_000_000);
    long seed = Long.getLong("fuzz.seed", SEED);
    long budget = Long.getLong("fuzz.millis", longRun ? Long.MAX_VALUE : 45_000);
    Fuzzer.Report r = new Fuzzer(Path.of("target", "fuzz-findings")).run(seed, inputs, budget);
    System.out.print(r.summary());
    assertTrue(r.inputs() > 0, "no input was run");
    assertTrue(r.findings().isEmpty(), () -> r.summary());
  }
}

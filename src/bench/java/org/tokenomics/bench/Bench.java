package org.tokenomics.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.tokenomics.Model;
import org.tokenomics.Tokenomics;

/** The benchmark model and its checks, shared by the benchmarks. */
final class Bench {
  private Bench() {}

  static final String NAME = "sixty-months.tok";

  static String source() {
    try (InputStream in = Bench.class.getResourceAsStream(NAME)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Model model() {
    return Tokenomics.standard().compile(NAME, source()).model();
  }

  /** The reports of a Tok run of {@code model} in base units, in HandWritten.Outputs order. */
  static HandWritten.Outputs outputs(Model model) {
    var compiled = org.tokenomics.TestModels.compiled(model);
    var run = org.tokenomics.run.Runner.run(compiled, compiled.program(), "base");
    java.util.Map<String, double[]> byName = new java.util.HashMap<>();
    run.reports().forEach(r -> byName.put(r.spec().name(), r.values()));
    HandWritten.Outputs out = new HandWritten.Outputs();
    String[] names = {"revenue", "opex", "ebitda", "cash", "online", "demand", "power_cost", "depreciation", "margin",
        "cumulative_cash"};
    double[][] series = out.series();
    for (int r = 0; r < names.length; r++) {
      System.arraycopy(byName.get(names[r]), 0, series[r], 0, HandWritten.PERIODS);
    }
    out.value = byName.get("value")[0];
    return out;
  }

  /** Fails unless both give the same numbers (to 1e-9 of each value). */
  static void check(String what, HandWritten.Outputs expected, HandWritten.Outputs actual) {
    double[][] a = expected.series();
    double[][] b = actual.series();
    for (int r = 0; r < a.length; r++) {
      for (int p = 0; p < a[r].length; p++) {
        same(what + " report " + r + " period " + p, a[r][p], b[r][p]);
      }
    }
    same(what + " npv", expected.value, actual.value);
  }

  static void same(String what, double a, double b) {
    if (!(Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)) + 1e-300)) {
      throw new AssertionError(what + ": " + a + " vs " + b);
    }
  }
}

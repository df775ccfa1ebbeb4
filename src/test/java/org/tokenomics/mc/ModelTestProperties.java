package org.tokenomics.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import org.tokenomics.Model;
import org.tokenomics.TestModels;
import org.tokenomics.TestOptions;
import org.tokenomics.TestResult;
import org.tokenomics.cli.Main;

/**
 * Properties of {@code tok test}'s shrinking over planted failures {@code usage <= U and price >= P}:
 * the counterexample changes only the params the failure needs, each no further from its default
 * than the failure's boundary (within the rounding tolerance), and it reproduces with
 * {@code tok run --set …}.
 */
class ModelTestProperties {
  private static String model(double u, double p) {
    return "param usage = 70 % within 10 % to 100 %\n"
        + "param price = $2/Mtok within $1/Mtok to $4/Mtok\n"
        + "param volume = 100 Mtok/h within 50 Mtok/h to 200 Mtok/h\n"
        + "assert usage > " + u + " % or price < $" + p + "/Mtok \"covered\"\n";
  }

  @Property(tries = 15)
  void shrinkingStopsAtTheBoundaryAndTheSetLinesReproduce(@ForAll @DoubleRange(min = 11, max = 69) double u,
                                                          @ForAll @DoubleRange(min = 2.1, max = 3.9) double p,
                                                          @ForAll @LongRange(min = 0, max = 1000) long seed)
      throws IOException {
    String src = model(u, p);
    Model m = TestModels.compile(src);
    TestResult r = m.test(TestOptions.defaults().withSeed(seed).withTries(50).withThreads(2));
    assertEquals(1, r.counterexamples().size(), src);
    Map<String, String> set = r.counterexamples().get(0).set();
    assertEquals(List.of("usage", "price"), List.copyOf(set.keySet()), "only what the failure needs: " + set);
    double usage = m.evaluate(set).value("usage").in("%");
    double price = m.evaluate(set).value("price").in("$/Mtok");
    // Never further from the default than the boundary plus the display rounding (0.1 % of the range);
    // 1e-9 absorbs the round trip of "58.59 %" through base units (58.590000000000001).
    // (and the rounding step itself: a value exactly 0.09 away, 15.3 for 15.39, may read 0.0900000000000016)
    assertTrue(usage <= u + 1e-9 && usage >= u - 0.09 - 1e-9, "usage " + usage + " for a boundary at " + u);
    assertTrue(price >= p - 1e-9 && price <= p + 0.003 + 1e-9, "price " + price + " for a boundary at " + p);
    // Each changed param is needed: back at its default, the assertion holds.
    for (String name : set.keySet()) {
      Map<String, String> fewer = new HashMap<>(set);
      fewer.remove(name);
      assertTrue(m.evaluate(fewer).assertions().get(0).ok(), name + " is needed");
    }
    // tok run with the printed --set lines fails the assertion (exit 1, TOK501).
    Path file = Files.createTempFile("planted", ".tok");
    try {
      Files.writeString(file, src);
      List<String> args = new ArrayList<>(List.of("run", file.toString()));
      set.forEach((k, v) -> args.addAll(List.of("--set", k + "=" + v)));
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int exit = Main.execute(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
      assertEquals(1, exit, out + "\n" + err);
      assertTrue((out + "" + err).contains("TOK501"), out + "\n" + err);
      assertFalse((out + "" + err).contains("TOK302"), out + "\n" + err);
    } finally {
      Files.deleteIfExists(file);
    }
  }
}

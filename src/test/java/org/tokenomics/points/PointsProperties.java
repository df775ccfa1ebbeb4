package org.tokenomics.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.tokenomics.Model;
import org.tokenomics.TestModels;

/**
 * Properties of values given by points (issue 15): {@code curve} passes through its keys,
 * {@code lookup} is monotone between monotone keys, and a {@code series}' total is the sum of
 * its values dated inside the timeline. Models are generated as text and compiled, so the whole
 * path (parser, checker, nodes, generated code) is under test.
 */
class PointsProperties {
  /** Months from 2026-01 (the timeline runs 2026-01 to 2030-12 monthly, 60 periods). */
  private static String month(int m) {
    return String.format(Locale.ROOT, "%04d-%02d", 2026 + m / 12, m % 12 + 1);
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.6f", v);
  }

  @Provide
  Arbitrary<List<double[]>> points() {
    // distinct increasing months and positive values: (month, value) pairs
    return Arbitraries.integers().between(0, 59).set().ofMinSize(1).ofMaxSize(8).flatMap(ms -> {
      List<Integer> sorted = new ArrayList<>(ms);
      sorted.sort(null);
      return Arbitraries.doubles().between(0.01, 1000).list().ofSize(sorted.size()).map(vs -> {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
          out.add(new double[] {sorted.get(i), vs.get(i)});
        }
        return out;
      });
    });
  }

  private static String list(List<double[]> pts, String unit) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < pts.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(month((int) pts.get(i)[0])).append(": ").append(num(pts.get(i)[1])).append(' ').append(unit);
    }
    return b.append(']').toString();
  }

  @Property(tries = 30)
  void curvePassesThroughItsKeys(@ForAll("points") List<double[]> pts, @ForAll("how") String how) {
    Model m = TestModels.compile("timeline 2026-01 to 2030-12 monthly\nreport c = curve(" + list(pts, "$/GPU/h")
        + ", interpolate: " + how + ") as $/GPU/h\n");
    double[] c = m.evaluate().value("c").series("$/GPU/h");
    for (double[] p : pts) {
      double want = Double.parseDouble(num(p[1]));
      assertEquals(want, c[(int) p[0]], 1e-9 * Math.max(1, want), how + " at " + month((int) p[0]));
    }
    // flat before the first key and after the last
    double first = Double.parseDouble(num(pts.get(0)[1]));
    double last = Double.parseDouble(num(pts.get(pts.size() - 1)[1]));
    assertEquals(first, c[0], 1e-9 * Math.max(1, first));
    assertEquals(last, c[59], 1e-9 * Math.max(1, last));
  }

  @Provide
  Arbitrary<String> how() {
    return Arbitraries.of("linear", "step", "log");
  }

  @Property(tries = 30)
  void lookupIsMonotoneBetweenMonotoneKeys(@ForAll @IntRange(min = 2, max = 6) int n, @ForAll("how") String how,
                                           @ForAll("decreasing") List<Double> values) {
    // keys 10, 20, … tok/s with non-increasing values (the InferenceX shape): lookup never rises with x
    StringBuilder b = new StringBuilder("[");
    int k = Math.min(n, values.size());
    for (int i = 0; i < k; i++) {
      b.append(i == 0 ? "" : ", ").append(10 * (i + 1)).append(" tok/s: ").append(num(values.get(i))).append(" tok/s/GPU");
    }
    b.append(']');
    Model m = TestModels.compile("timeline 2026-01 to 2030-12 monthly\nlet speed = curve([2026: 0 tok/s, 2030-12: 80 tok/s])\n"
        + "report y = lookup(speed, " + b + ", interpolate: " + how + ") as tok/s/GPU\n");
    double[] y = m.evaluate().value("y").series("tok/s/GPU");
    for (int i = 1; i < y.length; i++) {
      assertTrue(y[i] <= y[i - 1] * (1 + 1e-12), "rises at period " + i + ": " + y[i - 1] + " -> " + y[i]);
    }
  }

  @Provide
  Arbitrary<List<Double>> decreasing() {
    return Arbitraries.doubles().between(1, 5000).list().ofMinSize(2).ofMaxSize(6).map(vs -> {
      List<Double> s = new ArrayList<>(vs);
      s.sort(java.util.Comparator.reverseOrder());
      return s;
    });
  }

  @Property(tries = 30)
  void seriesTotalIsTheSumOfItsValuesInsideTheTimeline(@ForAll("points") List<double[]> pts,
                                                       @ForAll @IntRange(min = 1, max = 4) int years) {
    // The timeline covers the first `years` years; points after it are left out of the model,
    // points inside it must all be counted once.
    List<double[]> inside = new ArrayList<>();
    for (double[] p : pts) {
      if (p[0] < 12 * years) {
        inside.add(p);
      }
    }
    if (inside.isEmpty()) {
      return;
    }
    double want = 0;
    for (double[] p : inside) {
      want += Double.parseDouble(num(p[1]));
    }
    String end = (2026 + years - 1) + "-12";
    Model m = TestModels.compile("timeline 2026-01 to " + end + " quarterly\nparam plan = series(" + list(inside, "$M")
        + ")\nreport total = sum(plan) as $M\n");
    assertEquals(want, m.evaluate().value("total").in("$M"), 1e-9 * Math.max(1, want));
  }
}

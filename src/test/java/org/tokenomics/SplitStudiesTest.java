package org.tokenomics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * EMBEDDING.md §11 through the public API, without a cluster: a Sobol or Morris analysis split
 * into parts (made in any order, serialized as a cluster ships them) and merged equals the local
 * analysis bit for bit, however many parts; a sweep's slices join into the local sweep.
 */
class SplitStudiesTest {
  static final Model MODEL = Tok.model("""
      timeline 2026 to 2028 yearly
      param x1 = uniform(0, 1)
      param x2 = normal(2, 0.5)
      param x3 = triangular(1, 2, 4)
      param scale = 10
      let y = scale * (x1 + 2 * x2 * x3 + x3 * x3) * grow(by: 5 %, every: 1 yr)
      report total = sum(y) as 1
      report y
      scenario big { scale = 100 }
      """);

  /** A part of a split as it arrives on the driver: through Java serialization. */
  @SuppressWarnings("unchecked")
  static <T> T shipped(T value) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(value);
      }
      try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        return (T) in.readObject();
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static GlobalSensitivity split(Model model, String method, String output, int n, long seed, Scenario scenario,
                                 Map<String, String> overrides, int slices, long shuffle) {
    GlobalSensitivity.Plan plan = model.globalSensitivityPlan(method, output, n, seed, scenario, overrides, slices);
    assertTrue(plan.ok(), plan.diagnostics().toString());
    assertTrue(plan.slices() >= 1 && plan.slices() <= slices, "slices " + plan.slices());
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < plan.slices(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(shuffle));
    List<GlobalSensitivity.Part> parts = new ArrayList<>();
    for (int i : order) {
      parts.add(shipped(model.globalSensitivityPart(shipped(plan), i)));
    }
    GlobalSensitivity merged = GlobalSensitivity.merge(model, plan, parts);
    assertEquals(merged, GlobalSensitivity.merge(model, plan, parts), "merging leaves the parts as they were");
    return merged;
  }

  /** 5 blocks of rows (the last short): splits at tree levels 2, 1 and 0, parts made out of order. */
  @Test
  void aSobolAnalysisSplitIntoPartsEqualsTheLocalOneBitForBit() {
    int n = 4 * 4096 + 100;
    Map<String, String> set = Map.of("x1", "uniform(0, 2)");
    GlobalSensitivity local = MODEL.globalSensitivity("sobol", "total", n, 11L, Scenario.named("big"), set);
    assertTrue(local.ok(), local.diagnostics().toString());
    for (int slices : new int[] {2, 3, 5}) {
      assertEquals(local, split(MODEL, "sobol", "total", n, 11L, Scenario.named("big"), set, slices, slices), "" + slices);
    }
    assertEquals(List.of("x3", "x2", "x1"), local.params().stream().map(GlobalSensitivity.Index::name).toList());
  }

  @Test
  void aMorrisAnalysisSplitIntoPartsEqualsTheLocalOne() {
    GlobalSensitivity local = MODEL.globalSensitivity("morris", "total", 37, 5L, Scenario.BASE, Map.of());
    assertTrue(local.ok());
    assertEquals(local, split(MODEL, "morris", "total", 37, 5L, Scenario.BASE, Map.of(), 4, 9L));
  }

  /** Rare failing rows: the merged analysis reports the same, earliest, error as the local one. */
  @Test
  void theEarliestEvaluationErrorOfAnyPartIsTheLocalOne() {
    Model m = Tok.model("""
        param x1 = uniform(0, 1)
        param x2 = uniform(0, 1)
        report y = sqrt(x1 - 0.0002) + x2
        """);
    int n = 3 * 4096;
    GlobalSensitivity local = m.globalSensitivity("sobol", "y", n, 3L, Scenario.BASE, Map.of());
    assertFalse(local.ok());
    GlobalSensitivity merged = split(m, "sobol", "y", n, 3L, Scenario.BASE, Map.of(), 3, 1L);
    assertEquals(local.diagnostics(), merged.diagnostics());
    assertTrue(merged.diagnostics().get(0).message().contains("square root"), merged.toString());
  }

  /** What a local run refuses before evaluating, a plan refuses: no part can be made from it. */
  @Test
  void aPlanChecksWhatTheLocalRunChecks() {
    GlobalSensitivity.Plan plan = MODEL.globalSensitivityPlan("sobol", "totl", 100, 1L, Scenario.BASE, Map.of(), 4);
    assertFalse(plan.ok());
    assertTrue(plan.diagnostics().get(0).help().contains("total"), plan.toString());
    assertEquals(plan.diagnostics(), GlobalSensitivity.merge(MODEL, plan, List.of()).diagnostics());
    assertThrows(IllegalArgumentException.class, () -> MODEL.globalSensitivityPart(plan, 0));
    assertThrows(IllegalArgumentException.class,
        () -> MODEL.globalSensitivityPlan("sobol", "total", 100, 1L, Scenario.BASE, Map.of("x1", "3 GW"), 4));
    GlobalSensitivity.Plan good = MODEL.globalSensitivityPlan("sobol", "total", 100, 1L, Scenario.BASE, Map.of(), 4);
    assertEquals(1, good.slices(), "100 rows are one block");
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> GlobalSensitivity.merge(MODEL, good, List.of()));
    assertTrue(missing.getMessage().contains("missing"), missing.getMessage());
  }

  @Test
  void aSweepsSlicesJoinIntoTheLocalSweep() {
    List<Sweep.Vary> vary = List.of(Sweep.Vary.parse("x2=1..3:4"), Sweep.Vary.parse("scale=1..100:5"));
    Sweep local = MODEL.sweep(vary, Scenario.BASE, Map.of("x3", "2.5"));
    List<Sweep> slices = new ArrayList<>();
    for (int first = 0; first < 20; first += 7) {
      slices.add(shipped(MODEL.sweep(vary, Scenario.BASE, Map.of("x3", "2.5"), first, 7)));
    }
    assertEquals(20, slices.get(0).gridSize());
    assertEquals(6, slices.get(2).points().size());
    Sweep joined = Sweep.join(slices);
    assertEquals(local.points().size(), joined.points().size());
    for (int i = 0; i < local.points().size(); i++) {
      Sweep.Point a = local.points().get(i);
      Sweep.Point b = joined.points().get(i);
      assertEquals(java.util.Arrays.toString(a.inputs()), java.util.Arrays.toString(b.inputs()));
      for (int r = 0; r < a.values().size(); r++) {
        assertEquals(java.util.Arrays.toString(a.values().get(r)), java.util.Arrays.toString(b.values().get(r)));
      }
    }
    Sweep bad = MODEL.sweep(List.of(Sweep.Vary.parse("x2=1 GW..3:4")), Scenario.BASE, Map.of(), 0, 1);
    assertFalse(bad.ok());
    assertEquals(bad, Sweep.join(List.of(bad)));
  }
}

package org.tokenomics.jqwik;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.tokenomics.Model;

/** The jqwik bridge catches a planted bug and shrinks it toward the defaults. */
class JqwikBridgeTest {
  @Test
  void aPropertyOverAPlantedBugFailsWithASmallCounterexample() {
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClass(PlantedBugProperty.class))
        .configurationParameter("jqwik.database", "target/jqwik-planted.database")
        .build(), listener);
    TestExecutionSummary summary = listener.getSummary();
    assertEquals(1, summary.getTestsFoundCount());
    assertEquals(1, summary.getTestsFailedCount(), "the planted bug must be caught");
    Map<String, String> shrunk = PlantedBugProperty.lastFailure;
    // Shrinking toward the defaults leaves only what the bug needs: usage below 25 % (and the
    // minimum above it, which the default 40 % already is).
    assertEquals(java.util.Set.of("usage"), shrunk.keySet(), shrunk.toString());
    Model m = PlantedBugProperty.BUGGY;
    double usage = HostProperties.valueOf(shrunk.get("usage"), "%");
    assertTrue(usage < 25, shrunk.toString());
    assertTrue(m.evaluate(shrunk).value("bill").in("$/h") < m.evaluate(shrunk).value("floor").in("$/h"));
  }

  @Test
  void valuesStayInTheRangeAndItsEdgesIncludeTheDefault() {
    Model m = HostProperties.TAKE_OR_PAY;
    var usage = m.testInputs("usage").get(0);
    var values = ModelArbitraries.values(usage);
    values.sampleStream().limit(500).forEach(v -> assertTrue(v >= 0 && v <= 100, "usage " + v));
    // The edge cases are the ends of the range and the default itself, generated exactly.
    java.util.Set<Double> edges = new java.util.HashSet<>();
    values.edgeCases().forEach(e -> edges.add(e.value()));
    assertTrue(edges.containsAll(java.util.List.of(0.0, 100.0, 60.0)), edges.toString());
  }
}

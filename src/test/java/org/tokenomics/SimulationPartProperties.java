package org.tokenomics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * EMBEDDING.md §10 through the public API: partial simulations over ranges of samples, merged in
 * any order and grouping (as a Spark reduce would), equal the whole run bit for bit.
 */
class SimulationPartProperties {
  @Property(tries = 25)
  void aMergedPairOfPartialSimulationsEqualsTheWholeRun(@ForAll @IntRange(min = 2, max = 600) int n,
                                                        @ForAll @IntRange(min = 1, max = 599) int cut,
                                                        @ForAll long seed, @ForAll boolean reversed) {
    int split = 1 + cut % (n - 1);
    SimulationPart a = SimulationPartTest.MODEL.simulatePart(Scenario.BASE, Map.of(), 0, split, seed,
        SimulationPartTest.threads(2));
    SimulationPart b = SimulationPartTest.MODEL.simulatePart(Scenario.BASE, Map.of(), split, n - split, seed,
        SimulationPartTest.threads(1));
    Simulation whole = SimulationPartTest.MODEL.simulate(Scenario.BASE, Map.of(), n, seed, SimulationPartTest.threads(2));
    SimulationPartTest.assertSame(whole, Simulation.merge(SimulationPartTest.MODEL, reversed ? List.of(b, a) : List.of(a, b)));
  }

  @Property(tries = 15)
  void manyPartsMergeInAnyGrouping(@ForAll @IntRange(min = 3, max = 8) int parts, @ForAll long seed,
                                   @ForAll long shuffle) {
    Random random = new Random(shuffle);
    List<SimulationPart> pieces = new ArrayList<>();
    int first = 0;
    for (int i = 0; i < parts; i++) {
      int count = 1 + random.nextInt(120);
      pieces.add(SimulationPartTest.MODEL.simulatePart(Scenario.BASE, Map.of(), first, count, seed,
          SimulationPartTest.threads(1)));
      first += count;
    }
    Collections.shuffle(pieces, random);
    while (pieces.size() > 1) { // merge two random parts at a time, as a reduce over a cluster might
      SimulationPart x = pieces.remove(random.nextInt(pieces.size()));
      SimulationPart y = pieces.remove(random.nextInt(pieces.size()));
      pieces.add(x.merge(y));
    }
    assertEquals(first, pieces.get(0).samples());
    SimulationPartTest.assertSame(SimulationPartTest.MODEL.simulate(Scenario.BASE, Map.of(), first, seed,
        SimulationPartTest.threads(2)), Simulation.merge(SimulationPartTest.MODEL, pieces));
  }
}

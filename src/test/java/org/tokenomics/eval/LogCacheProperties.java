package org.tokenomics.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

/**
 * {@link LogCache}: whatever it held before (bases repeated, bases that share an entry and take
 * turns, tiny and huge ones), each logarithm is the very double {@link Math#log} gives.
 */
class LogCacheProperties {
  @Property(tries = 300)
  void aKeptLogarithmIsMathLog(@ForAll @Size(max = 60) List<@DoubleRange(min = -690, max = 690) Double> exponents,
                               @ForAll @Size(max = 60) List<Integer> picks) {
    LogCache cache = new LogCache();
    double[] seen = exponents.stream().mapToDouble(e -> Math.exp(e)).toArray(); // bases from 1e-300 to 1e300
    for (double b : seen) {
      assertEquals(Double.doubleToRawLongBits(Math.log(b)), Double.doubleToRawLongBits(cache.log(b)), "ln " + b);
    }
    for (int pick : picks) { // again, in another order: some kept, some pushed out since
      if (seen.length > 0) {
        double b = seen[Math.floorMod(pick, seen.length)];
        assertEquals(Double.doubleToRawLongBits(Math.log(b)), Double.doubleToRawLongBits(cache.log(b)), "ln " + b);
      }
    }
    for (double b : new double[] {0.5, 1.0, 1.04, Double.MIN_VALUE, Double.MAX_VALUE, Math.nextUp(1.0)}) {
      assertEquals(Double.doubleToRawLongBits(Math.log(b)), Double.doubleToRawLongBits(cache.log(b)), "ln " + b);
      assertEquals(Double.doubleToRawLongBits(Math.log(b)), Double.doubleToRawLongBits(cache.log(b)), "ln " + b + ", kept");
    }
  }
}

package org.tokenomics.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

/** AS 241 against Commons Math's inverse error function, which it replaced, and known values. */
class NormalQuantileTest {

  /**
   * Where {@code 2u − 1} loses nothing to rounding (u away from 0 and 1), the two agree to a few
   * units in the last place: 1e-14 relative, about 50 ulps, bounds what was measured (2.9e-15).
   */
  @Test
  void agreesWithTheInverseErrorFunction() {
    SplittableRandom random = new SplittableRandom(17);
    for (int i = 0; i < 200_000; i++) {
      double u = 0.001 + 0.998 * random.nextDouble();
      double old = Math.sqrt(2.0) * Erf.erfInv(2 * u - 1);
      double now = NormalQuantile.at(u);
      double scale = Math.max(Math.abs(old), 1e-3); // near u = 0.5 both are near 0: absolute there
      assertTrue(Math.abs(now - old) <= 1e-14 * scale, () -> "u=" + u + ": " + now + " vs " + old);
    }
  }

  /** Values of Φ⁻¹ to 16 digits (the tails, where erfInv(2u − 1) itself is inexact). */
  @Test
  void knownValues() {
    assertEquals(0.0, NormalQuantile.at(0.5));
    assertEquals(1.959963984540054, NormalQuantile.at(0.975), 1e-15);
    assertEquals(-1.6448536269514729, NormalQuantile.at(0.05), 1e-15);
    assertEquals(-6.361340902404056, NormalQuantile.at(1e-10), 1e-14);
    assertEquals(-9.262340089798408, NormalQuantile.at(1e-20), 1e-14);
    assertEquals(NormalQuantile.at(0.3), -NormalQuantile.at(0.7), 1e-15);
    assertEquals(Double.NEGATIVE_INFINITY, NormalQuantile.at(0));
    assertEquals(Double.POSITIVE_INFINITY, NormalQuantile.at(1));
    assertTrue(Double.isNaN(NormalQuantile.at(Double.NaN)));
  }

  /**
   * Monotone up to a few ulps where the rational functions meet (0.075, 0.925 and the far tails):
   * the regions' approximations differ there by about their accuracy, as Commons Math's did at its
   * own region boundaries. Never more than 4 ulps back.
   */
  @Test
  void monotoneAcrossRegions() {
    for (double edge : new double[] {0.075, 0.925, 1.3887943864964021e-11, 1 - 1.3887943864964021e-11}) {
      double below = Math.nextDown(edge);
      double x = below;
      for (int i = 0; i < 2000; i++) {
        double next = Math.nextUp(x);
        double now = NormalQuantile.at(x);
        assertTrue(NormalQuantile.at(next) >= now - 4 * Math.ulp(now), "at " + x);
        x = next;
      }
    }
  }
}

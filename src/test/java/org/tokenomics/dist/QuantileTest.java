package org.tokenomics.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TriangularDistribution;
import org.junit.jupiter.api.Test;

/**
 * The prepared quantile functions give exactly (bit for bit) what the Commons Math distribution
 * objects built per draw gave, so Monte Carlo results for a seed did not change when they went;
 * except the normal quantile, now Wichura's AS 241 (NormalQuantile), equal to the last few bits.
 */
class QuantileTest {
  /** Shares spread over (0, 1), both tails included, and the exact ends where they are allowed. */
  private static double[] shares() {
    double[] u = new double[2003];
    for (int i = 0; i < 2001; i++) {
      u[i] = (i + 0.5) / 2001;
    }
    u[2001] = 1e-9;
    u[2002] = 1 - 1e-9;
    return u;
  }

  @Test
  void normalAndLognormalMatchCommonsMath() {
    NormalDistribution standard = new NormalDistribution(null, 0, 1);
    Quantile normal = Dist.prepare("normal", new double[] {0.1, 0.05});
    Quantile lognormal = Dist.prepare("lognormal", new double[] {30e9, 60e9});
    double z95 = 1.6448536269514722;
    double mu = (Math.log(30e9) + Math.log(60e9)) / 2;
    double sigma = (Math.log(60e9) - Math.log(30e9)) / (2 * z95);
    for (double u : shares()) {
      double z = standard.inverseCumulativeProbability(u);
      // Commons Math's erfInv(2u − 1) starts from 2u − 1 rounded (up to 1.1e-16 off, so u up to
      // 5.6e-17 off and z up to that over the density); beyond that the two agree to 1e-14
      double dz = 1e-14 * Math.abs(z) + 5.6e-17 / standard.density(z) + Double.MIN_VALUE;
      assertEquals(0.1 + 0.05 * z, normal.at(u), 0.05 * dz + Math.ulp(0.1), "normal at " + u);
      // the exponent is near 24.5, whose last bit is 3.6e-15: a z one ulp apart can round mu + σz apart
      double x = Math.exp(mu + sigma * z);
      assertEquals(x, lognormal.at(u), x * (sigma * dz + 2 * Math.ulp(mu)), "lognormal at " + u);
    }
  }

  @Test
  void triangularMatchesCommonsMath() {
    double[][] cases = {{0.3, 0.5, 0.7}, {0, 0, 1}, {0, 1, 1}, {-2, 5, 9}};
    for (double[] a : cases) {
      TriangularDistribution reference = new TriangularDistribution(a[0], a[1], a[2]);
      Quantile q = Dist.prepare("triangular", a);
      for (double u : shares()) {
        assertEquals(reference.inverseCumulativeProbability(u), q.at(u), 0.0, "triangular at " + u);
      }
      assertEquals(a[0], q.at(0), 0.0);
      assertEquals(a[2], q.at(1), 0.0);
    }
  }

  @Test
  void pertMatchesCommonsMath() {
    double low = 2;
    double mode = 3;
    double high = 7;
    double range = high - low;
    BetaDistribution beta = new BetaDistribution(null, 1 + 4 * (mode - low) / range, 1 + 4 * (high - mode) / range, 1e-12);
    Quantile q = Dist.prepare("pert", new double[] {low, mode, high});
    for (double u : shares()) {
      assertEquals(low + range * beta.inverseCumulativeProbability(u), q.at(u), 0.0, "pert at " + u);
    }
  }

  @Test
  void preparedOnceForTheSameArguments() {
    Prepared prepared = new Prepared("uniform", null);
    Quantile first = prepared.of(new double[] {1, 3});
    assertSame(first, prepared.of(new double[] {1, 3}));
    assertEquals(2.5, prepared.of(new double[] {2, 3}).at(0.5), 0.0);
  }
}

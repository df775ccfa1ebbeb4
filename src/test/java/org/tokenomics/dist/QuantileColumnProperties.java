package org.tokenomics.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/**
 * A column of draws through a family's own loop ({@link Quantile#fill}, {@link ColumnQuantiles},
 * {@link NormalQuantile#fill}) gives, bit for bit, what the quantile gives draw by draw: the
 * column form of a Monte Carlo block and the per-sample form draw the same numbers. Draws cover
 * both tails of the normal (where the centre's value is replaced), the exact ends and the centre.
 */
class QuantileColumnProperties {
  @Provide
  Arbitrary<double[]> draws() {
    Arbitrary<Double> any = Arbitraries.doubles().between(0, 1);
    Arbitrary<Double> tails = Arbitraries.doubles().between(-0.08, 0.08).map(v -> v < 0 ? -v : 1 - v); // both ends
    Arbitrary<Double> edges = Arbitraries.of(0.0, 1.0, 0.075, 0.925, 0.5, 1e-300, Math.nextDown(1.0), 0.075000000001);
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, any), net.jqwik.api.Tuple.of(3, tails),
        net.jqwik.api.Tuple.of(1, edges)).array(double[].class).ofMaxSize(300);
  }

  @Property(tries = 200)
  void aColumnIsTheDrawsOneByOne(@ForAll("draws") double[] u,
                                 @ForAll @DoubleRange(min = -1e3, max = 1e3) double a,
                                 @ForAll @DoubleRange(min = 0.01, max = 1e3) double width,
                                 @ForAll @DoubleRange(min = 0, max = 1) double share) {
    List<Quantile> families = List.of(
        Dist.prepare("uniform", new double[] {a, a + width}),
        Dist.prepare("normal", new double[] {a, width}),
        Dist.prepare("lognormal", new double[] {width, width * (1.5 + share * 100)}),
        Dist.prepare("triangular", new double[] {a, a + share * width, a + width}),
        Dist.prepare("pert", new double[] {a, a + share * width, a + width}),
        Dist.prepare("bernoulli", new double[] {share}));
    for (Quantile q : families) {
      double[] out = new double[u.length + 3];
      java.util.Arrays.fill(out, 12345.0);
      q.fill(u, out, u.length);
      for (int k = 0; k < u.length; k++) {
        assertEquals(Double.doubleToRawLongBits(q.at(u[k])), Double.doubleToRawLongBits(out[k]),
            q.getClass().getSimpleName() + " at u = " + u[k]);
      }
      for (int k = u.length; k < out.length; k++) {
        assertEquals(12345.0, out[k], "nothing written past n");
      }
    }
  }
}

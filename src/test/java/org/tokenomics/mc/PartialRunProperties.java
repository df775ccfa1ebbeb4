package org.tokenomics.mc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.tokenomics.check.CompiledModel;

/**
 * Partial simulations (EMBEDDING.md §10): partial runs over ranges of samples merge into exactly
 * (bit for bit) the result of one run, with exact quantiles and with histograms, and whatever
 * order the parts arrive in.
 */
class PartialRunProperties {
  static final CompiledModel MODEL = MonteCarloTest.model(MonteCarloTest.SOURCE + """
      param gpu = gbm(start: $2/h, drift: 5 %, volatility: 30 %)
      param w = lognormal(1, 5)
      correlate u, w = 0.6
      report gpu as $/h
      report uw = u * w
      """);

  @Property(tries = 30)
  void aMergedPairEqualsTheWholeRun(@ForAll @IntRange(min = 2, max = 400) int n, @ForAll @IntRange(min = 1, max = 399) int cut,
                                    @ForAll long seed, @ForAll boolean sketched, @ForAll boolean reversed) {
    int split = 1 + cut % (n - 1);
    // a budget of 1 value forces histograms; a large one keeps every value
    MonteCarlo.Options options = MonteCarlo.Options.defaults().withThreads(2).withExactBudget(sketched ? 1 : 25_000_000);
    McResult whole = MonteCarlo.run(MODEL, List.of(), n, seed, options);
    Partial a = MonteCarlo.runPartial(MODEL, List.of(), 0, split, seed, options);
    Partial b = MonteCarlo.runPartial(MODEL, List.of(), split, n - split, seed, options.withThreads(1));
    McResult merged = MonteCarlo.merge(MODEL, List.of(), reversed ? List.of(b, a) : List.of(a, b), options);
    assertEquals(whole.exact(), merged.exact());
    assertEquals(whole.samples(), merged.samples());
    for (int r = 0; r < whole.reports().size(); r++) {
      McResult.ReportStats x = whole.reports().get(r);
      McResult.ReportStats y = merged.reports().get(r);
      assertEquals(x.failed(), y.failed());
      if (!x.numeric()) {
        continue;
      }
      assertArrayEquals(x.mean(), y.mean(), 0.0, x.spec().name());
      for (double q : new double[] {0, 0.05, 0.5, 0.95, 1}) {
        assertArrayEquals(x.quantile(q), y.quantile(q), 0.0, x.spec().name() + " q" + q);
      }
    }
    for (int i = 0; i < whole.asserts().size(); i++) {
      assertEquals(whole.asserts().get(i).failed(), merged.asserts().get(i).failed());
      assertEquals(whole.asserts().get(i).evaluated(), merged.asserts().get(i).evaluated());
    }
    assertEquals(whole.errors().size(), merged.errors().size());
  }
}

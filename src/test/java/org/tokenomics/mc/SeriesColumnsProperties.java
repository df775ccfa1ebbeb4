package org.tokenomics.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.eval.EvalError;
import org.tokenomics.eval.Frame;
import org.tokenomics.eval.Program;

/**
 * Series plans evaluated a block of samples at a time ({@link org.tokenomics.eval.SeriesColumns})
 * give every sample's values of the per-sample evaluation, bit for bit, on generated models:
 * arithmetic, comparisons, {@code if}, min/max, time functions with drawn and fixed arguments,
 * {@code prev}, running sums, reductions and npv, divisions that fail in some samples, assertions.
 * A block the columns give up on must be one the per-sample evaluation cannot evaluate cleanly
 * either, or one with an error in a branch not taken. (Run compiled by the default execution and
 * interpreted by the {@code interpreted} one.)
 */
class SeriesColumnsProperties {
  static final int SAMPLES = MonteCarlo.BLOCK + 300; // a second, partial block

  @Property(tries = 40)
  void blocksGiveThePerSampleValues(@ForAll long seed, @ForAll @IntRange(min = 2, max = 9) int lets) {
    String source = SeriesModels.generate(new Random(seed), lets);
    CompiledModel cm = MonteCarloTest.model(source);
    Sampler sampler = Sampler.of(cm, List.of());
    Program program = sampler.program();
    Program.Plan plan = program.plan(org.tokenomics.run.Runner.roots(cm));
    List<CompiledModel.ReportSpec> reports = cm.reports();
    int periods = program.timeline().size();
    int[] slots = reports.stream().mapToInt(CompiledModel.ReportSpec::slot).toArray();
    int[] cols = new int[slots.length];
    int cells = 0;
    for (int r = 0; r < slots.length; r++) {
      cols[r] = cells;
      cells += program.cell(slots[r]).series() ? periods : 1;
    }
    int[] asserts = cm.asserts().stream().mapToInt(CompiledModel.AssertSpec::slot).toArray();
    ColumnBlock block = ColumnBlock.of(sampler, plan, MonteCarlo.BLOCK, slots, cols, asserts);
    Frame f = sampler.newFrame();
    if (block == null) { // only for a cell that depends on no draw and fails: in every sample
      f.reset();
      sampler.draw(seed, 0, f.draws);
      assertThrows(EvalError.class, () -> {
        for (int slot : plan.order()) {
          f.values(slot);
        }
      }, source);
      return;
    }
    assertTrue(block.series(), source);
    double[][] out = new double[cells][SAMPLES];
    for (int from = 0; from < SAMPLES; from += MonteCarlo.BLOCK) {
      int n = Math.min(MonteCarlo.BLOCK, SAMPLES - from);
      long[] failed = new long[asserts.length];
      boolean ran = block.runSeries(seed, from, n, out, from, failed);
      long[] expectedFailed = new long[asserts.length];
      boolean clean = true;
      for (int k = from; k < from + n; k++) {
        f.reset();
        sampler.draw(seed, k, f.draws);
        f.seed = seed;
        f.sample = k;
        try {
          for (int r = 0; r < slots.length; r++) {
            double[] v = f.values(slots[r]);
            for (int p = 0; ran && p < v.length; p++) {
              assertEquals(Double.doubleToRawLongBits(v[p]), Double.doubleToRawLongBits(out[cols[r] + p][k]),
                  () -> reports.get(0).name() + " …: a value differs\n" + source);
            }
          }
          for (int a = 0; a < asserts.length; a++) {
            for (double x : f.values(asserts[a])) {
              if (x == 0) {
                expectedFailed[a]++;
                break;
              }
            }
          }
        } catch (EvalError e) {
          clean = false;
          assertTrue(!ran, "a block with an error in sample " + k + " ran by columns: " + e.getMessage() + "\n" + source);
        }
      }
      if (ran) {
        assertEquals(java.util.Arrays.toString(expectedFailed), java.util.Arrays.toString(failed), source);
      } else if (clean) {
        assertTrue(source.contains("if "), "a clean block gave up though no branch was left untaken\n" + source);
      }
    }
  }

  @Property(tries = 6)
  void monteCarloStatisticsAreTheSameByColumnsOnAnyThreadCount(@ForAll long seed) {
    String source = SeriesModels.generate(new Random(seed), 6);
    CompiledModel cm = MonteCarloTest.model(source);
    int n = 2 * MonteCarlo.BLOCK + 77;
    McResult exact;
    McResult sketched;
    boolean was = ColumnBlock.seriesPlans;
    try {
      ColumnBlock.seriesPlans = false; // sample by sample, as before
      exact = MonteCarloTest.run(cm, n, seed, 2, 25_000_000);
      sketched = MonteCarloTest.run(cm, n, seed, 2, 1);
    } finally {
      ColumnBlock.seriesPlans = was;
    }
    for (int threads : new int[] {1, 2, 16}) {
      BlockEvaluationTest.assertSameStatistics(exact, MonteCarloTest.run(cm, n, seed, threads, 25_000_000));
      BlockEvaluationTest.assertSameStatistics(sketched, MonteCarloTest.run(cm, n, seed, threads, 1)); // histograms
    }
  }
}

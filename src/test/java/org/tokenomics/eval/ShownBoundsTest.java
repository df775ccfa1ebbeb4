package org.tokenomics.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.tokenomics.Compilation;
import org.tokenomics.TestModels;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.run.Runner;

/**
 * The bounds a fused loop proves on the values it shows ({@link ShownBounds}, read through
 * {@link Frame#bound}): every value of a report is within its bound, a report with a bound in its
 * display unit's range is not looked at again, and a value beyond {@link ShownBounds#CHECKED} (or
 * one that overflows its display unit) gives exactly what the interpreter gives. On a model that is
 * not the benchmark's: a storage site's quarters, its reports in small units ({@code $k}, {@code %},
 * {@code bp}).
 */
class ShownBoundsTest {
  /** {@code %s}: the fleet's size and the price, any magnitude (maybe 0 or negative). */
  static final String SITE = """
      timeline 2026-01 to 2028-12 monthly
      param gpus0 = %s * 1 GPU
      param price = %s * $1/GPU/h
      param fee   = $2k/month
      param loss  = 2 %%

      let gpus    = gpus0 * max(1 - loss * period, 50 %%)
      let halved  = price * halving(every: 12 month)
      let income  = gpus * halved
      let floor   = max(income, fee)
      let paid    = if period >= 6 and period < 9 then floor * 50 %% else floor
      let net     = paid - fee
      let share   = if paid > $0/month then net / paid else 0
      let spread  = min(halved * 3, price)

      report income as $k/month
      report paid as $k/month
      report net as $/month
      report share as bp
      report spread as $/GPU/h
      """;

  @Provide
  Arbitrary<String> magnitudes() {
    return Arbitraries.of("0", "1", "-3", "2.5e3", "1e12", "-7e45", "1e150", "3e299", "1e301", "-2e304", "1e306",
        "1.7e308");
  }

  /**
   * Fused or interpreted, the same reports and errors; every bounded report's values are within
   * their bound.
   */
  @Property(tries = 60)
  void boundsHoldAndFusedRunsAgreeWithTheInterpreter(@ForAll("magnitudes") String stored, @ForAll("magnitudes") String price) {
    Compilation c = TestModels.TOK.compile("site.tok",
        String.format(Locale.ROOT, SITE, stored, price));
    CodegenTest.agree(c); // interpreted, compiled cell by cell and fused: the same bits and errors
    CompiledModel model = TestModels.compiled(c.model());
    Program program = model.program().with(java.util.Map.of());
    Program.Plan plan = program.plan(Runner.roots(model));
    plan.fusion().fuse(plan);
    Runner.Result r = Runner.run(model, program, "base");
    for (Runner.ReportValue v : r.reports()) {
      double bound = r.frame().bound(v.spec().slot());
      for (double x : v.values()) {
        assertTrue(Double.isNaN(bound) || Math.abs(x) <= bound, v.spec().name() + ": " + x + " beyond " + bound);
      }
    }
  }

  @Test
  void aFusedRunBoundsEveryReportOfAnOrdinaryModel() {
    Compilation c = TestModels.TOK.compile("site.tok", String.format(Locale.ROOT, SITE, "4e4", "2.4"));
    CompiledModel model = TestModels.compiled(c.model());
    Program program = model.program().with(java.util.Map.of());
    Program.Plan plan = program.plan(Runner.roots(model));
    plan.fusion().fuse(plan);
    Runner.Result r = Runner.run(model, program, "base");
    assertTrue(r.errors().isEmpty(), r.errors().toString());
    for (Runner.ReportValue v : r.reports()) { // the display check then looks at none of them
      double bound = r.frame().bound(v.spec().slot());
      assertTrue(bound <= ShownBounds.CHECKED * 10, v.spec().name() + " bound " + bound);
    }
    // the reports are other names for cells of the group: steps that take their arrays
    Fusion.Step[] steps = plan.fusion().steps(plan);
    for (Runner.ReportValue v : r.reports()) {
      int target = ((Alias) program.cell(v.spec().slot()).computer()).slot();
      assertTrue(java.util.Arrays.stream(steps).anyMatch(s -> s.slot() == v.spec().slot() && s.shares() == target),
          v.spec().name());
      assertTrue(r.frame().values(target) == v.values(), v.spec().name());
    }
    // a frame reset, or changed behind the plan (a goal seek sets cells), knows nothing
    Frame touched = program.newFrame();
    assertTrue(touched.run(plan));
    assertTrue(touched.bound(model.reports().get(0).slot()) <= ShownBounds.CHECKED * 10);
    touched.set(model.reports().get(0).slot(), new double[36]);
    assertTrue(Double.isNaN(touched.bound(model.reports().get(0).slot())));
    r.frame().reset();
    assertTrue(Double.isNaN(r.frame().bound(model.reports().get(0).slot())));
  }

  @Test
  void aValueBeyondTheCheckedBoundIsComputedCellByCellAndAnOverflowStillReported() {
    // income = 1e294 GPUs × $1e10/GPU/h: 2.8e300 $/s, beyond CHECKED but finite, and finite in
    // every report's unit; with 1e300 GPUs it is 2.8e306 $/s, which overflows in $k/month (TOK500
    // at the report)
    for (String gpus : new String[] {"1e294", "1e300"}) {
      Compilation c = TestModels.TOK.compile("site.tok", String.format(Locale.ROOT, SITE, gpus, "1e10"));
      CodegenTest.agree(c);
      CompiledModel model = TestModels.compiled(c.model());
      Program program = model.program().with(java.util.Map.of());
      Program.Plan plan = program.plan(Runner.roots(model));
      plan.fusion().fuse(plan);
      Runner.Result r = Runner.run(model, program, "base");
      Runner.Result interpreted = Runner.run(model, CodegenTest.replace(model.program(), false), "base");
      assertEquals(interpreted.errors(), r.errors());
      assertEquals(gpus.equals("1e300"), !r.errors().isEmpty(), r.errors().toString());
      assertEquals(interpreted.reports().size(), r.reports().size());
      for (int i = 0; i < r.reports().size(); i++) {
        assertArrayEquals(interpreted.reports().get(i).values(), r.reports().get(i).values());
      }
    }
  }
}

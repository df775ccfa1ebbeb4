package org.tokenomics.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tokenomics.Evaluation;
import org.tokenomics.Model;
import org.tokenomics.Tokenomics;
import org.tokenomics.eval.Recurrence;

/**
 * One evaluation of the recurrence-heavy 60-month model ({@code recurrence-months.tok}: a
 * DSCR-sculpted loan, a cash waterfall and a tax loss carry-forward, one recurrence group of 17
 * members): Tok, and the hand-written Java twin ({@link HandWrittenRecurrence}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RecurrenceBench {
  static final String NAME = "recurrence-months.tok";

  Model model;

  @Setup
  public void setup() {
    model = Tokenomics.standard().compile(NAME, Bench.resource(NAME)).model();
    double[][] expected = HandWrittenRecurrence.evaluate();
    // Past tok.compile.after (20) several times over: the group's step is bytecode from now on,
    // either the recurrence's own generated code or, once the plan runs fused, the fused loop
    // that computes the group (the recurrence's own computer is then no longer called).
    for (int i = 0; i < 200; i++) {
      model.evaluate();
    }
    check(expected, model.evaluate());
    var compiled = org.tokenomics.TestModels.compiled(model);
    var program = compiled.program();
    boolean fused = program.plan(org.tokenomics.run.Runner.roots(compiled)).isFused();
    for (int s = 0; s < program.size(); s++) {
      if (program.cell(s).computer() instanceof Recurrence r && !r.isCompiled() && !fused) {
        throw new AssertionError("the recurrence group is not compiled: " + r);
      }
    }
  }

  /** Fails unless Tok and the Java twin give the same numbers (to 1e-9 of each value, or a millionth of a dollar). */
  static void check(double[][] expected, Evaluation e) {
    for (int r = 0; r < HandWrittenRecurrence.NAMES.length; r++) {
      double[] tok = e.value(HandWrittenRecurrence.NAMES[r]).series("$");
      for (int p = 0; p < HandWrittenRecurrence.PERIODS; p++) {
        double a = expected[r][p];
        double b = tok[p];
        if (!(Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)) + 1e-6)) {
          throw new AssertionError(HandWrittenRecurrence.NAMES[r] + " period " + p + ": java " + a + ", tok " + b);
        }
      }
    }
  }

  /** {@code Model.evaluate()}: every report computed, returned as an Evaluation. */
  @Benchmark
  public Evaluation tok() {
    return model.evaluate();
  }

  /** The same arrays computed by hand-written Java. */
  @Benchmark
  public double[][] java() {
    return HandWrittenRecurrence.evaluate();
  }
}

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

/** One evaluation of the 60-month model: Tok, hand-written Java, JEXL per period. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EvaluateBench {
  Model model;
  HandWritten.Inputs inputs;
  JexlModel jexl;

  @Setup
  public void setup() {
    model = Bench.model();
    inputs = HandWritten.Inputs.medians();
    jexl = new JexlModel();
    HandWritten.Outputs expected = HandWritten.evaluate(inputs);
    Bench.check("tok", expected, Bench.outputs(model));
    Bench.check("jexl", expected, jexl.evaluate(inputs));
  }

  /** {@code Model.evaluate()}: every report computed, returned as an Evaluation. */
  @Benchmark
  public Evaluation tok() {
    return model.evaluate();
  }

  /** The same arrays computed by hand-written Java. */
  @Benchmark
  public HandWritten.Outputs java() {
    return HandWritten.evaluate(inputs);
  }

  /** The same formulas evaluated period by period by Apache Commons JEXL. */
  @Benchmark
  public HandWritten.Outputs jexl() {
    return jexl.evaluate(inputs);
  }
}

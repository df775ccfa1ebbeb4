package org.tokenomics.bench;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tokenomics.Evaluation;
import org.tokenomics.Model;

/**
 * One evaluation of a suite model ({@link SuiteModel}, chosen by {@code model}): Tok's
 * {@code Model.evaluate()}, its hand-written Java twin and its JEXL twin. The setup fails unless
 * all three give the same reports.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SuiteBench {
  /** The suite model. */
  @Param({"sixty", "minmax", "lets", "recurrence", "family", "long600"})
  public String model;

  Model tokModel;
  SuiteModel suite;
  Supplier<double[][]> java;
  Supplier<double[][]> jexl;

  @Setup
  public void setup() {
    suite = SuiteModel.of(model);
    tokModel = suite.compile();
    java = suite.java();
    jexl = suite.jexl().get();
    double[][] expected = java.get();
    suite.check("tok", expected, suite.tok(tokModel));
    for (int i = 0; i < 20; i++) { // past tok.compile.after: generated code from now on
      tokModel.evaluate();
    }
    suite.check("tok compiled", expected, suite.tok(tokModel));
    suite.check("jexl", expected, jexl.get());
  }

  /** {@code Model.evaluate()}: every report computed, returned as an Evaluation. */
  @Benchmark
  public Evaluation tok() {
    return tokModel.evaluate();
  }

  /** The same reports computed by the hand-written Java twin. */
  @Benchmark
  public double[][] java() {
    return java.get();
  }

  /** The same formulas evaluated period by period by Apache Commons JEXL. */
  @Benchmark
  public double[][] jexl() {
    return jexl.get();
  }
}

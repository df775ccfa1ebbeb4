package org.tokenomics.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tokenomics.Compilation;
import org.tokenomics.Evaluation;
import org.tokenomics.Model;
import org.tokenomics.Tokenomics;

/**
 * A family of 1,000 rentals added up by {@code total(…)} (LANGUAGE.md §15) against the same 1,000
 * rentals written out by hand and added up with {@code +}, over 60 months: evaluation and compile
 * time (issue 16: a family should cost what its members written by hand cost, no more).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FamilyBench {
  static final int MEMBERS = 1_000;
  private static final String HEADER = "timeline 2026-01 to 2030-12 monthly\n";
  private static final String BLOCK = "capacity = %s * 8 GPU; rate = $2/GPU/h; start = 2026-01; term = 3 yr; ramp = 6 month";

  Tokenomics tok;
  String familySource;
  String handSource;
  Model family;
  Model hand;

  /** The family. */
  static String family() {
    return HEADER + "rental rack[n in 1 to " + MEMBERS + "] { " + String.format(BLOCK, "n") + " }\n"
        + "report cash = total(rack.cash) as $M\n";
  }

  /** The same members, one instance each. */
  static String byHand() {
    StringBuilder b = new StringBuilder(HEADER);
    StringBuilder sum = new StringBuilder("report cash = ");
    for (int i = 1; i <= MEMBERS; i++) {
      b.append("rental rack").append(i).append(" { ").append(String.format(BLOCK, i)).append(" }\n");
      sum.append(i == 1 ? "" : " + ").append("rack").append(i).append(".cash");
    }
    return b.append(sum).append(" as $M\n").toString();
  }

  @Setup
  public void setup() {
    tok = Tokenomics.standard();
    familySource = family();
    handSource = byHand();
    family = compile(familySource);
    hand = compile(handSource);
    double[] a = family.evaluate().value("cash").series("$M");
    double[] b = hand.evaluate().value("cash").series("$M");
    for (int p = 0; p < a.length; p++) {
      if (Math.abs(a[p] - b[p]) > 1e-9 * Math.abs(b[p])) {
        throw new AssertionError("the family's total differs from the hand-written sum in period " + p);
      }
    }
  }

  private Model compile(String source) {
    Compilation c = tok.compile("family.tok", source);
    if (!c.ok()) {
      throw new AssertionError(c.diagnostics().toString());
    }
    return c.model();
  }

  /** Evaluating the family of 1,000 members. */
  @Benchmark
  public Evaluation family1000() {
    return family.evaluate();
  }

  /** Evaluating the 1,000 hand-written instances. */
  @Benchmark
  public Evaluation hand1000() {
    return hand.evaluate();
  }

  /** Compiling the family. */
  @Benchmark
  public Compilation compileFamily1000() {
    return tok.compile("family.tok", familySource);
  }

  /** Compiling the hand-written instances. */
  @Benchmark
  public Compilation compileHand1000() {
    return tok.compile("family.tok", handSource);
  }
}

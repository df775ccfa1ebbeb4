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
import org.tokenomics.Tokenomics;

/** Compiling a generated 10,000-line model (parse, check, build the program), warm. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CompileBench {
  Tokenomics tok;
  String source;

  @Setup
  public void setup() {
    tok = Tokenomics.standard();
    source = GeneratedModel.source(10_000);
    Compilation c = tok.compile("generated.tok", source);
    if (!c.ok()) {
      throw new AssertionError(c.diagnostics().toString());
    }
  }

  @Benchmark
  public Compilation compile() {
    return tok.compile("generated.tok", source);
  }
}

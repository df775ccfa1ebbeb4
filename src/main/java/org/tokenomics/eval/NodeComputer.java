package org.tokenomics.eval;

/**
 * A computer defined by one node: {@code out[p] = node(p)} ({@link Kind#EACH}) or the running sum
 * {@code out[p] = out[p-1] + node(p)} ({@link Kind#RUNNING_SUM}).
 *
 * <p>It starts by interpreting the node (a virtual call per node and period). Once it has run
 * {@link #COMPILE_AFTER} times it asks {@link Codegen} for the same loop as JVM bytecode and
 * uses that from then on, so a model evaluated once costs no code generation, and one evaluated
 * thousands of times (a sweep, Monte Carlo, a host application) runs as compiled Java. If code
 * generation is impossible the node stays interpreted; both ways give identical results and
 * errors. The counter is racy on purpose: a lost increment only delays compilation.
 */
public final class NodeComputer implements Computer {
  public enum Kind { EACH, RUNNING_SUM }

  /**
   * Runs before compiling: system property {@code tok.compile.after} (default 8; 0 compiles at
   * the first run, a negative number never compiles).
   */
  static final int COMPILE_AFTER = Integer.getInteger("tok.compile.after", 8);

  private final Kind kind;
  private final Node node;
  private volatile Computer compiled;
  private volatile boolean generated;
  private int runs;
  private final Computer interpreter = this::interpret;

  NodeComputer(Kind kind, Node node) {
    this.kind = kind;
    this.node = node;
  }

  public Kind kind() {
    return kind;
  }

  public Node node() {
    return node;
  }

  @Override
  public void compute(Frame f, double[] out) {
    computer().compute(f, out);
  }

  /** The generated code once this has run often enough; until then the interpreter. */
  private Computer computer() {
    Computer c = compiled;
    if (c != null) {
      return c;
    }
    if (COMPILE_AFTER < 0 || runs++ < COMPILE_AFTER) {
      return interpreter;
    }
    return compile();
  }

  private synchronized Computer compile() {
    if (compiled == null) {
      Computer c = Codegen.compile(this);
      generated = c != null;
      compiled = c != null ? c : interpreter;
    }
    return compiled;
  }

  /** The interpreter: evaluates the node tree period by period. */
  void interpret(Frame f, double[] out) {
    if (kind == Kind.EACH) {
      for (int p = 0; p < out.length; p++) {
        out[p] = node.eval(f, p);
      }
    } else {
      double acc = 0;
      for (int p = 0; p < out.length; p++) {
        acc += node.eval(f, p);
        out[p] = acc;
      }
    }
  }

  /** True once generated code is in use (for tests). */
  public boolean isCompiled() {
    return generated;
  }
}

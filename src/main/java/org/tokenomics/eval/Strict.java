package org.tokenomics.eval;

/**
 * A node whose value in period {@code p} is a function of its inputs' values in period {@code p},
 * each input evaluated once and in order:
 * {@code eval(f, p) == apply(f, p, inputs()[0].eval(f, p), inputs()[1].eval(f, p), …)}.
 *
 * <p>The class declares a public method {@code double apply(Frame, int, double…)} with one
 * {@code double} per input. The {@link Codegen code generator} inlines the inputs and calls
 * {@code apply}; the interpreter's {@code eval} must call the same method, so both agree.
 */
public interface Strict {
  Node[] inputs();
}

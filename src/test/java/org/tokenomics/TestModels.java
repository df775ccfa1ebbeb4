package org.tokenomics;

/** Compiling test sources with one shared compiler. */
public final class TestModels {
  private TestModels() {}

  public static final Tokenomics TOK = Tokenomics.standard();

  /** Compiles source text; fails the test with the diagnostics when it does not compile. */
  public static Model compile(String source) {
    Compilation c = TOK.compile("test.tok", source);
    if (!c.ok()) {
      throw new AssertionError("does not compile:\n" + source + "\n" + c.diagnostics());
    }
    return c.model();
  }

  /** The checked model behind {@code model}, for white-box tests of the phases. */
  public static org.tokenomics.check.CompiledModel compiled(Model model) {
    return model.compiled();
  }
}

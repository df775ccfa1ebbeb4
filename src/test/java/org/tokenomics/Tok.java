package org.tokenomics;

import static org.junit.jupiter.api.Assertions.fail;

/** Test helpers: compile and evaluate inline sources. */
public final class Tok {
  public static final Tokenomics TOK = Tokenomics.standard();

  private Tok() {}

  public static Compilation compile(String source) {
    return TOK.compile("test.tok", source);
  }

  public static Model model(String source) {
    Compilation c = compile(source);
    if (!c.ok()) {
      fail("does not compile:\n" + source + "\n" + c.diagnostics().stream().map(Diagnostic::render)
          .reduce("", (a, b) -> a + "\n" + b));
    }
    return c.model();
  }

  public static Evaluation eval(String source) {
    return model(source).evaluate();
  }

  public static double value(String source, String name, String unit) {
    return eval(source).value(name).in(unit);
  }

  /** The codes of a compile's diagnostics. */
  public static java.util.List<String> codes(String source) {
    return compile(source).diagnostics().stream().map(Diagnostic::code).toList();
  }
}

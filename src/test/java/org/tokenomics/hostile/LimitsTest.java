package org.tokenomics.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tokenomics.Compilation;
import org.tokenomics.Diagnostic;
import org.tokenomics.Limits;
import org.tokenomics.Tok;
import org.tokenomics.Tokenomics;

/** Every limit just under (compiles) and just over (TOK600 naming the limit). */
class LimitsTest {
  private static Compilation compile(Limits limits, String source) {
    return Tokenomics.builder().limits(limits).build().compile("limits.tok", source);
  }

  private static void assertLimit(Compilation c, String limitName) {
    List<String> messages = c.diagnostics().stream().map(Diagnostic::message).toList();
    assertTrue(c.diagnostics().stream().anyMatch(d -> d.code().equals("TOK600") && d.message().contains(limitName)),
        () -> "expected TOK600 naming " + limitName + ", got " + messages);
  }

  @Test
  void sourceSize() {
    String src = "let x = 1\n" + "// padding\n".repeat(100);
    Limits at = Limits.DEFAULT.withMaxSourceBytes(src.length());
    assertTrue(compile(at, src).ok());
    assertLimit(compile(at.withMaxSourceBytes(src.length() - 1), src), "max source size");
  }

  @Test
  void nesting() {
    String under = "let x = " + "(".repeat(50) + "1" + ")".repeat(50);
    Limits limits = Limits.DEFAULT.withMaxNesting(50);
    assertTrue(compile(limits, under).ok());
    String over = "let x = " + "(".repeat(51) + "1" + ")".repeat(51);
    assertLimit(compile(limits, over), "max nesting depth 50");
  }

  @Test
  void hundredThousandDeepIsTok600NotAStackOverflow() {
    String deep = "let x = " + "(".repeat(100_000) + "1" + ")".repeat(100_000);
    assertLimit(Tok.compile(deep), "max nesting depth");
    String minus = "let x = " + "-".repeat(100_000) + "1";
    assertLimit(Tok.compile(minus), "max nesting depth");
    String calls = "report x = " + "abs(".repeat(100_000) + "1" + ")".repeat(100_000);
    assertLimit(Tok.compile(calls), "max nesting depth");
  }

  @Test
  void nodes() {
    String src = "let x = " + IntStream.range(0, 100).mapToObj(i -> "1").collect(Collectors.joining(" + "));
    assertTrue(compile(Limits.DEFAULT.withMaxNodes(1000), src).ok());
    assertLimit(compile(Limits.DEFAULT.withMaxNodes(50), src), "max nodes 50");
  }

  @Test
  void periods() {
    String src = "timeline 2026-01 to 2027-12 monthly\nreport t";
    assertTrue(compile(Limits.DEFAULT.withMaxPeriods(24), src).ok());
    assertLimit(compile(Limits.DEFAULT.withMaxPeriods(23), src), "max periods 23");
  }

  @Test
  void names() {
    String src = IntStream.range(0, 20).mapToObj(i -> "let x" + i + " = " + i).collect(Collectors.joining("\n"));
    assertTrue(compile(Limits.DEFAULT.withMaxNames(20), src).ok());
    assertLimit(compile(Limits.DEFAULT.withMaxNames(19), src), "max names 19");
  }

  @Test
  void aFlatSumOfFiftyThousandTermsCompilesAndEvaluates() {
    String sum = "let x = " + IntStream.range(0, 50_000).mapToObj(i -> "1 GW").collect(Collectors.joining(" + "))
        + "\nlet y = " + IntStream.range(0, 50_000).mapToObj(i -> "2").collect(Collectors.joining(" - "))
        + "\nlet z = 1 " + " * 1.0001".repeat(50_000) + "\nreport x as GW\nreport y\nreport z";
    var e = Tok.eval(sum);
    assertEquals(50_000, e.value("x").in("GW"), 1e-6);
    assertEquals(2 - 2 * 49_999, e.value("y").in(""), 1e-6);
    assertEquals(Math.pow(1.0001, 50_000), e.value("z").in(""), 1e-6);
  }

  @Test
  void aLongChainOfLetsChecksWithoutDeepRecursion() throws Exception {
    String chain = "let a0 = 1 GW\n" + IntStream.range(1, 20_000).mapToObj(i -> "let a" + i + " = a" + (i - 1) + " + 1 GW")
        .collect(Collectors.joining("\n")) + "\nreport a19999 as GW";
    // On a thread with a small stack, as a host's worker thread might have.
    double[] result = new double[1];
    Thread t = new Thread(null, () -> result[0] = Tok.eval(chain).value("a19999").in("GW"), "small", 512 * 1024);
    t.start();
    t.join();
    assertEquals(20_000, result[0], 1e-6);
  }

  @Test
  void exponentialFunctionNestingIsBounded() {
    String src = "fn f(x) = x + x\nreport y = " + "f(".repeat(150) + "1" + ")".repeat(150);
    assertEquals(Math.pow(2, 150), Tok.eval(src).value("y").in(""), Math.pow(2, 150) * 1e-12);
    StringBuilder doubling = new StringBuilder("fn f0(x) = x + x\n");
    for (int i = 1; i < 40; i++) {
      doubling.append("fn f").append(i).append("(x) = f").append(i - 1).append("(x) + f").append(i - 1).append("(x)\n");
    }
    doubling.append("report y = f39(1)");
    assertLimit(Tok.compile(doubling.toString()), "max function expansions");
  }

  /** Limits.DEFAULT is the one statement of the defaults; the lower layers' copies must agree with it. */
  @Test
  void theDefaultsAreTheSameEverywhere() {
    Limits d = Limits.DEFAULT;
    assertEquals(d.maxNesting(), org.tokenomics.syntax.SyntaxParser.DEFAULT_MAX_NESTING);
    assertEquals(d.maxNodes(), org.tokenomics.syntax.SyntaxParser.DEFAULT_MAX_NODES);
    org.tokenomics.check.Compiler.Options o = org.tokenomics.check.Compiler.Options.defaults(null);
    assertEquals(List.of(d.maxSourceBytes(), (long) d.maxNesting(), (long) d.maxNodes(), d.maxPeriods(), (long) d.maxNames()),
        List.of(o.maxSourceBytes(), (long) o.maxNesting(), (long) o.maxNodes(), o.maxPeriods(), (long) o.maxNames()));
  }
}

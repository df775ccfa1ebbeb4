package org.tokenomics.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tokenomics.Compilation;
import org.tokenomics.Diagnostic;
import org.tokenomics.Evaluation;
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

  /** Runs on a thread with a 512 KiB stack, as a host's worker thread might have. */
  private static <T> T onSmallStack(java.util.function.Supplier<T> body) throws Exception {
    Object[] result = new Object[1];
    Throwable[] thrown = new Throwable[1];
    Thread t = new Thread(null, () -> {
      try {
        result[0] = body.get();
      } catch (Throwable e) {
        thrown[0] = e;
      }
    }, "small", 512 * 1024);
    t.start();
    t.join();
    if (thrown[0] != null) {
      throw new AssertionError("threw on a 512 KiB stack", thrown[0]);
    }
    @SuppressWarnings("unchecked")
    T r = (T) result[0];
    return r;
  }

  private static Diagnostic first(Compilation c, String code) {
    return c.diagnostics().stream().filter(d -> d.code().equals(code)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + code + " in " + c.diagnostics()));
  }

  @Test
  void nestingIsCountedNotLimitedByTheStackAndHasAPosition() throws Exception {
    String ifs = "param c = 1\nlet x = " + "if c > 0 then 1 else ".repeat(20_000) + "0\nreport x";
    Diagnostic small = first(onSmallStack(() -> Tok.compile(ifs)), "TOK600");
    Diagnostic[] big = new Diagnostic[1];
    Thread t = new Thread(null, () -> big[0] = first(Tok.compile(ifs), "TOK600"), "big", 16 << 20);
    t.start();
    t.join();
    assertEquals(big[0], small, "the same diagnostic whatever the stack");
    assertEquals(2, small.line());
    assertTrue(small.column() > 1 && small.message().contains("max nesting depth 200"), small.render());
    // just under and just over, on the small stack: 199 ifs (+ the comparison in each) vs 200
    String under = "param c = 1\nlet x = " + "if c > 0 then c else ".repeat(199) + "c\nreport x";
    assertEquals(1.0, onSmallStack(() -> Tok.eval(under).value("x").in("")), 0);
    String over = "param c = 1\nlet x = " + "if c > 0 then c else ".repeat(200) + "c\nreport x";
    assertLimit(onSmallStack(() -> Tok.compile(over)), "max nesting depth 200");
  }

  @Test
  void aLongChainOfComparisonsIsASyntaxErrorNotANestingLimit() throws Exception {
    Compilation c = onSmallStack(() -> Tok.compile("let x = 1" + " < 1".repeat(50_000) + "\nreport x"));
    Diagnostic d = first(c, "TOK100");
    assertEquals("comparisons do not chain", d.message());
    assertEquals(15, d.column()); // the second '<'
    assertTrue(c.diagnostics().stream().noneMatch(x -> x.code().equals("TOK600")), c.diagnostics().toString());
    assertEquals(1.0, Tok.eval("let x = (1 < 2) == (2 < 3)\nreport x").value("x").asBool() ? 1.0 : 0.0, 0);
  }

  @Test
  void everyConstructAtTheDepthLimitChecksAndEvaluatesOnASmallStack() throws Exception {
    String pre = "timeline 2026 to 2030 yearly\nparam p = 1\nfn f(y) = y * 2 + max(y, 1)\n";
    List<String> atLimit = List.of(
        "let x = " + "p + p * -abs(".repeat(49) + "1" + ")".repeat(49),
        "let x = " + "(".repeat(6) + "p" + (" + p".repeat(31) + ")").repeat(6),
        "let x = " + "p > 0 and (p > 0 or (".repeat(49) + "p > 0" + "))".repeat(49),
        // (199 nested calls of a user function overflow the checker's inlining on this stack: the
        // checker's recursion, reported with issue 14 and left to the checker's rewrite)
        "let x = " + "f(".repeat(40) + "p" + ")".repeat(40),
        "let x = " + "cumsum(p * dt / yr + ".repeat(99) + "p * dt / yr" + ")".repeat(99),
        "let x = " + "p ^ -".repeat(99) + "p",
        "let x = " + "-".repeat(199) + "p",
        "let x = " + "(".repeat(199) + "p" + ")".repeat(199));
    for (String let : atLimit) {
      String src = pre + let + "\nreport x";
      Compilation c = onSmallStack(() -> Tok.compile(src));
      assertTrue(c.ok(), () -> let.substring(0, 40) + ": " + c.diagnostics());
      assertTrue(onSmallStack(() -> c.model().evaluate().reports().size()) == 1);
    }
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

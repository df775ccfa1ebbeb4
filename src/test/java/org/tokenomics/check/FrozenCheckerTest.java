package org.tokenomics.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.tokenomics.diag.Diagnostic;
import org.tokenomics.Model;
import org.tokenomics.Tokenomics;
import org.tokenomics.eval.Frame;
import org.tokenomics.syntax.SourceFile;

/** The checked model is frozen: overrides are pure functions of it; whole-series operators are cells. */
class FrozenCheckerTest {
  private static final String FIVE_YEARS = "timeline 2026 to 2030 yearly\n";

  private static Model model(String src) {
    return Tokenomics.standard().compile("t.tok", src).model();
  }

  private static CompiledModel compiled(String src) {
    Compiler.Result r = Compiler.compile(new SourceFile("t.tok", src, false), null, Compiler.Options.defaults(Path.of(".")),
        Map.of(), name -> null);
    assertTrue(r.diagnostics().stream().noneMatch(Diagnostic::isError), () -> r.diagnostics().toString());
    return r.model();
  }

  @Test
  void cumsumOfASingleValueIsARunningSumOverTheTimeline() {
    Model m = model(FIVE_YEARS + "param capex = $5B\nreport spent = cumsum(capex) as $B\nreport c5 = cumsum(5)\nreport s5 = sum(5)\n");
    var e = m.evaluate();
    assertArrayEquals(new double[] {5, 10, 15, 20, 25}, e.value("spent").series("$B"), 1e-9);
    assertArrayEquals(new double[] {5, 10, 15, 20, 25}, e.value("c5").series(""), 1e-9);
    assertEquals(25, e.value("s5").in(""), 1e-9);
  }

  @Test
  void lagOfASingleValueIsASeries() {
    Model m = model(FIVE_YEARS + "param p = 1\nreport lagged = lag(p, 1)\nreport two = lag(p, 2) + lag(p, 2)\n");
    var e = m.evaluate();
    assertTrue(e.value("lagged").isSeries());
    assertArrayEquals(new double[] {0, 1, 1, 1, 1}, e.value("lagged").series(""), 1e-12);
    assertArrayEquals(new double[] {0, 0, 2, 2, 2}, e.value("two").series(""), 1e-12);
  }

  @Test
  void reductionsOfRunningSumsAndNestedFunctionsEvaluate() {
    Model m = model(FIVE_YEARS + "param p = 1\nreport m = max(cumsum(p)) + max(cumsum(p))\n"
        + "report n = last(cumsum(npv($73 * dt / yr, 5 %)))\n"
        + "fn f(y) = once(y, at: first(date)) * min(-y)\nreport ff = sum(f(f(2)))\n");
    var e = m.evaluate();
    assertEquals(10, e.value("m").in(""), 1e-12);
    assertEquals(0, e.value("ff").in(""), 1e-12);
    double npv = 0;
    for (int k = 1; k <= 5; k++) {
      npv += 73 / Math.pow(1.05, k);
    }
    assertEquals(5 * npv, e.value("n").in("$"), 1e-6);
  }

  @Test
  void dependenciesAreReadOffTheNodeTree() {
    CompiledModel cm = compiled(FIVE_YEARS + "param a = 2\nlet b = a * 3\nlet c = sum(b * dt / yr) + a\nreport c\n");
    for (CellSym cell : cm.cells()) {
      int[] fromProgram = cm.program().cell(cell.slot()).deps();
      assertArrayEquals(cell.deps(), fromProgram, cell.name());
    }
    CellSym c = cm.valuesByName().get("c");
    // c reads a and the hidden cell of the sum, which reads its operand's cell, which reads b
    assertTrue(java.util.Arrays.stream(c.deps()).anyMatch(d -> cm.cells().get(d).role() == CellSym.Role.HIDDEN));
  }

  @Test
  void overridesNeverChangeTheModelAndHaveTheirOwnBudget() {
    CompiledModel cm = compiled("param x = 1\nfn f(v) = v * 2\nreport y = f(f(x))\n");
    int cells = cm.cells().size();
    int programSize = cm.program().size();
    String ten = "f(f(f(f(f(f(f(f(f(f(%d))))))))))";
    // 12,000 overrides of ten calls each: 120,000 expansions, more than the budget of one check
    for (int i = 0; i < 12_000; i++) {
      List<Diagnostic> errors = new ArrayList<>();
      CompiledModel.Override o = OverrideCompiler.compile(cm, "x", String.format(ten, i), errors);
      assertNotNull(o, () -> errors.toString());
      if (i % 2_999 == 0) {
        Frame f = cm.program().with(Map.of(o.slot(), o.cell())).newFrame();
        int y = cm.reports().get(0).slot();
        assertEquals(4.0 * 1024 * i, f.values(y)[0], 1e-6);
      }
    }
    assertEquals(cells, cm.cells().size());
    assertEquals(programSize, cm.program().size());
  }

  @Test
  void aModelEvaluatedWithManyDistinctOverridesGivesTheRightValueEveryTime() {
    Model m = model("param x = 1\nfn f(v) = v * 2\nreport y = f(f(x))\n");
    for (int i = 0; i < 12_000; i++) {
      assertEquals(8.0 * i, m.evaluate(Map.of("x", "f(" + i + ")")).value("y").in(""), 1e-9);
    }
  }

  @Test
  void overridesCompileConcurrently() throws Exception {
    Model m = model(FIVE_YEARS + "param x = 1\nfn f(v) = v * 2\nreport y = sum(f(x) * dt / yr)\n");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int base = t * 1000;
        results.add(pool.submit(() -> {
          for (int i = base; i < base + 500; i++) {
            double y = m.evaluate(Map.of("x", "f(" + i + ")")).value("y").in("");
            if (Math.abs(y - 20.0 * i) > 1e-9) {
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> r : results) {
        assertTrue(r.get());
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void anOverrideThatReadsItselfThroughAReductionIsRefused() {
    CompiledModel cm = compiled(FIVE_YEARS + "param x = 1\nreport y = x\n");
    List<Diagnostic> errors = new ArrayList<>();
    assertNull(OverrideCompiler.compile(cm, "x", "sum(x * dt / yr)", errors));
    assertEquals("TOK400", errors.get(0).code(), errors.toString());
  }

  /** Runs {@code body} on a thread with a 512 KiB stack, as a host's worker thread might be. */
  private static <T> T onSmallStack(java.util.concurrent.Callable<T> body) throws Exception {
    Object[] out = new Object[1];
    Thread t = new Thread(null, () -> {
      try {
        out[0] = body.call();
      } catch (Throwable e) {
        out[0] = e;
      }
    }, "small", 512 * 1024);
    t.start();
    t.join();
    if (out[0] instanceof Throwable e) {
      throw new AssertionError("threw " + e, e);
    }
    @SuppressWarnings("unchecked")
    T result = (T) out[0];
    return result;
  }

  private static String chainOfFunctions(int n) {
    StringBuilder src = new StringBuilder("fn f0(x) = x + 1\n");
    for (int i = 1; i < n; i++) {
      src.append("fn f").append(i).append("(x) = f").append(i - 1).append("(x) * 1 + 1\n");
    }
    return src.append("report y = f").append(n - 1).append("(1)\n").toString();
  }

  @Test
  void functionDepthIsACountedLimitWithAPositionWhateverTheCallersStack() throws Exception {
    var c = onSmallStack(() -> Tokenomics.standard().compile("deep.tok", chainOfFunctions(3000)));
    assertEquals("TOK600", c.diagnostics().get(0).code(), c.diagnostics().toString());
    assertTrue(c.diagnostics().get(0).line() > 0, c.diagnostics().toString());
    assertTrue(c.diagnostics().get(0).message().contains("max function depth " + Checker.MAX_FUNCTION_DEPTH));
  }

  @Test
  void functionsJustUnderTheLimitAndLongChainsEvaluateOnASmallStack() throws Exception {
    double y = onSmallStack(() -> model(chainOfFunctions(Checker.MAX_FUNCTION_DEPTH - 1)).evaluate().value("y").in(""));
    assertEquals(Checker.MAX_FUNCTION_DEPTH, y, 1e-9);
    StringBuilder chain = new StringBuilder("param a0 = 1\n");
    for (int i = 1; i < 20_000; i++) {
      chain.append("let a").append(i).append(" = a").append(i - 1).append(" + 1\n");
    }
    chain.append("report y = a19999\n");
    double z = onSmallStack(() -> model(chain.toString()).evaluate().value("y").in(""));
    assertEquals(20_000, z, 1e-9);
  }
}

package org.tokenomics.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tokenomics.Compilation;
import org.tokenomics.Diagnostic;
import org.tokenomics.Tokenomics;

/** The registry of built-ins is complete: each entry is in the manual and reached by the checker. */
class BuiltinRegistryTest {
  private static final Tokenomics TOK = Tokenomics.standard();

  @Test
  void everyBuiltinIsInTheReferenceManual() throws Exception {
    String manual = Files.readString(Path.of("dsl/manual/reference.md"));
    for (BuiltinFunctions.Entry e : BuiltinFunctions.all()) {
      assertTrue(manual.contains("`" + e.name() + "("), "dsl/manual/reference.md does not document " + e.signature());
    }
  }

  @Test
  void everyFunctionEntryIsReachedByTheChecker() {
    for (BuiltinFunctions.Entry e : BuiltinFunctions.all()) {
      if (e.shape() == BuiltinFunctions.Shape.DISTRIBUTION) {
        continue;
      }
      // A label it does not have: the checker must reach the entry and bind against its parameters.
      Compilation c = TOK.compile("t.tok", "timeline 2026 to 2027 yearly\nlet x = " + e.name() + "(zz: 1)\n");
      List<String> codes = c.diagnostics().stream().map(Diagnostic::code).collect(Collectors.toList());
      assertEquals(List.of("TOK302"), codes, e.name() + ": " + c.diagnostics());
      assertTrue(c.diagnostics().get(0).message().contains(e.name() + " has no parameter 'zz'"), c.diagnostics().toString());
      String first = e.params().get(0).label();
      assertTrue(c.diagnostics().get(0).help().contains(first), c.diagnostics().toString());
    }
  }

  @Test
  void everyDistributionEntryIsAParamValueAndNothingElse() {
    for (BuiltinFunctions.Entry e : BuiltinFunctions.all()) {
      if (e.shape() != BuiltinFunctions.Shape.DISTRIBUTION) {
        continue;
      }
      String args = java.util.stream.IntStream.rangeClosed(1, e.params().size())
          .mapToObj(i -> BuiltinFunctions.raw(e.name(), e.params().get(i - 1).label()) ? "[1: 100 %]" : String.valueOf(i))
          .collect(Collectors.joining(", ")); // valid for every family: bernoulli(1), gbm(1, 2, 3), discrete([1: 100 %]) …
      Compilation ok = TOK.compile("t.tok", "param x = " + e.name() + "(" + args + ")\nreport x\n");
      assertTrue(ok.ok(), e.name() + ": " + ok.diagnostics());
      Compilation inside = TOK.compile("t.tok", "let y = 2 * " + e.name() + "(" + args + ")\n");
      assertFalse(inside.ok());
      assertEquals("TOK302", inside.diagnostics().get(0).code());
    }
  }

  @Test
  void theLanguageServerOffersEveryBuiltin() throws Exception {
    var functions = Class.forName("org.tokenomics.lsp.BuiltIns").getDeclaredField("FUNCTIONS");
    functions.setAccessible(true);
    java.util.Map<?, ?> offered = (java.util.Map<?, ?>) functions.get(null);
    assertEquals(BuiltinFunctions.names(), offered.keySet());
  }
}

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

  /**
   * A function's entry is made from its case in {@code BuiltinFunctions.define} when first asked
   * for: the list of names and the cases must agree both ways (a name without a case fails when
   * asked for; a case without a name would never be reached), and an entry is made once.
   */
  @Test
  void everyNamedFunctionHasItsCaseAndEveryCaseItsName() throws Exception {
    String source = Files.readString(Path.of("src/main/java/org/tokenomics/check/BuiltinFunctions.java"));
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\bcase \"([a-z0-9_]+)\" -> entry\\(name,").matcher(source);
    java.util.Set<String> cases = new java.util.LinkedHashSet<>();
    while (m.find()) {
      assertTrue(cases.add(m.group(1)), "two cases for " + m.group(1));
    }
    java.util.Set<String> functions = new java.util.LinkedHashSet<>();
    for (String name : BuiltinFunctions.names()) {
      BuiltinFunctions.Entry e = BuiltinFunctions.get(name);
      assertEquals(name, e.name());
      assertTrue(e == BuiltinFunctions.get(name), name + " made twice");
      if (e.shape() != BuiltinFunctions.Shape.DISTRIBUTION) {
        functions.add(name);
        assertTrue(e.rule() != null || e.factory() != null, name + " has neither a rule nor a node"); // prev: Prevs checks it
      }
    }
    assertEquals(List.copyOf(functions), List.copyOf(cases), "the names and the cases of BuiltinFunctions.define, in order");
    assertTrue(BuiltinFunctions.get("no_such_builtin") == null);
    assertTrue(BuiltinFunctions.get(null) == null);
  }

  @Test
  void theLanguageServerOffersEveryBuiltin() throws Exception {
    var functions = Class.forName("org.tokenomics.lsp.BuiltIns").getDeclaredField("FUNCTIONS");
    functions.setAccessible(true);
    java.util.Map<?, ?> offered = (java.util.Map<?, ?>) functions.get(null);
    assertEquals(BuiltinFunctions.names(), offered.keySet());
  }
}

package org.tokenomics.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenomics.Compilation;
import org.tokenomics.Diagnostic;
import org.tokenomics.Evaluation;
import org.tokenomics.Explanation;
import org.tokenomics.Model;
import org.tokenomics.Scenario;
import org.tokenomics.Simulation;
import org.tokenomics.Tokenomics;

/** Variant files (LANGUAGE.md §19): {@code amends "PATH"} composed with the rest of the language. */
class AmendsTest {
  @TempDir
  Path dir;

  private static final String BASE = """
      timeline 2026 to 2030 yearly
      param capex_per_gw: $/GW = $50B/GW within $20B/GW to $80B/GW
      param capacity = 1 GW
      param life = 5 yr
      let capex = capex_per_gw * capacity
      report capex as $B
      report depreciation = capex / life as $B/yr
      report years = sum(dt / yr)
      scenario dear { capex_per_gw = $60B/GW }
      """;

  @BeforeEach
  void base() throws Exception {
    Files.writeString(dir.resolve("base.tok"), BASE);
  }

  private Compilation compile(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    // The root is the test's folder, so files in sub-folders may amend files above them.
    return Tokenomics.builder().root(dir).build().compile(p);
  }

  private Model model(String name, String text) throws Exception {
    Compilation c = compile(name, text);
    assertTrue(c.ok(), () -> codes(c));
    return c.model();
  }

  private static String codes(Compilation c) {
    return c.diagnostics().stream().map(Diagnostic::render).collect(Collectors.joining("\n"));
  }

  @Test
  void aVariantHasTheBaseWithItsNewParamsTimelineReportsAndScenarios() throws Exception {
    Model m = model("bear.tok", """
        amends "base.tok"
        timeline 2026-01 to 2026-12 monthly
        param capex_per_gw = $40B/GW
        report spend = -once(capex, at: 2026-03) as $B
        scenario cheap { capex_per_gw = $30B/GW }
        """);
    Evaluation e = m.evaluate();
    assertEquals(40, e.value("capex").in("$B"), 1e-9);
    assertEquals(8, e.value("depreciation").in("$B/yr"), 1e-9);
    assertEquals(1, e.value("years").in("1"), 1e-9); // twelve months: the variant's timeline
    assertEquals(12, e.value("spend").periods().size());
    assertEquals(List.of("dear", "cheap"), m.scenarios());
    assertEquals(60, m.evaluate(Scenario.named("dear")).value("capex").in("$B"), 1e-9);
    assertEquals(30, m.evaluate(Scenario.named("cheap")).value("capex").in("$B"), 1e-9);
    assertEquals(45, m.evaluate(Map.of("capex_per_gw", "$45B/GW")).value("capex").in("$B"), 1e-9);
  }

  @Test
  void withoutItsOwnTimelineAVariantKeepsTheBasesAndAChainTakesTheNearest() throws Exception {
    assertEquals(5, model("same.tok", "amends \"base.tok\"\nparam life = 4 yr\n").evaluate().value("years").in("1"), 1e-9);
    compile("mid/quarters.tok", "amends \"../base.tok\"\ntimeline 2026 to 2027 quarterly\nparam capacity = 2 GW\n");
    Model top = model("mid/top.tok", "amends \"quarters.tok\"\nparam capex_per_gw = $30B/GW within $10B/GW to $65B/GW\n");
    Evaluation e = top.evaluate();
    assertEquals(2, e.value("years").in("1"), 1e-9);       // the middle file's timeline
    assertEquals(60, e.value("capex").in("$B"), 1e-9);     // $30B/GW from the top, 2 GW from the middle
    // The top's own domain replaces the base's: $70B/GW is outside $10B/GW to $65B/GW, $15B/GW inside.
    assertFalse(top.check(Map.of("capex_per_gw", "$70B/GW")).isEmpty());
    assertTrue(top.check(Map.of("capex_per_gw", "$15B/GW")).isEmpty());
  }

  @Test
  void aRedeclaredParamKeepsItsBasesDomainForOverridesToo() throws Exception {
    Model m = model("v.tok", "amends \"base.tok\"\nparam capex_per_gw = $40B/GW\n");
    List<Diagnostic> outside = m.check(Map.of("capex_per_gw", "$90B/GW"));
    assertEquals("TOK302", outside.get(0).code(), outside.toString());
    assertTrue(outside.get(0).message().contains("$20B/GW to $80B/GW"), outside.get(0).message());
    Compilation badScenario = compile("s.tok", "amends \"base.tok\"\nscenario wild { capex_per_gw = $5B/GW }\n");
    assertFalse(badScenario.ok());
    assertEquals("s.tok", Path.of(badScenario.diagnostics().get(0).file()).getFileName().toString());
  }

  @Test
  void aVariantCanMakeAParamUncertainAndExplainShowsWhereEachValueLives() throws Exception {
    Model m = model("mc.tok", "amends \"base.tok\"\nparam capex_per_gw = uniform($40B/GW, $60B/GW)\n");
    Simulation s = m.simulate(4000, 7);
    assertEquals(50, s.mean("capex").in("$B"), 0.5);
    assertTrue(s.quantile("capex", 0.05).in("$B") < 42);
    Explanation x = m.explain("capex", 4, Scenario.BASE, Map.of());
    assertTrue(x.where().startsWith("base.tok") || x.where().contains("base.tok:"), x.where());
    Explanation param = x.inputs().stream().filter(i -> i.name().equals("capex_per_gw")).findFirst().orElseThrow();
    assertTrue(param.where().contains("mc.tok"), param.where());
  }

  @Test
  void redeclaringAnythingButAParamIsTok201AndTwoVariantsOfOneBaseClash() throws Exception {
    Compilation let = compile("l.tok", "amends \"base.tok\"\nlet capacity = 2 GW\n");
    assertEquals("TOK201", let.diagnostics().get(0).code());
    assertTrue(let.diagnostics().get(0).message().contains("a variant may redeclare only params"));
    compile("a.tok", "amends \"base.tok\"\nparam life = 4 yr\n");
    compile("b.tok", "amends \"base.tok\"\nparam life = 3 yr\n");
    Compilation both = compile("both.tok", "import \"a.tok\"\nimport \"b.tok\"\nreport x = 1\n");
    assertTrue(both.diagnostics().stream().anyMatch(d -> d.code().equals("TOK201")), codes(both));
  }

  @Test
  void cyclesPrintTheChainAndAmendsMustComeFirst() throws Exception {
    compile("x.tok", "amends \"y.tok\"\n");
    compile("y.tok", "amends \"z.tok\"\n");
    Compilation c = compile("z.tok", "amends \"x.tok\"\nreport r = 1\n");
    Diagnostic d = c.diagnostics().get(0);
    assertEquals("TOK400", d.code());
    assertEquals("amends cycle: z.tok -> x.tok -> y.tok -> z.tok", d.message());
    Compilation late = compile("late.tok", "report r = 1\namends \"base.tok\"\n");
    assertEquals("TOK100", late.diagnostics().get(0).code());
    assertEquals(2, late.diagnostics().get(0).line());
  }

  @Test
  void importsAreReadWithinTheSizeLimitAndOnlyWhenTheyAreTok() throws Exception {
    Files.writeString(dir.resolve("big.tok"), "report x = 1\n" + "// padding\n".repeat(100));
    Files.writeString(dir.resolve("notes.md"), "secret = 1\n");
    Tokenomics tight = Tokenomics.builder().limits(org.tokenomics.Limits.DEFAULT.withMaxSourceBytes(200)).build();
    Path main = dir.resolve("m.tok");
    Files.writeString(main, "import \"big.tok\"\namends \"base.tok\"\n");
    Compilation big = tight.compile(main);
    assertEquals("TOK600", big.diagnostics().get(0).code(), codes(big));
    assertEquals(1, big.diagnostics().get(0).line());
    Files.writeString(main, "import \"notes.md\"\nreport y = 2\n");
    Compilation md = Tokenomics.standard().compile(main);
    assertEquals("TOK202", md.diagnostics().get(0).code());
    assertFalse(codes(md).contains("secret"), codes(md));
  }

  @Test
  void fmtKeepsTheAmendsLineAndTheResultCompilesToTheSameValues() throws Exception {
    String src = "amends   \"base.tok\"\nparam   capex_per_gw=$40B/GW\n";
    String formatted = Tokenomics.format("v.tok", src).text();
    assertTrue(formatted.startsWith("amends \"base.tok\"\n"), formatted);
    assertEquals(formatted, Tokenomics.format("v.tok", formatted).text());
    double before = model("v1.tok", src).evaluate().value("capex").in("$B");
    double after = model("v2.tok", formatted).evaluate().value("capex").in("$B");
    assertEquals(before, after);
    assertArrayEquals(new double[] {40}, new double[] {after});
  }

  @Test
  void anAssertionInheritedFromTheBaseNamesItsFileWhereverItIsReported() throws Exception {
    Files.writeString(dir.resolve("base.tok"), BASE + "assert capex < $55B \"the base's budget\"\n");
    Model m = model("dear.tok", """
        amends "base.tok"
        param capex_per_gw = $60B/GW
        assert depreciation > $1B/yr "the variant's own"
        """);
    List<org.tokenomics.AssertionResult> checks = m.evaluate().assertions();
    assertEquals(2, checks.size());
    org.tokenomics.AssertionResult inherited = checks.get(0);
    assertFalse(inherited.ok());
    assertEquals(10, inherited.line()); // base.tok's line, not the variant's
    assertTrue(inherited.file().endsWith("base.tok"), inherited.file());
    assertTrue(inherited.where().matches(".*base\\.tok line 10"), inherited.where());
    org.tokenomics.AssertionResult own = checks.get(1);
    assertEquals(null, own.file());
    assertEquals("line 3", own.where());
    // Monte Carlo and tok test carry the same file.
    assertTrue(m.simulate(200, 1).assertions().get(0).file().endsWith("base.tok"));
    org.tokenomics.TestResult t = m.test(org.tokenomics.TestOptions.defaults().withTries(50).withThreads(1)
        .withParams(List.of("capex_per_gw")));
    assertFalse(t.passed());
    assertTrue(t.counterexamples().stream().anyMatch(x -> x.file() != null && x.file().endsWith("base.tok")
        && x.line() == 10), t.counterexamples()::toString);
  }
}

package org.tokenomics.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tokenomics.Compilation;
import org.tokenomics.Model;
import org.tokenomics.TestModels;
import org.tokenomics.run.Runner;
import org.tokenomics.check.CompiledModel;

/**
 * The generated code is the interpreter, faster: every sample model and a set of models aimed at
 * each node and each error, evaluated once with every cell interpreted and once with every cell
 * compiled, give bit-identical values, the same assertion outcomes and the same errors (code,
 * place and message), for every report and every named value.
 */
class CodegenTest {
  static final List<String> MODELS = List.of(
      // prev and lag(x, 1) recurrences (LANGUAGE.md §10), a cumsum in its group, cells reading them, and one that divides by zero
      """
      timeline 2026-01 to 2027-12 monthly
      param opening = $100M
      param rate = 8 %
      let interest = prev(debt, initial: opening) * rate * dt / 1 yr
      let repay = min(prev(debt, initial: opening) + interest, $7M)
      let debt = prev(debt, initial: opening) + interest - repay
      let paid = lag(paid, 1) + repay
      let part = min(repay, $50M - prev(taken))
      let taken = cumsum(part)
      let share = paid / debt
      let left = prev(left, initial: 3) - 1
      let bad = prev(bad, initial: 1) / left
      report debt as $M
      report share
      report total = sum(repay) as $M
      report taken as $M
      report bad
      """,
      // a group whose middle member overflows (TOK500 at that member and period, from the group),
      // a group reading a scalar's earlier value, if/and/min inside a group, a group of two that
      // reads a same-period member, and a cell reading a group member's earlier value
      """
      timeline 2026-01 to 2030-12 monthly
      param k = 3
      param seed = 1e250
      let a = prev(b, initial: seed) * 10
      let b = a * prev(c, initial: 1e10) + lag(k, 2)
      let c = prev(c, initial: 2) + 1
      let q = if period > 2 and prev(q) < 100 then prev(q) * 2 + lag(k, 1) else min(prev(q), 7) + 1
      let u = prev(v, initial: 1) + q
      let v = u / 2 + prev(u)
      let w = prev(v, initial: 0) - lag(v, 3)
      report a
      report c
      report q
      report v
      report w
      """,
      // arithmetic, comparisons, logic, if, element-wise min/max, math functions
      """
      timeline 2026 to 2027 quarterly
      param a = 3
      param b = -2.5
      let x = (a + b * period) / (1 + period) - a ^ 0.5 * -b
      let c = if x > 0 and not (x == 1) or period >= 6 then x else -x
      let m = min(x, c, 2) + max(x, 0)
      let f = exp(x / 10) + ln(a) + log10(a * 100) + sqrt(a) + abs(b) + floor(x) + ceil(x) + round(x)
      let cmp = (if x < 1 then 1 else 0) + (if x <= 1 then 2 else 0) + (if x != 1 then 4 else 0) + (if x >= 1 then 8 else 0)
      report x
      report c
      report m
      report f
      report cmp
      """,
      // time functions, built-in series, reductions with windows, cumsum, finance
      """
      timeline 2026-01 to 2028-12 monthly
      param start = 2026-04
      param cash = $2M/month
      let r = ramp(from: start, over: 6 month) + ramp(from: 2027-01)
      let on = active(from: start, for: 1 yr) + active(until: 2027-06) + active(from: 2027-02, until: 2028-01)
      let g = grow(by: 2 %, every: month) * halving(every: 18 month) * decline(by: 1 %, every: quarter)
      let flow = cash * dt * (r - 0.5) + once($5M, at: 2027-03) - once($1M, at: 2031-01)
      let lagged = lag(flow, 3) + flow[2027-01] + lag(flow, -2)
      let c = cumsum(flow)
      report r
      report on
      report g
      report flow as $M
      report lagged as $M
      report c as $M
      report total = sum(flow) as $M
      report window = sum(flow, from: 2027-01, to: 2027-12) as $M
      report averages = mean(g) + min(g) + max(g) + first(g) + last(g)
      report value = npv(flow, 8 %, initial: $3M) as $M
      report back = payback(flow, initial: $3M) as yr
      report rate = irr(flow, initial: $3M) as %
      report years = t / 1 yr + year - 2026 + period + (date - 2026-01) / 1 month
      report loan = crf(5 %, 10 yr)
      """,
      // a static model
      """
      param x = 4
      let y = x * t / 1 yr + dt / 1 yr + year + period
      report y
      report s = sum(y) + mean(y)
      """,
      // division by zero in one period, only where it is evaluated
      """
      timeline 2026 to 2030 yearly
      let d = year - 2028
      report bad = 1 / d
      report guarded = if d != 0 then 1 / d else 0
      report lazy_and = if d != 0 and 1 / d > 0 then 1 else 0
      report lazy_or = if d == 0 or 1 / d > 0 then 1 else 0
      report windowed = sum(1 / d, from: 2029-01)
      report ok = d * 2
      """,
      // values that are not finite, and domain errors
      """
      timeline 2026 to 2028 yearly
      param big = 1e300
      let huge = big * big * (year - 2026)
      report h = huge
      report l = ln(year - 2027)
      report r = sqrt(2027 - year)
      report fine = big
      """,
      // errors of the time and finance functions
      """
      timeline 2026 to 2028 yearly
      param e = 0 month
      report g = grow(by: 1 %, every: e)
      report outside = year[2031-01]
      report v = npv(year * $1, -150 %)
      report never = irr(year * $1)
      """,
      // fused cells (Fusion): a value that is not finite in a member whose check a later member
      // covers, a division by zero in a later member at an earlier period, a guarded read, a date
      // and a bool among the members, a cell read through prev, and a report that is another name
      """
      timeline 2026 to 2030 yearly
      param big = 1e300
      let a = big * (year - 2026) * 1e10
      let b = a - 1
      let c = 1 / (year - 2029) + b * 0
      let d = if year > 2027 then 0 else b
      let e = -a / 2 + prev(d) * 3
      let when = date + 1 month
      let late = when > 2028-06 and d == 0
      let g = (d + 1) * (if late then 2 else 1)
      report c
      report d
      report e
      report g
      report f = a + e
      report also = g
      """,
      // a goal seek
      """
      param price = 1
      let margin = (price - 3) / price
      solve p for price so that margin == 50 % within 0.5 to 100
      report p
      report m = margin
      """);

  @TestFactory
  Stream<DynamicTest> modelsAgree() {
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < MODELS.size(); i++) {
      String source = MODELS.get(i);
      tests.add(DynamicTest.dynamicTest("model " + i, () -> agree(TestModels.TOK.compile("m.tok", source))));
    }
    return tests.stream();
  }

  /** The samples, and the benchmark's models (issue 23's evaluation suite). */
  @TestFactory
  Stream<DynamicTest> samplesAgree() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("samples", "src/bench/resources")) {
      try (Stream<Path> s = Files.walk(Path.of(dir))) {
        files.addAll(s.filter(p -> p.toString().endsWith(".tok")).sorted().toList());
      }
    }
    return files.stream().map(f -> DynamicTest.dynamicTest(f.toString(), () -> agree(TestModels.TOK.compile(f))));
  }

  /**
   * Every public conformance case that compiles (those expecting compile errors are checked by the
   * conformance runner) evaluates the same interpreted and compiled. The cases live beside the
   * project ({@code ../shared}), as in CI; without them this fails under CI and is empty locally.
   */
  @TestFactory
  Stream<DynamicTest> conformanceCasesAgree() throws IOException {
    Path dir = Path.of("..", "shared", "conformance", "cases");
    if (!Files.isDirectory(dir)) {
      assertTrue(System.getenv("CI") == null, "CI runs with ../shared beside the project: " + dir.toAbsolutePath());
      return Stream.empty();
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".tok")).sorted().toList();
    }
    return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
      Compilation c = TestModels.TOK.compile(f);
      if (c.ok()) {
        agree(c);
      }
    }));
  }

  @Test
  void aHotCellIsCompiledAndAColdOneIsNot() {
    Model m = TestModels.compile("""
        timeline 2026 to 2030 yearly
        param a = 2
        let x = a * year
        report x
        """);
    NodeComputer x = null;
    Program p = org.tokenomics.TestModels.compiled(m).program();
    for (int s = 0; s < p.size(); s++) {
      if (p.cell(s).name().equals("x")) {
        x = (NodeComputer) p.cell(s).computer();
      }
    }
    assertNotNull(x);
    m.evaluate();
    assertEquals(NodeComputer.COMPILE_AFTER == 0, x.isCompiled());
    for (int i = 0; i <= NodeComputer.COMPILE_AFTER; i++) {
      m.evaluate();
    }
    assertTrue(NodeComputer.COMPILE_AFTER < 0 || x.isCompiled());
  }

  @Test
  void aHotGroupIsCompiled() {
    Model m = TestModels.compile("""
        timeline 2026 to 2030 yearly
        param rate = 5 %
        let debt = prev(debt, initial: 100) * (1 + rate) - paid
        let paid = prev(debt, initial: 100) * rate / 2
        report debt
        """);
    Recurrence group = null;
    Program p = org.tokenomics.TestModels.compiled(m).program();
    for (int s = 0; s < p.size(); s++) {
      if (p.cell(s).computer() instanceof Recurrence r) {
        group = r;
      }
    }
    assertNotNull(group);
    // paid is no report: a fused plan keeps no array for it, and asking for it runs the group's
    // own step (a plan not fused yet runs it anyway)
    double[] first = m.evaluate().value("paid").values();
    assertEquals(NodeComputer.COMPILE_AFTER == 0, group.isCompiled());
    for (int i = 0; i <= NodeComputer.COMPILE_AFTER; i++) {
      assertArrayEquals(first, m.evaluate().value("paid").values());
    }
    assertTrue(NodeComputer.COMPILE_AFTER < 0 || group.isCompiled());
  }

  @Test
  void aHotPlanIsFused() {
    Model m = TestModels.compile("""
        timeline 2026 to 2030 yearly
        param a = 2
        let x = a * year
        let y = x + 1
        report z = y * 2
        """);
    CompiledModel cm = org.tokenomics.TestModels.compiled(m);
    Program.Plan plan = cm.program().plan(Runner.roots(cm));
    double[] first = m.evaluate().value("z").values();
    for (int i = 0; i <= NodeComputer.COMPILE_AFTER; i++) {
      assertArrayEquals(first, m.evaluate().value("z").values());
    }
    Fusion.Step[] steps = plan.fusion().steps(plan);
    assertTrue(NodeComputer.COMPILE_AFTER < 0 || java.util.Arrays.stream(steps).anyMatch(s -> s.group() != null
        && s.group().members().length == 3 && s.group().kept().length == 1));
  }

  @Test
  void aHotFusedPlanUnderMonteCarloWithDrawIndependentCellsEqualsAColdRun() {
    // Monte Carlo pins the cells no draw reaches (a, k); a fused group mixing them with drawn
    // cells must neither compute them again nor skip a constant it inlined (a regression: the
    // pinned members run one by one met a param the fused schedule had folded away).
    String source = """
        timeline 2026 to 2030 yearly
        param a = 2
        param g = normal(0.1, 0.02)
        let k = a * year
        let x = k * (1 + g)
        let y = x + a
        report z = y * 2
        report total = sum(z)
        """;
    Model hot = TestModels.compile(source);
    for (int i = 0; i <= NodeComputer.COMPILE_AFTER + 1; i++) {
      hot.evaluate();
    }
    hot.simulate(300, 11); // the simulation's own plan made hot too, so the next run starts fused
    hot.simulate(300, 11);
    org.tokenomics.Simulation warm = hot.simulate(300, 11);
    org.tokenomics.Simulation cold = TestModels.compile(source).simulate(300, 11);
    assertArrayEquals(cold.mean("z").values(), warm.mean("z").values());
    assertArrayEquals(cold.quantile("total", 0.5).values(), warm.quantile("total", 0.5).values());
    // The playground's 60-month build-out (where the regression showed): its plan hot, then again.
    String buildout;
    try (java.io.InputStream in = CodegenTest.class.getResourceAsStream("/org/tokenomics/serve/buildout.tok")) {
      buildout = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Model b = TestModels.compile(buildout);
    org.tokenomics.Simulation first = b.simulate(500, 7);
    for (int i = 0; i < 3; i++) {
      org.tokenomics.Simulation again = b.simulate(500, 7);
      for (String r : first.reportNames()) {
        assertArrayEquals(first.mean(r).values(), again.mean(r).values(), r);
      }
    }
  }

  /** Interpreted and compiled runs of {@code c} agree on everything. */
  static void agree(Compilation c) {
    assertTrue(c.ok(), () -> c.diagnostics().toString());
    CompiledModel model = org.tokenomics.TestModels.compiled(c.model());
    Program interpreted = replace(model.program(), false);
    Program compiled = replace(model.program(), true);
    Runner.Result a = Runner.run(model, interpreted, "base");
    Runner.Result b = Runner.run(model, compiled, "base");
    assertEquals(a.errors(), b.errors());
    assertEquals(a.reports().size(), b.reports().size());
    for (int i = 0; i < a.reports().size(); i++) {
      assertArrayEquals(a.reports().get(i).values(), b.reports().get(i).values(), a.reports().get(i).spec().name());
    }
    assertEquals(a.asserts(), b.asserts());
    for (int s = 0; s < model.program().size(); s++) { // every named value, on demand, in both
      assertEquals(outcome(a.frame(), s), outcome(b.frame(), s), model.program().cell(s).name());
    }
    // and with the plan's pointwise cells fused into groups (Fusion), every group compiled
    Program fusedProgram = model.program().with(Map.of());
    Program.Plan plan = fusedProgram.plan(Runner.roots(model));
    plan.fusion().fuse(plan);
    Runner.Result f = Runner.run(model, fusedProgram, "base");
    assertEquals(a.errors(), f.errors());
    assertEquals(a.reports().size(), f.reports().size());
    for (int i = 0; i < a.reports().size(); i++) {
      assertArrayEquals(a.reports().get(i).values(), f.reports().get(i).values(), "fused " + a.reports().get(i).spec().name());
    }
    assertEquals(a.asserts(), f.asserts());
    for (int s = 0; s < model.program().size(); s++) {
      assertEquals(outcome(a.frame(), s), outcome(f.frame(), s), "fused " + model.program().cell(s).name());
    }
  }

  /** The values of a slot, or its error. */
  static Object outcome(Frame f, int slot) {
    try {
      return java.util.Arrays.toString(f.values(slot));
    } catch (EvalError e) {
      return e.code() + " " + e.span() + " " + e.getMessage();
    }
  }

  /** The program with every node computer and recurrence group interpreted, or compiled (it must compile). */
  static Program replace(Program p, boolean compile) {
    Map<Integer, Cell> cells = new HashMap<>();
    for (int s = 0; s < p.size(); s++) {
      Cell cell = p.cell(s);
      if (cell.computer() instanceof NodeComputer nc) {
        Computer c = compile ? Codegen.compile(nc) : nc::interpret;
        assertNotNull(c, () -> "cannot compile " + cell.name());
        cells.put(s, cell.withComputer(c, cell.deps(), cell.series()));
      } else if (cell.computer() instanceof Recurrence r) {
        Computer c = compile ? Codegen.compile(r) : r::interpret;
        assertNotNull(c, () -> "cannot compile the recurrence of " + cell.name());
        cells.put(s, cell.withComputer(c, cell.deps(), cell.series()));
      }
    }
    return p.with(cells);
  }
}

package org.tokenomics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import picocli.CommandLine;

/**
 * {@link RunArgs} reads {@code tok run}'s arguments exactly as picocli does, or declines: on any
 * argument list, when it accepts, picocli accepts too (no usage error, no help) and every field
 * of the two commands is equal. Fields are compared by reflection, so an option or default added
 * to RunCommand is compared too.
 */
class RunArgsProperties {
  private static final List<String> OPTIONS = List.of("--scenario", "--set", "--samples", "--tolerance",
      "--tolerance-for", "--max-samples", "--spark", "--seed", "--quantiles", "--format", "--out", "--root");
  private static final List<String> VALUES = List.of("a.tok", "model.tok", "all", "base", "x=1", "m=40 %",
      "5", "010", "0", "-3", "1e3", "0x10", "2.5", "5,50", "5,,50", "5,50,", "10.5,90", "'1 %'", "\"a,b\"", "q\"",
      "auto", "json", "html", "out.html", "", "@args", "--seed", "-h", "--help", "-V", "=", "a=b=c",
      "99999999999999999999", "2147483648", "123456789", "local[*]", "run", "\u0000", " 7");

  @Provide
  Arbitrary<List<String>> argumentLists() {
    Arbitrary<String> option = Arbitraries.of(OPTIONS);
    Arbitrary<String> value = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, Arbitraries.of("a.tok", "all", "x=1", "m=40 %", "5", "010", "5,50", "2.5", "json",
            "auto", "local[*]", "123456789")),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(VALUES)));
    Arbitrary<String> odd = Arbitraries.of("-h", "--help", "-V", "--version", "--bogus", "--", "--samples=",
        "--seed=-1", "-x");
    Arbitrary<List<String>> pair = Arbitraries.oneOf(
        net.jqwik.api.Combinators.combine(option, value).as((o, v) -> List.of(o, v)),
        net.jqwik.api.Combinators.combine(option, value).as((o, v) -> List.of(o + "=" + v)),
        value.map(List::of), value.map(List::of), odd.map(List::of));
    return pair.list().ofMinSize(0).ofMaxSize(5).map(parts -> {
      List<String> args = new ArrayList<>(List.of("run"));
      parts.forEach(args::addAll);
      return args;
    });
  }

  @Property(tries = 1500)
  @net.jqwik.api.statistics.StatisticsReport(net.jqwik.api.statistics.StatisticsReport.StatisticsReportMode.OFF)
  void acceptsOnlyWhatPicocliReadsTheSameWay(@ForAll("argumentLists") List<String> list) throws Exception {
    String[] args = list.toArray(String[]::new);
    RunCommand fast = RunArgs.parse(args);
    Statistics.label("read without picocli").collect(fast != null);
    Statistics.label("read without picocli").coverage(c -> c.check(true).percentage(p -> p > 8));
    if (fast == null) {
      return;
    }
    CommandLine cli = Main.commandLine(args);
    CommandLine.ParseResult result;
    try {
      result = cli.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      fail("RunArgs accepted " + list + " but picocli says: " + e.getMessage());
      return;
    }
    CommandLine.ParseResult sub = result.subcommand();
    assertNotNull(sub, list.toString());
    assertEquals(false, sub.isUsageHelpRequested() || sub.isVersionHelpRequested(), list.toString());
    assertSameFields(sub.commandSpec().userObject(), fast, list);
  }

  @Example
  void thePlainFormsAreRead() throws Exception {
    for (List<String> args : List.of(
        List.of("run", "model.tok"),
        List.of("run", "--scenario", "all", "model.tok"),
        List.of("run", "model.tok", "--set", "margin=40 %", "--set=capex=1 $B", "--scenario", "a", "--scenario", "b"),
        List.of("run", "model.tok", "--samples", "10000", "--seed", "42", "--quantiles", "10,50.5,90"),
        List.of("run", "model.tok", "--samples", "auto", "--tolerance", "1 %", "--tolerance-for", "npv",
            "--max-samples", "5000"),
        List.of("run", "model.tok", "--format", "html", "--out", "r.html", "--root", "."),
        List.of("run", "model.tok", "--samples", "10", "--spark", "local[*]"))) {
      String[] a = args.toArray(String[]::new);
      RunCommand fast = RunArgs.parse(a);
      assertNotNull(fast, args.toString());
      assertSameFields(Main.commandLine(a).parseArgs(a).subcommand().commandSpec().userObject(), fast, args);
    }
  }

  @Example
  void everythingElseIsLeftToPicocli() {
    for (List<String> args : List.of(List.of("run"), List.of("run", "--help"), List.of("run", "m.tok", "-h"),
        List.of("run", "m.tok", "--version"), List.of("check", "m.tok"), List.of("run", "a.tok", "b.tok"),
        List.of("run", "@args.txt"), List.of("run", "m.tok", "--seed", "0x10"), List.of("run", "m.tok", "--seed"),
        List.of("run", "m.tok", "--format", "json", "--format", "csv"), List.of("run", "m.tok", "--bogus", "1"),
        List.of("run", "m.tok", "--", "x"), List.of("run", "m.tok", "--seed=-1"), List.of("run", "--samples", "5"),
        List.of("run", "m.tok", "--quantiles", "5,,95"))) {
      assertNull(RunArgs.parse(args.toArray(String[]::new)), args.toString());
    }
  }

  @Example
  void readsOnlyOptionsTheRunCommandHas() {
    Set<String> names = new TreeSet<>();
    Main.commandLine(new String[] {"run"}).getSubcommands().get("run").getCommandSpec().options()
        .forEach(o -> names.add(o.longestName()));
    // an option added to RunCommand and not yet to RunArgs takes picocli's path: slower, the same
    assertTrue(names.containsAll(OPTIONS), "RunArgs reads an option run does not have: " + OPTIONS + " vs " + names);
    for (String option : OPTIONS) {
      String[] args = {"run", "m.tok", option, option.equals("--quantiles") ? "5,95" : "7"};
      assertNotNull(RunArgs.parse(args), option);
    }
  }

  private static void assertSameFields(Object picocli, RunCommand fast, List<String> args) throws Exception {
    for (Field f : RunCommand.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) || f.getName().equals("spec")) {
        continue;
      }
      f.setAccessible(true);
      assertEquals(f.get(picocli), f.get(fast), f.getName() + " for " + args);
    }
  }
}

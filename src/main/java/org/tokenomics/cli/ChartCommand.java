package org.tokenomics.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jfree.chart.JFreeChart;
import org.tokenomics.Compilation;
import org.tokenomics.Diagnostic;
import org.tokenomics.Evaluation;
import org.tokenomics.EvaluationException;
import org.tokenomics.Model;
import org.tokenomics.Scenario;
import org.tokenomics.Simulation;
import org.tokenomics.Value;
import org.tokenomics.chart.ChartFiles;
import org.tokenomics.chart.Charts;
import org.tokenomics.diag.Suggest;
import org.tokenomics.text.Fmt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tok chart FILE NAME --out F.png|F.svg}: a series report as a line chart (one line per
 * scenario), or under {@code --samples N} a fan chart of its Monte Carlo p5–p95 and p25–p75 bands
 * and p50. NAME may also be a param, let or attribute: {@code tok chart FILE h100 --samples 2000}
 * is the fan of a {@code gbm} path itself ({@code Model.reporting}).
 */
@Command(name = "chart", mixinStandardHelpOptions = true, description = "Chart a series report as PNG or SVG: a line per scenario, or a fan chart under --samples.",
    footerHeading = "%nExamples:%n",
    footer = {"  tok chart samples/gigawatt/two_dark_years.tok revenue --out revenue.svg",
        "  tok chart model.tok revenue --scenario all --out revenue.png",
        "  tok chart model.tok arr --samples 2000 --out fan.png --width 800 --height 400",
        "  tok chart model.tok h100 --samples 2000 --out h100.svg"})
final class ChartCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "the .tok file")
  Path file;

  @Parameters(index = "1", paramLabel = "NAME", description = "the report to chart, or a param, let or attribute (e.g. a gbm price path)")
  String name;

  @Option(names = "--out", required = true, paramLabel = "FILE.png|FILE.svg", description = "the chart file to write")
  Path out;

  @Option(names = "--scenario", paramLabel = "NAME", description = "a declared scenario, or 'all'; each is a line (repeatable)")
  List<String> scenarios = new ArrayList<>();

  @Option(names = "--set", paramLabel = "NAME=VALUE", description = "override a param with a Tok expression (repeatable)")
  List<String> sets = new ArrayList<>();

  @Option(names = "--samples", paramLabel = "N", description = "Monte Carlo samples: a fan chart (p5–p95, p25–p75, p50); a p50 line per member for a family-wide report")
  int samples;

  @Option(names = "--seed", paramLabel = "S", description = "Monte Carlo seed")
  long seed = 1;

  @Option(names = "--width", paramLabel = "PX", description = "image width in pixels (default ${DEFAULT-VALUE})")
  int width = ChartFiles.WIDTH;

  @Option(names = "--height", paramLabel = "PX", description = "image height in pixels (default ${DEFAULT-VALUE})")
  int height = ChartFiles.HEIGHT;

  @Option(names = "--root", paramLabel = "DIR", description = "folder imports must stay inside")
  Path root;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (ChartFiles.formatOf(out) == null) {
      err.println("tok: --out must name a .png or .svg file, got '" + out + "'");
      return 2;
    }
    if (samples < 0 || width < 100 || height < 100 || width > 10_000 || height > 10_000) {
      err.println("tok: --samples must be 0 or more, and --width/--height between 100 and 10000 pixels");
      return 2;
    }
    if (samples > 0 && (!scenarios.isEmpty() || !sets.isEmpty())) {
      err.println("tok: a fan chart (--samples) charts the base model; drop --scenario and --set");
      return 2;
    }
    Compilation c = Session.compile(file, root, err);
    if (c == null) {
      return 2;
    }
    if (!c.ok()) {
      c.diagnostics().forEach(d -> err.println(d.render()));
      return 1;
    }
    try {
      JFreeChart chart = chart(c.model(), err);
      if (chart == null) {
        return 1;
      }
      ChartFiles.write(chart, out, width, height);
    } catch (EvaluationException e) {
      err.println(e.diagnostic().render());
      return 1;
    } catch (UsageError | CliInputs.Usage e) {
      err.println("tok: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      err.println("tok: cannot write " + out + ": " + e.getMessage());
      return 1;
    }
    stdout.println("wrote " + out);
    return 0;
  }

  /**
   * The chart of NAME in {@code model}: lines, a fan under {@code --samples}, or a p50 line per
   * member of a family-wide report; null after printing why there is none.
   */
  JFreeChart chart(Model model, PrintWriter err) {
    List<String> members = members(model);
    if (!model.reportNames().contains(name) && members.isEmpty()) {
      // not a report: a param (a gbm or ou path's fan under --samples), let or instance attribute
      try {
        model = model.reporting(List.of(name));
      } catch (IllegalArgumentException notAValue) {
        err.println("tok: " + file + " has " + notAValue.getMessage());
        return null;
      }
    }
    return samples == 0 ? lines(model, err) : members.isEmpty() ? fan(model, err) : medians(model, members, err);
  }

  /** One line per scenario evaluated (base first); null after printing why there is nothing to chart. */
  private JFreeChart lines(Model model, PrintWriter err) {
    Map<String, String> overrides = CliInputs.sets(sets);
    List<Diagnostic> problems = model.check(overrides);
    if (problems.stream().anyMatch(Diagnostic::isError)) {
      problems.forEach(d -> err.println(d.render()));
      return null;
    }
    List<Charts.Line> lines = new ArrayList<>();
    String unit = null;
    List<String> members = members(model);
    List<String> names = members.isEmpty() ? List.of(name) : members;
    List<String> periods = model.periods();
    List<String> scenarioList = scenarioNames(model);
    for (String scenario : scenarioList) {
      Evaluation e = model.tryEvaluate(Scenario.named(scenario), overrides);
      for (String one : names) {
        if (!e.reportNames().contains(one)) {
          e.errors().forEach(d -> err.println(d.render()));
          return null;
        }
        Value v = e.value(one);
        String label = members.isEmpty() ? scenario
            : scenarioList.size() > 1 ? scenario + " " + one.substring(name.length()) : one;
        if (!line(v, label, lines, err)) {
          return null;
        }
        unit = v.unit();
        periods = v.periods(); // a roll-up's years or quarters, else the timeline's periods
      }
    }
    return Charts.line(name, unit, periods, lines);
  }

  /** A family-wide report's rows ({@code NAME[KEY]}, LANGUAGE.md §15): one line each; empty for a plain report. */
  private List<String> members(Model model) {
    if (model.reportNames().contains(name)) {
      return List.of();
    }
    return model.reportNames().stream().filter(n -> n.startsWith(name + "[") && n.endsWith("]")).toList();
  }

  /** Adds {@code v} as a line; false after printing why it cannot be one. */
  private boolean line(Value v, String label, List<Charts.Line> lines, PrintWriter err) {
    if (!v.isNumber()) {
      err.println("tok: " + name + " is " + v.dimension() + "; only numbers can be charted");
      return false;
    }
    if (!v.isSeries()) {
      err.println("tok: " + name + " is a scalar (" + Fmt.quantity(v.values()[0], v.unit())
          + "), not a series: a chart needs a report that varies by period (give the model a timeline)");
      return false;
    }
    lines.add(new Charts.Line(label, v.values()));
    return true;
  }

  private List<String> scenarioNames(Model model) {
    List<String> names = new ArrayList<>();
    if (scenarios.isEmpty() || scenarios.contains("all") || scenarios.contains("base")) {
      names.add("base");
    }
    for (String s : scenarios) {
      if (s.equals("all")) {
        model.scenarios().stream().filter(n -> !names.contains(n)).forEach(names::add);
      } else if (!s.equals("base") && !names.contains(s)) {
        if (!model.scenarios().contains(s)) {
          String near = Suggest.closest(s, model.scenarios());
          throw new UsageError("no scenario named '" + s + "'" + (near != null ? "; did you mean '" + near + "'?" : ""));
        }
        names.add(s);
      }
    }
    return names;
  }

  private JFreeChart fan(Model model, PrintWriter err) {
    Value v = model.evaluate().value(name);
    if (!v.isNumber()) {
      err.println("tok: " + name + " is " + v.dimension() + "; only numbers can be charted");
      return null;
    }
    if (!v.isSeries()) {
      err.println("tok: " + name + " is a scalar, not a series: a fan chart needs a report that varies by period");
      return null;
    }
    String unit = v.unit().isEmpty() ? null : v.unit();
    Simulation mc = model.simulate(samples, seed);
    return Charts.fan(name + " (" + samples + " samples, seed " + seed + ")", v.unit(), v.periods(),
        mc.quantile(name, 0.05).series(unit), mc.quantile(name, 0.25).series(unit), mc.quantile(name, 0.50).series(unit),
        mc.quantile(name, 0.75).series(unit), mc.quantile(name, 0.95).series(unit));
  }

  /**
   * A family-wide report under {@code --samples}: one p50 line per member, all in the first
   * member's unit. Five overlapping p5–p95 bands would hide each other, so the bands are left to
   * one member's own fan chart ({@code tok chart FILE NAME[KEY] --samples N}).
   */
  private JFreeChart medians(Model model, List<String> members, PrintWriter err) {
    Value v = model.evaluate().value(members.get(0));
    if (!v.isNumber() || !v.isSeries()) {
      err.println("tok: " + name + " is " + (v.isNumber() ? "a scalar for each member" : v.dimension())
          + "; a chart needs a number that varies by period");
      return null;
    }
    String unit = v.unit().isEmpty() ? null : v.unit();
    Simulation mc = model.simulate(samples, seed);
    List<Charts.Line> lines = new ArrayList<>();
    for (String one : members) {
      lines.add(new Charts.Line(one, mc.quantile(one, 0.50).series(unit)));
    }
    return Charts.line(name + ": p50 per member (" + samples + " samples, seed " + seed + ")", v.unit(), v.periods(),
        lines);
  }

  /** Bad usage found after option parsing (exit 2). */
  private static final class UsageError extends RuntimeException {
    UsageError(String message) {
      super(message);
    }
  }
}

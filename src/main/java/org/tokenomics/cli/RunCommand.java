package org.tokenomics.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tokenomics.Compilation;
import org.tokenomics.Diagnostic;
import org.tokenomics.Model;
import org.tokenomics.Severity;
import org.tokenomics.api.OverrideParser;
import org.tokenomics.api.Runner;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.check.Type;
import org.tokenomics.diag.Code;
import org.tokenomics.diag.Diagnostics;
import org.tokenomics.eval.Program;
import org.tokenomics.time.Dates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tok run FILE}: evaluate and print reports as a table, JSON or CSV. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Evaluate a model and print its reports.",
    footerHeading = "%nExamples:%n",
    footer = {"  tok run samples/gigawatt/two_dark_years.tok",
        "  tok run model.tok --set 'margin=40 %%' --scenario all",
        "  tok run samples/growth/cone_of_uncertainty.tok --samples 10000 --seed 42",
        "  tok run model.tok --format json > out.json",
        "  tok run model.tok --format html --out report.html"})
final class RunCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "the .tok file")
  Path file;

  @Option(names = "--scenario", paramLabel = "NAME", description = "a declared scenario, or 'all' (repeatable)")
  List<String> scenarios = new ArrayList<>();

  @Option(names = "--set", paramLabel = "NAME=VALUE", description = "override a param with a Tok expression (repeatable)")
  List<String> sets = new ArrayList<>();

  @Option(names = "--samples", paramLabel = "N", description = "Monte Carlo samples (0: deterministic)")
  int samples;

  @Option(names = "--seed", paramLabel = "S", description = "Monte Carlo seed")
  long seed = 1;

  @Option(names = "--quantiles", paramLabel = "Q", split = ",", description = "quantiles in percent (default 5,50,95)")
  List<Double> quantiles = new ArrayList<>(List.of(5.0, 50.0, 95.0));

  @Option(names = "--format", paramLabel = "FORMAT", description = "table, json, csv, html or a plugin's format")
  String format = "table";

  @Option(names = "--out", paramLabel = "FILE", description = "with --format html: the page to write (default: stdout)")
  Path outFile;

  @Option(names = "--root", paramLabel = "DIR", description = "folder imports must stay inside")
  Path root;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    var plugin = PluginFormats.find(format, err);
    if ((!List.of("table", "json", "csv", "html").contains(format) && plugin == null)
        || (outFile != null && !format.equals("html"))) {
      err.println(outFile != null && !format.equals("html") ? "tok: --out goes with --format html"
          : "tok: unknown format '" + format + "' (" + PluginFormats.names() + ")");
      return 2;
    }
    if (samples < 0) {
      err.println("tok: --samples must be 0 or more");
      return 2;
    }
    if (McRun.checkQuantiles(quantiles) != null) {
      err.println("tok: " + McRun.checkQuantiles(quantiles));
      return 2;
    }
    Compilation c = Session.compile(file, root, err);
    if (c == null) {
      return 2;
    }
    List<Diagnostic> diagnostics = new ArrayList<>(c.diagnostics());
    List<RunOutput.Run> runs = new ArrayList<>();
    List<String> periods = List.of();
    if (c.ok()) {
      Model model = c.model();
      CompiledModel cm = org.tokenomics.api.Internals.compiled(model);
      periods = model.periods();
      Map<String, String> overrides = new LinkedHashMap<>();
      for (String s : sets) {
        int eq = s.indexOf('=');
        if (eq <= 0) {
          err.println("tok: --set needs NAME=VALUE, got '" + s + "'");
          return 2;
        }
        overrides.put(s.substring(0, eq).strip(), s.substring(eq + 1));
      }
      List<CompiledModel.Override> setList = OverrideParser.compile(cm, overrides, diagnostics);
      List<String> names = scenarioNames(model, diagnostics);
      if (diagnostics.stream().noneMatch(Diagnostic::isError)) {
        for (String name : names) {
          List<CompiledModel.Override> all = new ArrayList<>(name.equals("base") ? List.of() : cm.scenarios().get(name));
          all.addAll(setList); // --set wins over the scenario
          Program program = Runner.apply(cm.program(), all);
          Runner.Result r = Runner.run(cm, program, name);
          diagnostics.addAll(r.errors().stream().filter(d -> !diagnostics.contains(d)).toList());
          RunOutput.Run run = toOutput(r);
          if (samples > 0) {
            run = McRun.simulate(cm, all, run, name, samples, seed, quantiles, diagnostics, err);
          }
          runs.add(run);
          for (Runner.AssertValue a : r.asserts()) {
            if (!a.ok()) {
              diagnostics.add(Diagnostics.make(cm.sources(), Severity.ERROR, Code.TOK501,
                  a.spec().span(), "assertion failed" + (name.equals("base") ? "" : " in scenario " + name) + ": "
                      + a.spec().message(), null, null));
            }
          }
        }
      }
    }
    RunOutput result = new RunOutput(file.toString(), runs, diagnostics, periods);
    switch (format) {
      case "json" -> out.print(JsonReporter.render(result) + "\n");
      case "csv" -> {
        out.print(CsvReporter.render(result));
        diagnostics.forEach(d -> err.println(d.render()));
      }
      case "html" -> {
        if (!HtmlReporter.write(result, outFile, out, err)) {
          return 1;
        }
      }
      default -> out.print(plugin != null ? PluginFormats.render(plugin, result, err) : TableReporter.render(result));
    }
    out.flush();
    return diagnostics.stream().anyMatch(Diagnostic::isError) ? 1 : 0;
  }

  private List<String> scenarioNames(Model model, List<Diagnostic> diagnostics) {
    List<String> names = new ArrayList<>(List.of("base"));
    for (String s : scenarios) {
      if (s.equals("all")) {
        model.scenarios().stream().filter(n -> !names.contains(n)).forEach(names::add);
      } else if (s.equals("base")) {
        continue;
      } else if (model.scenarios().contains(s)) {
        if (!names.contains(s)) {
          names.add(s);
        }
      } else {
        String near = org.tokenomics.diag.Suggest.closest(s, model.scenarios());
        diagnostics.add(new Diagnostic(Severity.ERROR, Code.TOK200.name(), "no scenario named '" + s + "'", file.toString(),
            0, 0, 0, 0, near != null ? "did you mean " + near + "?" : "scenarios: " + String.join(", ", model.scenarios()),
            null, null));
      }
    }
    return names;
  }

  static RunOutput.Run toOutput(Runner.Result r) {
    List<RunOutput.Report> reports = new ArrayList<>();
    for (Runner.ReportValue v : r.reports()) {
      CompiledModel.ReportSpec spec = v.spec();
      double[] shown = v.values().clone();
      String[] text = null;
      if (spec.type().tag() == Type.Tag.DATE || spec.type().tag() == Type.Tag.BOOL) {
        text = new String[shown.length];
        for (int i = 0; i < shown.length; i++) {
          text[i] = spec.type().tag() == Type.Tag.DATE ? Dates.format(shown[i]) : String.valueOf(shown[i] != 0);
        }
      } else if (spec.unit() != null) {
        for (int i = 0; i < shown.length; i++) {
          shown[i] = spec.unit().fromBase(shown[i]);
        }
      }
      String unit = spec.type().tag() == Type.Tag.DATE ? "date" : spec.type().tag() == Type.Tag.BOOL ? "bool" : spec.unitText();
      reports.add(new RunOutput.Report(spec.name(), unit, v.series(), shown, text, null));
    }
    List<RunOutput.Check> checks = r.asserts().stream()
        .map(a -> new RunOutput.Check(a.spec().message(), a.spec().line(), a.ok(), a.ok() ? 0 : 1)).toList();
    return new RunOutput.Run(r.scenario(), 0, reports, checks);
  }
}

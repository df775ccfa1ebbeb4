package org.tokenomics.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tokenomics.Compilation;
import org.tokenomics.Diagnostic;
import org.tokenomics.Evaluation;
import org.tokenomics.EvaluationException;
import org.tokenomics.Model;
import org.tokenomics.RunReports;
import org.tokenomics.Scenario;
import org.tokenomics.Simulation;
import org.tokenomics.SimulationOptions;
import org.tokenomics.Tokenomics;
import org.tokenomics.spi.RunReport;
import org.tokenomics.spi.TokReporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tok run FILE}: evaluate and print reports as a table, JSON, CSV, HTML or a plugin's format. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Evaluate a model and print its reports.",
    footerHeading = "%nExamples:%n",
    footer = {"  tok run samples/gigawatt/two_dark_years.tok",
        "  tok run model.tok --set 'margin=40 %%' --scenario all",
        "  tok run samples/growth/cone_of_uncertainty.tok --samples 10000 --seed 42",
        "  tok run model.tok --samples auto --tolerance '1 %%' --tolerance-for npv",
        "  tok run model.tok --format json > out.json",
        "  tok run model.tok --format html --out report.html",
        "  tok run model.tok --format xlsx --out model.xlsx --scenario all",
        "  tok run model.tok --samples 1000000 --spark 'local[*]'"})
final class RunCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "the .tok file")
  Path file;

  @Option(names = "--scenario", paramLabel = "NAME", description = "a declared scenario, or 'all' (repeatable)")
  List<String> scenarios = new ArrayList<>();

  @Option(names = "--set", paramLabel = "NAME=VALUE", description = "override a param with a Tok expression (repeatable)")
  List<String> sets = new ArrayList<>();

  @Option(names = "--samples", paramLabel = "N|auto", description = "Monte Carlo samples (0: deterministic; auto: until"
      + " --tolerance is reached)")
  String samplesText = "0";

  @Option(names = "--tolerance", paramLabel = "PERCENT", description = "with --samples auto: the relative standard error"
      + " of the mean to reach, e.g. '1 %%'")
  String tolerance;

  @Option(names = "--tolerance-for", paramLabel = "NAME", description = "with --samples auto: a scalar report that must"
      + " reach the tolerance (repeatable; default: every scalar report)")
  List<String> toleranceFor = new ArrayList<>();

  @Option(names = "--max-samples", paramLabel = "N", description = "with --samples auto: the most samples to draw"
      + " (default 1,000,000)")
  int maxSamples;

  int samples;
  /** The --samples auto request, or null for a fixed number of samples. */
  org.tokenomics.Tolerance auto;

  @Option(names = "--spark", paramLabel = "MASTER", description = "with --samples N: run the samples on Apache Spark"
      + " (local[*], spark://HOST:7077, yarn …); the same numbers as a local run")
  String spark;

  @Option(names = "--seed", paramLabel = "S", description = "Monte Carlo seed")
  long seed = 1;

  @Option(names = "--quantiles", paramLabel = "Q", split = ",", description = "quantiles in percent (default 5,50,95)")
  List<Double> quantiles = new ArrayList<>(List.of(5.0, 50.0, 95.0));

  @Option(names = "--format", paramLabel = "FORMAT", description = "table, json, csv, html, xlsx (a workbook with live formulas) or a plugin's format")
  String format = "table";

  @Option(names = "--out", paramLabel = "FILE", description = "with --format html: the page to write (default: stdout); with --format xlsx: the workbook (required)")
  Path outFile;

  @Option(names = "--root", paramLabel = "DIR", description = "folder imports must stay inside")
  Path root;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  /** Set when a run found bad usage (a --tolerance-for that names no scalar report). */
  private boolean usage;

  @Override
  public Integer call() {
    return execute(spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /** The command with its options set (by picocli, or by {@link RunArgs}); returns the exit code. */
  int execute(PrintWriter out, PrintWriter err) {
    boolean xlsx = Formats.FILES.contains(format);
    if (outFile != null && !format.equals("html") && !xlsx) {
      err.println("tok: --out goes with --format html or xlsx");
      return 2;
    }
    if (xlsx && outFile == null) {
      err.println("tok: --format " + format + " writes a workbook: give the file with --out FILE.xlsx");
      return 2;
    }
    String badSamples = samplesAndTolerance();
    if (badSamples != null) {
      err.println("tok: " + badSamples);
      return 2;
    }
    if (spark != null && (samples == 0 || auto != null)) {
      err.println("tok: --spark goes with --samples N (a number of samples)");
      return 2;
    }
    String badQuantiles = checkQuantiles(quantiles);
    if (badQuantiles != null) {
      err.println("tok: " + badQuantiles);
      return 2;
    }
    Map<String, String> overrides;
    try {
      overrides = CliInputs.sets(sets);
    } catch (CliInputs.Usage u) {
      err.println("tok: " + u.getMessage());
      return 2;
    }
    if (!Files.isRegularFile(file)) {
      err.println("tok: no such file: " + file);
      return 2;
    }
    Tokenomics tok = Session.tokenomics(root, err);
    if (tok == null) {
      return 2;
    }
    Map<String, TokReporter> formats = Formats.all(tok);
    TokReporter reporter = formats.get(format);
    if (reporter == null && !xlsx) {
      err.println("tok: unknown format '" + format + "' (" + String.join(", ", Formats.names(tok)) + ")");
      return 2;
    }
    org.tokenomics.diag.StartupTrace.mark("toolchain and formats");
    Compilation c = tok.compile(file);
    org.tokenomics.diag.StartupTrace.mark("compile");
    RunReports.Builder report = RunReports.builder(file.toString(), c.ok() ? c.model().periods() : List.of())
        .diagnostics(c.diagnostics());
    if (c.ok()) {
      run(c.model(), overrides, report, err);
      org.tokenomics.diag.StartupTrace.mark("evaluation");
    }
    if (usage) {
      return 2;
    }
    RunReport result = report.build();
    boolean ok = report.diagnostics().stream().noneMatch(Diagnostic::isError);
    if (xlsx) {
      return workbook(c, result, ok, overrides, err);
    }
    boolean written = write(reporter, result, out, err);
    org.tokenomics.diag.StartupTrace.mark("output");
    return written && ok ? 0 : 1;
  }

  /** {@code --format xlsx}: the diagnostics on stderr, then the workbook when the model checks. */
  private int workbook(Compilation c, RunReport result, boolean ok, Map<String, String> overrides, PrintWriter err) {
    result.diagnostics().forEach(d -> err.println(d.rendered()));
    boolean checked = c.ok() && result.diagnostics().stream().noneMatch(d -> d.isError() && !d.code().equals("TOK500")
        && !d.code().equals("TOK501") && !d.code().equals("TOK502"));
    if (!checked) {
      return 1;
    }
    List<String> columns = CliInputs.scenarios(c.model(), scenarios, file.toString(), new ArrayList<>());
    String selected = scenarios.size() == 1 && !scenarios.get(0).equals("all") ? scenarios.get(0) : "base";
    try {
      // under --samples the formulas are the deterministic run's, and the statistics are values
      org.tokenomics.xlsx.XlsxExport.MonteCarlo mc = samples == 0 && auto == null ? null
          : new org.tokenomics.xlsx.XlsxExport.MonteCarlo(result, seed);
      org.tokenomics.xlsx.XlsxExport.Result r = org.tokenomics.xlsx.XlsxExport.write(file, root, columns, selected,
          overrides, outFile, mc);
      if (!r.notes().isEmpty()) {
        err.println("tok: wrote " + outFile + "; " + r.notes().size() + " value(s) are numbers, not formulas "
            + "(each cell says why in a comment):");
        r.notes().forEach(n -> err.println("  " + n));
      }
    } catch (java.io.IOException e) {
      err.println("tok: cannot write " + outFile + ": " + e.getMessage());
      return 1;
    }
    return ok ? 0 : 1;
  }

  /** Evaluates every scenario asked for (base first), under Monte Carlo when --samples is given. */
  private void run(Model model, Map<String, String> overrides, RunReports.Builder report, PrintWriter err) {
    List<Diagnostic> problems = new ArrayList<>(model.check(overrides));
    List<String> names = CliInputs.scenarios(model, scenarios, file.toString(), problems);
    report.diagnostics(problems);
    if (problems.stream().anyMatch(Diagnostic::isError)) {
      return;
    }
    List<Double> shares = quantiles.stream().map(q -> q / 100).toList();
    for (String name : names) {
      Scenario scenario = Scenario.named(name);
      Evaluation e = model.tryEvaluate(scenario, overrides); // --set wins over the scenario
      if (samples == 0) {
        report.add(e);
        continue;
      }
      try (ProgressBar bar = ProgressBar.onStderr(err, name.equals("base") ? "sampling" : "sampling " + name)) {
        Simulation s = spark != null ? SparkRoute.simulate(spark, file, scenario, overrides, samples, seed)
            : auto != null
            ? model.simulate(scenario, overrides, auto, seed, SimulationOptions.DEFAULT.withProgress(bar))
            : model.simulate(scenario, overrides, samples, seed, SimulationOptions.DEFAULT.withProgress(bar));
        report.add(e, s, shares).diagnostics(s.warnings());
      } catch (EvaluationException x) { // over the limits: the deterministic run alone, and why
        report.add(e).diagnostics(List.of(x.diagnostic()));
      } catch (SparkRoute.Unavailable x) {
        err.println("tok: " + x.getMessage());
        usage = true;
        return;
      } catch (IllegalArgumentException x) { // --tolerance-for names no scalar report
        report.add(e);
        err.println("tok: " + x.getMessage());
        usage = true;
        return;
      }
    }
  }

  /** Prints the report with its reporter (diagnostics to stderr when it does not show them); false if it failed. */
  private boolean write(TokReporter reporter, RunReport result, PrintWriter out, PrintWriter err) {
    String text;
    try {
      text = reporter.render(result);
    } catch (RuntimeException e) {
      err.println("tok: the " + reporter.format() + " reporter (" + reporter.getClass().getName() + ") failed: "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      return false;
    }
    if (!reporter.rendersDiagnostics() || outFile != null) { // a page in a file: the terminal says them too
      result.diagnostics().forEach(d -> err.println(d.rendered()));
    }
    if (outFile == null) {
      out.print(text == null ? "" : text);
      out.flush();
      return true;
    }
    try {
      Files.writeString(outFile, text == null ? "" : text, StandardCharsets.UTF_8);
      return true;
    } catch (IOException e) {
      err.println("tok: cannot write " + outFile + ": " + e.getMessage());
      return false;
    }
  }

  /** Reads --samples (a count or {@code auto}) and the options of an automatic run; why they are unusable, or null. */
  private String samplesAndTolerance() {
    if (samplesText.strip().equals("auto")) {
      if (tolerance == null) {
        return "--samples auto needs --tolerance, e.g. --tolerance '1 %'";
      }
      Double share = CliInputs.percent(tolerance);
      if (share == null || !(share > 0 && share < 1)) {
        return "--tolerance takes a percentage above 0 and below 100, e.g. '1 %' or 0.5%, got '" + tolerance + "'";
      }
      if (maxSamples < 0 || maxSamples == 1) {
        return "--max-samples must be 2 or more";
      }
      auto = new org.tokenomics.Tolerance(share, toleranceFor, maxSamples);
      samples = 1; // a Monte Carlo run
      return null;
    }
    if (tolerance != null || !toleranceFor.isEmpty() || maxSamples != 0) {
      return "--tolerance, --tolerance-for and --max-samples go with --samples auto";
    }
    try {
      samples = Integer.parseInt(samplesText.strip());
    } catch (NumberFormatException x) {
      return "--samples takes a number of samples or 'auto', got '" + samplesText + "'";
    }
    return samples < 0 ? "--samples must be 0 or more" : null;
  }

  /** Why a {@code --quantiles} list is unusable, or null. */
  static String checkQuantiles(List<Double> quantiles) {
    if (quantiles.isEmpty()) {
      return "--quantiles needs at least one percentile, e.g. 5,50,95";
    }
    for (double q : quantiles) {
      if (!(q >= 0 && q <= 100)) {
        return "--quantiles takes percentiles from 0 to 100 (e.g. 5,50,95), got " + q;
      }
    }
    return null;
  }
}

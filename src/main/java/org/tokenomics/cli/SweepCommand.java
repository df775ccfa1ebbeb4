package org.tokenomics.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tokenomics.Diagnostic;
import org.tokenomics.Sweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tok sweep FILE --vary NAME=LOW..HIGH:STEPS}: every report at every point of a grid. */
@Command(name = "sweep", mixinStandardHelpOptions = true, description = "Evaluate a model over a grid of param values (CSV or JSON).",
    footerHeading = "%nExamples:%n",
    footer = {"  tok sweep samples/gigawatt/two_dark_years.tok --vary 'margin=30 %%..70 %%:5'",
        "  tok sweep model.tok --vary 'margin=40 %%..60 %%:3' --output npv8,irr",
        "  tok sweep model.tok --vary 'margin=30 %%..70 %%:5' --format json",
        "  tok sweep model.tok --vary 'margin=30 %%..70 %%:41' --spark 'local[*]'"})
final class SweepCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "the .tok file")
  Path file;

  @Option(names = "--vary", paramLabel = "NAME=LOW..HIGH:STEPS", required = true,
      description = "a param and STEPS values from LOW to HIGH inclusive (Tok expressions); repeatable")
  List<String> varies = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", description = "csv (default) or json")
  String format = "csv";

  @Option(names = "--output", paramLabel = "NAME", split = ",",
      description = "the reports to show, in this order (default: every report); repeatable or comma-separated")
  List<String> outputs = new ArrayList<>();

  @Option(names = "--spark", paramLabel = "MASTER", description = "evaluate the grid on Apache Spark (local[*],"
      + " spark://HOST:7077, yarn …); the same points as a local sweep")
  String spark;

  @Mixin
  CaseOptions inputs;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    if (!CliInputs.knownFormat(format, List.of("csv", "json"), "sweep", err)) {
      return 2;
    }
    List<Sweep.Vary> parsed = new ArrayList<>();
    try {
      for (String v : varies) {
        parsed.add(Sweep.Vary.parse(v));
      }
    } catch (IllegalArgumentException e) {
      err.println("tok: " + e.getMessage());
      return 2;
    }
    CaseOptions.Case loaded = inputs.load(file, err);
    if (!loaded.ok()) {
      return loaded.exit();
    }
    Sweep r;
    try {
      r = spark != null ? SparkRoute.sweep(spark, file, parsed, loaded.scenario(), loaded.overrides())
          : loaded.model().sweep(parsed, loaded.scenario(), loaded.overrides());
    } catch (SparkRoute.Unavailable x) {
      err.println("tok: " + x.getMessage());
      return 2;
    }
    if (!r.ok()) {
      return CliInputs.fail(r.diagnostics(), err, file.toString());
    }
    r = SweepOutput.only(r, outputs, err);
    if (r == null) {
      return 2;
    }
    List<String> periods = loaded.model().periods();
    out.print(format.equals("json") ? SweepOutput.json(file.toString(), r, periods) : SweepOutput.csv(r, periods));
    out.flush();
    return SweepOutput.notAvailable(r, err);
  }
}

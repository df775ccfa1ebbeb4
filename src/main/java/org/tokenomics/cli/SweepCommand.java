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
@Command(name = "sweep", description = "Evaluate a model over a grid of param values (CSV or JSON).")
final class SweepCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE")
  Path file;

  @Option(names = "--vary", paramLabel = "NAME=LOW..HIGH:STEPS", required = true,
      description = "a param and STEPS values from LOW to HIGH inclusive (Tok expressions); repeatable")
  List<String> varies = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", description = "csv (default) or json")
  String format = "csv";

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
    Sweep r = loaded.model().sweep(parsed, loaded.scenario(), loaded.overrides());
    if (!r.ok()) {
      return CliInputs.fail(r.diagnostics(), err, file.toString());
    }
    List<String> periods = loaded.model().periods();
    out.print(format.equals("json") ? SweepOutput.json(file.toString(), r, periods) : SweepOutput.csv(r, periods));
    out.flush();
    long failed = r.points().stream().filter(p -> p.error() != null).count();
    if (failed > 0) {
      Diagnostic first = r.points().stream().filter(p -> p.error() != null).findFirst().get().error();
      err.println("tok: " + failed + " of " + r.points().size() + " points could not be evaluated; the first:");
      err.println(first.render());
      return 1;
    }
    return 0;
  }
}

package org.tokenomics.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tokenomics.Compilation;
import org.tokenomics.Diagnostic;
import org.tokenomics.Limits;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.mc.Sweep;
import picocli.CommandLine.Command;
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

  @Option(names = "--scenario", paramLabel = "NAME", description = "a declared scenario to start from")
  String scenario;

  @Option(names = "--set", paramLabel = "NAME=VALUE", description = "override a param with a Tok expression (repeatable)")
  List<String> sets = new ArrayList<>();

  @Option(names = "--root", paramLabel = "DIR", description = "folder imports must stay inside")
  Path root;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    if (!List.of("csv", "json").contains(format)) {
      err.println("tok: unknown format '" + format + "' for sweep (csv or json)");
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
    Compilation c = Session.compile(file, root, err);
    if (c == null) {
      return 2;
    }
    if (!c.ok()) {
      return CliInputs.fail(c.diagnostics(), err, file.toString());
    }
    CompiledModel cm = c.model().internal();
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<CompiledModel.Override> base;
    try {
      base = CliInputs.overrides(cm, file.toString(), scenario, sets, diagnostics);
    } catch (CliInputs.Usage u) {
      err.println("tok: " + u.getMessage());
      return 2;
    }
    if (!diagnostics.isEmpty()) {
      return CliInputs.fail(diagnostics, err, file.toString());
    }
    Sweep.Result r = Sweep.run(cm, base, parsed, Limits.DEFAULT.maxSampleValues(),
        Runtime.getRuntime().availableProcessors(), diagnostics);
    if (r == null) {
      return CliInputs.fail(diagnostics, err, file.toString());
    }
    List<String> periods = c.model().periods();
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

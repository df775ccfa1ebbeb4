package org.tokenomics.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tokenomics.Explanation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tok explain FILE NAME}: the derivation tree of a value. */
@Command(name = "explain", mixinStandardHelpOptions = true, description = "Show how a value is derived: its inputs, values, units and sources.",
    footerHeading = "%nExamples:%n",
    footer = {"  tok explain samples/gigawatt/two_dark_years.tok npv8",
        "  tok explain model.tok site.capex"})
final class ExplainCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "the .tok file")
  Path file;

  @Parameters(index = "1", paramLabel = "NAME", description = "a report, let, param or inst.attr")
  String name;

  @Option(names = "--depth", paramLabel = "N", description = "levels of inputs to show (default 6)")
  int depth = 6;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json")
  String format = "text";

  @Mixin
  CaseOptions inputs;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    if (!CliInputs.knownFormat(format, List.of("text", "json"), "explain", err)) {
      return 2;
    }
    if (depth < 0) {
      err.println("tok: --depth must be 0 or more");
      return 2;
    }
    CaseOptions.Case loaded = inputs.load(file, err);
    if (!loaded.ok()) {
      return loaded.exit();
    }
    Explanation tree;
    try {
      tree = loaded.model().explain(name, depth, loaded.scenario(), loaded.overrides());
    } catch (IllegalArgumentException e) { // no such value, or an instance
      err.println("tok: " + file + ": " + e.getMessage());
      return 1;
    }
    List<String> periods = loaded.model().periods();
    out.print(format.equals("json") ? ExplainText.json(file.toString(), tree, periods) : ExplainText.render(tree, periods));
    out.flush();
    return tree.error() == null ? 0 : 1;
  }
}

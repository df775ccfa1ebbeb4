package org.tokenomics.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tokenomics.Compilation;
import org.tokenomics.Diagnostic;
import org.tokenomics.check.CompiledModel;
import picocli.CommandLine.Option;

/**
 * The options of the commands that study one case of a model (explain, sensitivity, sweep):
 * {@code --scenario NAME}, {@code --set NAME=VALUE}, {@code --root DIR}; and the compile that
 * turns them into a model and its overrides.
 */
final class CaseOptions {
  @Option(names = "--scenario", paramLabel = "NAME", description = "a declared scenario to start from")
  String scenario;

  @Option(names = "--set", paramLabel = "NAME=VALUE", description = "override a param with a Tok expression (repeatable)")
  List<String> sets = new ArrayList<>();

  @Option(names = "--root", paramLabel = "DIR", description = "folder imports must stay inside")
  Path root;

  /** A compiled model and the case's overrides; or, when {@code exit >= 0}, the exit code after printing why. */
  record Case(CompiledModel model, List<CompiledModel.Override> overrides, int exit) {
    static Case failed(int exit) {
      return new Case(null, List.of(), exit);
    }

    boolean ok() {
      return exit < 0;
    }
  }

  /** Compiles {@code file} and the scenario and {@code --set} overrides, printing any problem to {@code err}. */
  Case load(Path file, PrintWriter err) {
    Compilation c = Session.compile(file, root, err);
    if (c == null) {
      return Case.failed(2);
    }
    if (!c.ok()) {
      return Case.failed(CliInputs.fail(c.diagnostics(), err, file.toString()));
    }
    CompiledModel cm = org.tokenomics.api.Internals.compiled(c.model());
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<CompiledModel.Override> overrides;
    try {
      overrides = CliInputs.overrides(cm, file.toString(), scenario, sets, diagnostics);
    } catch (CliInputs.Usage u) {
      err.println("tok: " + u.getMessage());
      return Case.failed(2);
    }
    if (!diagnostics.isEmpty()) {
      return Case.failed(CliInputs.fail(diagnostics, err, file.toString()));
    }
    return new Case(cm, overrides, -1);
  }
}

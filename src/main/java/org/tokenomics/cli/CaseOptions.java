package org.tokenomics.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tokenomics.Compilation;
import org.tokenomics.Diagnostic;
import org.tokenomics.Model;
import org.tokenomics.Scenario;
import picocli.CommandLine.Option;

/**
 * The options of the commands that study one case of a model (explain, sensitivity, sweep):
 * {@code --scenario NAME}, {@code --set NAME=VALUE}, {@code --root DIR}; and the compile that
 * turns them into a model, a scenario and checked overrides.
 */
final class CaseOptions {
  @Option(names = "--scenario", paramLabel = "NAME", description = "a declared scenario to start from")
  String scenario;

  @Option(names = "--set", paramLabel = "NAME=VALUE", description = "override a param with a Tok expression (repeatable)")
  List<String> sets = new ArrayList<>();

  @Option(names = "--root", paramLabel = "DIR", description = "folder imports must stay inside")
  Path root;

  /** A model, its scenario and overrides; or, when {@code exit >= 0}, the exit code after printing why. */
  record Case(Model model, Scenario scenario, Map<String, String> overrides, int exit) {
    static Case failed(int exit) {
      return new Case(null, null, Map.of(), exit);
    }

    boolean ok() {
      return exit < 0;
    }
  }

  /** Compiles {@code file} and checks the scenario and {@code --set} overrides, printing any problem to {@code err}. */
  Case load(Path file, PrintWriter err) {
    Map<String, String> map;
    try {
      map = CliInputs.sets(sets);
    } catch (CliInputs.Usage u) {
      err.println("tok: " + u.getMessage());
      return Case.failed(2);
    }
    Compilation c = Session.compile(file, root, err);
    if (c == null) {
      return Case.failed(2);
    }
    if (!c.ok()) {
      return Case.failed(CliInputs.fail(c.diagnostics(), err, file.toString()));
    }
    Model model = c.model();
    List<Diagnostic> problems = new ArrayList<>();
    String name = scenario == null ? "base" : scenario;
    if (!name.equals("base") && !model.scenarios().contains(name)) {
      problems.add(CliInputs.unknownScenario(model.scenarios(), name, file.toString()));
    }
    problems.addAll(model.check(map));
    if (!problems.isEmpty()) {
      return Case.failed(CliInputs.fail(problems, err, file.toString()));
    }
    return new Case(model, Scenario.named(name), map, -1);
  }
}

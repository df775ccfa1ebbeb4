package org.tokenomics.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tokenomics.Limits;
import org.tokenomics.api.OverrideParser;
import org.tokenomics.api.Toolchain;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.check.Compiler;
import org.tokenomics.diag.Diagnostic;
import org.tokenomics.diag.Suggest;
import org.tokenomics.syntax.SourceFile;
import picocli.CommandLine.Option;

/**
 * The options of the commands that study one case of a model (explain, sensitivity, sweep):
 * {@code --scenario NAME}, {@code --set NAME=VALUE}, {@code --root DIR}; and the compile that
 * turns them into a model and its overrides.
 *
 * <p>These three commands still reach the checked model through the internal
 * {@link Toolchain} (as the language server does): the public API has no sweep, tornado or explain
 * tree yet (EMBEDDING.md §10). {@code run}, {@code check}, {@code fmt} and {@code chart} use the
 * public API only.
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
    Map<String, String> map;
    try {
      map = CliInputs.sets(sets);
    } catch (CliInputs.Usage u) {
      err.println("tok: " + u.getMessage());
      return Case.failed(2);
    }
    if (!Files.isRegularFile(file)) {
      err.println("tok: no such file: " + file);
      return Case.failed(2);
    }
    Compiler.Result c;
    try {
      String text = Files.readString(file);
      Toolchain tools = Toolchain.discovered();
      Limits l = Limits.DEFAULT;
      Path importRoot = root != null ? root.toAbsolutePath().normalize() : file.toAbsolutePath().getParent();
      c = tools.compile(new SourceFile(file.toString(), text, false), file, new Compiler.Options(importRoot,
          l.maxSourceBytes(), l.maxNesting(), l.maxNodes(), l.maxPeriods(), l.maxNames()));
    } catch (IllegalArgumentException e) { // a misconfigured plugin
      err.println("tok: " + e.getMessage());
      return Case.failed(2);
    } catch (java.io.IOException | RuntimeException e) {
      err.println("tok: cannot read " + file + ": " + e.getMessage());
      return Case.failed(1);
    }
    if (c.model() == null || c.diagnostics().stream().anyMatch(Diagnostic::isError)) {
      return Case.failed(fail(c.diagnostics(), err, file.toString()));
    }
    CompiledModel cm = c.model();
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<CompiledModel.Override> all = new ArrayList<>();
    if (scenario != null && !scenario.equals("base")) {
      List<CompiledModel.Override> s = cm.scenarios().get(scenario);
      if (s == null) {
        String near = Suggest.closest(scenario, cm.scenarios().keySet());
        diagnostics.add(new Diagnostic(org.tokenomics.diag.Severity.ERROR, "TOK200", "no scenario named '" + scenario
            + "'", file.toString(), 0, 0, 0, 0, near != null ? "did you mean " + near + "?" : "scenarios: "
            + String.join(", ", cm.scenarios().keySet()), null, null));
      } else {
        all.addAll(s);
      }
    }
    all.addAll(OverrideParser.compile(cm, map, diagnostics));
    if (!diagnostics.isEmpty()) {
      return Case.failed(fail(diagnostics, err, file.toString()));
    }
    return new Case(cm, all, -1);
  }

  /** Prints internal diagnostics (those without a place at {@code file}); returns the exit code 1. */
  static int fail(List<Diagnostic> diagnostics, PrintWriter err, String file) {
    for (Diagnostic d : diagnostics) {
      err.println((d.file() != null ? d : new Diagnostic(d.severity(), d.code(), d.message(), file, d.line(), d.column(),
          d.endLine(), d.endColumn(), d.help(), d.sourceLine(), d.label())).render());
    }
    return 1;
  }

}

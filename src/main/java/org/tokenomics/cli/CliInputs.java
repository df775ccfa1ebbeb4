package org.tokenomics.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tokenomics.Diagnostic;
import org.tokenomics.Severity;
import org.tokenomics.api.OverrideParser;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.diag.Code;
import org.tokenomics.diag.Suggest;

/** {@code --scenario NAME} and {@code --set NAME=VALUE} for the commands that evaluate one case. */
final class CliInputs {
  private CliInputs() {}

  /** Thrown for bad usage (exit 2) after the message is printed. */
  static final class Usage extends RuntimeException {
    Usage(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * The overrides of a scenario (none for null or base) followed by the {@code --set} ones, which
   * win. Check errors go to {@code diagnostics}; a malformed {@code --set} throws {@link Usage}.
   */
  static List<CompiledModel.Override> overrides(CompiledModel cm, String file, String scenario, List<String> sets,
                                                List<Diagnostic> diagnostics) {
    List<CompiledModel.Override> all = new ArrayList<>();
    if (scenario != null && !scenario.equals("base")) {
      List<CompiledModel.Override> s = cm.scenarios().get(scenario);
      if (s == null) {
        String near = Suggest.closest(scenario, cm.scenarios().keySet());
        diagnostics.add(new Diagnostic(Severity.ERROR, Code.TOK200.name(), "no scenario named '" + scenario + "'", file,
            0, 0, 0, 0, near != null ? "did you mean " + near + "?" : "scenarios: " + String.join(", ", cm.scenarios().keySet()),
            null, null));
      } else {
        all.addAll(s);
      }
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (String s : sets) {
      int eq = s.indexOf('=');
      if (eq <= 0) {
        throw new Usage("--set needs NAME=VALUE, got '" + s + "'");
      }
      map.put(s.substring(0, eq).strip(), s.substring(eq + 1));
    }
    all.addAll(OverrideParser.compile(cm, map, diagnostics));
    return all;
  }

  /** True when {@code format} is one of {@code allowed}; otherwise prints why (the caller exits 2). */
  static boolean knownFormat(String format, List<String> allowed, String command, PrintWriter err) {
    if (allowed.contains(format)) {
      return true;
    }
    err.println("tok: unknown format '" + format + "' for " + command + " (" + String.join(" or ", allowed) + ")");
    return false;
  }

  /** Prints diagnostics to {@code err} (those without a place are shown at {@code file}); returns the exit code 1. */
  static int fail(List<Diagnostic> diagnostics, PrintWriter err, String file) {
    diagnostics.forEach(d -> err.println(located(d, file).render()));
    return 1;
  }

  /** A diagnostic without a file, placed at {@code file}. */
  static Diagnostic located(Diagnostic d, String file) {
    return d.file() != null ? d : new Diagnostic(d.severity(), d.code(), d.message(), file, d.line(), d.column(),
        d.endLine(), d.endColumn(), d.help(), d.sourceLine(), d.label());
  }
}

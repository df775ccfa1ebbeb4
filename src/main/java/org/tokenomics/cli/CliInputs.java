package org.tokenomics.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tokenomics.Diagnostic;
import org.tokenomics.Model;
import org.tokenomics.Severity;
import org.tokenomics.diag.Suggest;

/** {@code --set NAME=VALUE}, {@code --scenario NAME} and {@code --format} for every command that takes them. */
final class CliInputs {
  private CliInputs() {}

  /** Thrown for bad usage (exit 2) after the message is printed. */
  static final class Usage extends RuntimeException {
    Usage(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * The one {@code --set} parser: {@code NAME=VALUE} → name, Tok expression (the model checks the
   * expression). A later {@code --set} of the same name wins. Throws {@link Usage} without a name.
   */
  static Map<String, String> sets(List<String> sets) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String s : sets) {
      int eq = s.indexOf('=');
      if (eq <= 0 || s.substring(0, eq).isBlank()) {
        throw new Usage("--set needs NAME=VALUE, got '" + s + "'");
      }
      map.put(s.substring(0, eq).strip(), s.substring(eq + 1));
    }
    return map;
  }

  /**
   * The scenarios to run, base first: each {@code --scenario} name, or every declared one for
   * {@code all}; an unknown name is a TOK200 diagnostic added to {@code problems}.
   */
  static List<String> scenarios(Model model, List<String> asked, String file, List<Diagnostic> problems) {
    List<String> names = new ArrayList<>(List.of("base"));
    for (String s : asked) {
      if (s.equals("all")) {
        model.scenarios().stream().filter(n -> !names.contains(n)).forEach(names::add);
      } else if (model.scenarios().contains(s)) {
        if (!names.contains(s)) {
          names.add(s);
        }
      } else if (!s.equals("base")) {
        problems.add(unknownScenario(model.scenarios(), s, file));
      }
    }
    return names;
  }

  /** TOK200 for a scenario name the model does not declare. */
  static Diagnostic unknownScenario(List<String> declared, String name, String file) {
    String near = Suggest.closest(name, declared);
    return new Diagnostic(Severity.ERROR, "TOK200", "no scenario named '" + name + "'", file, 0, 0, 0, 0,
        near != null ? "did you mean " + near + "?" : "scenarios: " + String.join(", ", declared), null, null);
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

  /**
   * A percentage as the command line takes one ({@code 1 %}, {@code 0.5%}) as a share (0.01,
   * 0.005); null when the text is not a number followed by {@code %} (a bare number would be
   * ambiguous between a share and a percentage).
   */
  static Double percent(String text) {
    String t = text.strip();
    if (!t.endsWith("%")) {
      return null;
    }
    try {
      double v = Double.parseDouble(t.substring(0, t.length() - 1).strip());
      return Double.isFinite(v) ? v / 100 : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}

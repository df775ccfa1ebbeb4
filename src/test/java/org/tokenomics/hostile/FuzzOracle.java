package org.tokenomics.hostile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.tokenomics.Compilation;
import org.tokenomics.Evaluation;
import org.tokenomics.EvaluationException;
import org.tokenomics.Model;
import org.tokenomics.Param;
import org.tokenomics.Simulation;
import org.tokenomics.Tokenomics;
import org.tokenomics.Value;
import org.tokenomics.cli.FuzzOutputs;
import org.tokenomics.syntax.Formatter;

/**
 * What every input must survive, and what counts as a finding. An input goes through compile;
 * when it checks: evaluate interpreted and then compiled (the same model ten times: code
 * generation starts after the 8th run, {@code tok.compile.after}) with the same results; params
 * overridden by 0, −x and 1e300·x; a 16-sample simulation; every output format of {@code tok run}
 * and {@code tok explain}; and {@code tok fmt}, which must be idempotent and give a source that
 * compiles to the same values. A finding is any throwable other than the documented ones
 * (EvaluationException; IllegalArgumentException for an override that does not check), a
 * non-finite number returned or printed, or a broken {@code fmt} promise.
 */
final class FuzzOracle {
  /** One problem with one input; inputs with the same signature are one finding. */
  record Finding(String signature, String detail) {}

  /** A finding, thrown to stop at the first. */
  static final class Found extends RuntimeException {
    final Finding finding;

    Found(String signature, String detail) {
      super(signature + ": " + detail, null, false, false);
      finding = new Finding(signature, detail);
    }
  }

  private static final Pattern NON_FINITE = Pattern.compile("NaN|Infinity");
  private static final int RUNS_UNTIL_COMPILED = 10;

  private final Tokenomics tok = Tokenomics.standard();

  /** Null when the input passes everything. */
  Finding check(String input) {
    try {
      run(input);
      return null;
    } catch (Found f) {
      return f.finding;
    } catch (OutOfMemoryError e) {
      return new Finding("OutOfMemoryError", String.valueOf(e.getMessage()));
    } catch (StackOverflowError e) {
      return new Finding(signature(e), "stack overflow");
    } catch (Throwable t) {
      return new Finding(signature(t), t.toString());
    }
  }

  private void run(String input) {
    boolean quietInput = !NON_FINITE.matcher(input).find(); // a name like NaN_x may be printed as written
    Compilation c = tok.compile("fuzz.tok", input);
    c.diagnostics().forEach(d -> noNonFinite(quietInput, "diagnostic", d.render()));
    fmt(input, c);
    if (!c.ok()) {
      return;
    }
    Model model = c.model();
    Map<String, double[]> first = values(model, Map.of(), quietInput);
    Map<String, double[]> last = first;
    for (int i = 1; i < RUNS_UNTIL_COMPILED; i++) {
      last = values(model, Map.of(), quietInput);
    }
    if (!same(first, last)) {
      throw new Found("interpreted and compiled differ", describe(first) + " vs " + describe(last));
    }
    for (Param p : model.params().subList(0, Math.min(3, model.params().size()))) {
      if (p.defaultValue() == null) {
        continue;
      }
      String x = "(" + p.defaultValue() + ")";
      for (String v : List.of("0", "-" + x, "1e300 * " + x)) {
        values(model, Map.of(p.name(), v), quietInput);
      }
    }
    simulate(model, quietInput);
    try {
      // the HTML page (charts) for one input in eight, chosen by the input itself
      FuzzOutputs.render(c, 16, 7, (input.hashCode() & 7) == 0).forEach((format, text) -> noNonFinite(quietInput, format, text));
    } catch (EvaluationException expected) {
      // a Monte Carlo run over the limits (TOK600)
    }
  }

  /** Report name → values; an evaluation error gives its diagnostic text as the only "value". */
  private static Map<String, double[]> values(Model model, Map<String, String> overrides, boolean quiet) {
    Map<String, double[]> out = new LinkedHashMap<>();
    Evaluation e;
    try {
      e = model.evaluate(overrides);
    } catch (EvaluationException err) {
      noNonFinite(quiet, "evaluation error", err.getMessage());
      // code and message: fmt may move the error's column, not change it
      out.put("error: " + err.diagnostic().code() + " " + err.diagnostic().message(), new double[0]);
      return out;
    } catch (IllegalArgumentException badOverride) {
      if (overrides.isEmpty()) {
        throw badOverride;
      }
      return out;
    }
    for (Value v : e.reports()) {
      double[] values = v.values();
      for (double d : values) {
        if (!Double.isFinite(d)) {
          throw new Found("non-finite value returned", v.name() + " = " + d + (overrides.isEmpty() ? "" : " with " + overrides));
        }
      }
      out.put(v.name(), values);
    }
    return out;
  }

  private static void simulate(Model model, boolean quiet) {
    Simulation s;
    try {
      s = model.simulate(16, 11);
    } catch (EvaluationException tooLarge) {
      return;
    }
    for (String name : s.reportNames()) {
      for (Value v : meanAndMedian(s, name)) {
        for (double d : v.values()) {
          if (!Double.isFinite(d)) {
            throw new Found("non-finite Monte Carlo statistic", name + " = " + d);
          }
        }
      }
    }
    s.errors().forEach(d -> noNonFinite(quiet, "simulation error", d.render()));
  }

  private static List<Value> meanAndMedian(Simulation s, String name) {
    List<Value> out = new ArrayList<>();
    try {
      out.add(s.mean(name));
      out.add(s.quantile(name, 0.5));
    } catch (IllegalArgumentException | EvaluationException notNumeric) {
      // a date or bool report, or one that failed in every sample: documented
    }
    return out;
  }

  /** fmt is idempotent, and a source that compiled compiles to the same values after it. */
  private void fmt(String input, Compilation original) {
    Formatter.Result once = Formatter.format("fuzz.tok", input);
    if (!once.ok()) {
      return;
    }
    Formatter.Result twice = Formatter.format("fuzz.tok", once.text());
    if (!twice.ok() || !twice.text().equals(once.text())) {
      throw new Found("fmt is not idempotent", firstDifference(once.text(), twice.ok() ? twice.text() : "(syntax errors)"));
    }
    if (!original.ok() || once.text().length() > tok.limits().maxSourceBytes()) {
      return;
    }
    Compilation formatted = tok.compile("fuzz.tok", once.text());
    if (!formatted.ok()) {
      throw new Found("fmt breaks a model", formatted.diagnostics().get(0).render());
    }
    Map<String, double[]> before = values(original.model(), Map.of(), true);
    Map<String, double[]> after = values(formatted.model(), Map.of(), true);
    if (!same(before, after)) {
      throw new Found("fmt changes values", describe(before) + " vs " + describe(after));
    }
  }

  /** A diagnostic may name the problem: "x is not a number (NaN)" is the message, not a value. */
  private static final Pattern NAMED = Pattern.compile("not a number \\(NaN\\)|returned NaN");

  private static void noNonFinite(boolean quietInput, String where, String raw) {
    String text = raw == null ? null : NAMED.matcher(raw).replaceAll("");
    if (quietInput && text != null && NON_FINITE.matcher(text).find()) {
      int at = Math.max(0, text.indexOf("NaN") >= 0 ? text.indexOf("NaN") : text.indexOf("Infinity"));
      throw new Found("non-finite number printed in " + where.replaceAll(" .*", ""),
          text.substring(Math.max(0, at - 80), Math.min(text.length(), at + 40)));
    }
  }

  private static boolean same(Map<String, double[]> a, Map<String, double[]> b) {
    if (!a.keySet().equals(b.keySet())) {
      return false;
    }
    for (Map.Entry<String, double[]> e : a.entrySet()) {
      if (!Arrays.equals(e.getValue(), b.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private static String describe(Map<String, double[]> m) {
    StringBuilder b = new StringBuilder("{");
    m.forEach((k, v) -> b.append(k.length() > 200 ? k.substring(0, 200) + "…" : k).append('=').append(Arrays.toString(v)).append(' '));
    return b.append('}').toString();
  }

  private static String firstDifference(String a, String b) {
    int i = 0;
    while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return "at " + i + ": «" + a.substring(i, Math.min(a.length(), i + 60)) + "» then «"
        + b.substring(i, Math.min(b.length(), i + 60)) + "»";
  }

  /** A throwable's class and the first frame in the library: stable across inputs, one per defect. */
  static String signature(Throwable t) {
    for (StackTraceElement e : t.getStackTrace()) {
      if (e.getClassName().startsWith("org.tokenomics.") && !e.getClassName().startsWith("org.tokenomics.hostile.")) {
        return t.getClass().getSimpleName() + " at " + e.getClassName() + "." + e.getMethodName();
      }
    }
    return t.getClass().getSimpleName();
  }
}

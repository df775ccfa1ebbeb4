package org.tokenomics.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tokenomics.Diagnostic;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.mc.Morris;
import org.tokenomics.mc.Sobol;
import picocli.CommandLine.Option;

/**
 * {@code tok sensitivity --method sobol [--samples N] [--seed S]} (EMBEDDING.md §7): the options
 * and the output of the global method, kept apart from the tornado's command.
 */
final class GlobalSensitivity {
  @Option(names = "--method", paramLabel = "METHOD", description = "tornado (default), sobol or morris")
  String method = "tornado";

  @Option(names = "--samples", paramLabel = "N", description = "Sobol base samples (N·(k+2) evaluations) or Morris trajectories (N·(k+1)); default 4096")
  int samples = 4096;

  @Option(names = "--seed", paramLabel = "S", description = "seed of the Sobol or Morris draws (default 1)")
  long seed = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** True for the default, one-at-a-time tornado. */
  boolean tornado() {
    return method.equals("tornado");
  }

  /** Checks the options; false after printing why they cannot run. */
  boolean valid(PrintWriter err) {
    if (!List.of("tornado", "sobol", "morris").contains(method)) {
      err.println("tok: unknown --method '" + method + "' (expected tornado, sobol or morris)");
      return false;
    }
    if (samples < 2 || samples > 10_000_000) {
      err.println("tok: --samples must be between 2 and 10,000,000 for " + method + ", got " + samples);
      return false;
    }
    return true;
  }

  /** Runs the Sobol analysis and prints it; the exit code. */
  int run(String file, CompiledModel cm, List<CompiledModel.Override> overrides, String output, String format,
          PrintWriter out, PrintWriter err) {
    List<Diagnostic> errors = new ArrayList<>();
    if (method.equals("morris")) {
      Morris.Result m = Morris.run(cm, overrides, output, samples, seed, Runtime.getRuntime().availableProcessors(), errors);
      if (m == null) {
        return CliInputs.fail(errors, err, file);
      }
      out.print(format.equals("json") ? json(m) : table(m));
      out.flush();
      return 0;
    }
    Sobol.Result r = Sobol.run(cm, overrides, output, samples, seed, Runtime.getRuntime().availableProcessors(), errors);
    if (r == null) {
      return CliInputs.fail(errors, err, file);
    }
    out.print(format.equals("json") ? json(r) : table(r));
    out.flush();
    return 0;
  }

  static String table(Sobol.Result r) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "Sobol indices of %s: %,d base samples (%,d evaluations); 95 %% bootstrap"
        + " intervals; largest total first%n%n", r.output().name(), r.samples(), (long) r.samples() * (r.indices().size() + 2)));
    int w = Math.max(5, r.indices().stream().mapToInt(i -> i.param().length()).max().orElse(5));
    b.append(String.format(Locale.ROOT, "  %-" + w + "s  %6s  %-17s  %6s  %-17s%n", "param", "first", "first 95 %", "total",
        "total 95 %"));
    b.append("  ").append("-".repeat(w + 54)).append('\n');
    for (Sobol.Index i : r.indices()) {
      b.append(String.format(Locale.ROOT, "  %-" + w + "s  %6.3f  [%6.3f, %6.3f]  %6.3f  [%6.3f, %6.3f]%n", i.param(),
          i.first(), i.firstLow(), i.firstHigh(), i.total(), i.totalLow(), i.totalHigh()));
    }
    return b.toString();
  }

  static String table(Morris.Result r) {
    String unit = r.output().unit().name();
    double f = r.output().unit().factor();
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "Morris elementary effects of %s: its change%s when a param moves up by half of"
        + " its distribution; %,d trajectories; largest mu* first%n%n", r.output().name(), unit.isEmpty() ? "" : " in " + unit,
        r.trajectories()));
    int w = Math.max(5, r.effects().stream().mapToInt(e -> e.param().length()).max().orElse(5));
    b.append(String.format(Locale.ROOT, "  %-" + w + "s  %12s  %12s  %12s%n", "param", "mu*", "mu", "sigma"));
    b.append("  ").append("-".repeat(w + 42)).append('\n');
    for (Morris.Effect e : r.effects()) {
      b.append(String.format(Locale.ROOT, "  %-" + w + "s  %12.6g  %12.6g  %12.6g%n", e.param(), e.muStar() / f,
          e.mu() / f, e.sigma() / f));
    }
    return b.toString();
  }

  /** μ*, μ and σ of the output change over a step of half a distribution, in the output's display unit. */
  static String json(Morris.Result r) {
    double f = r.output().unit().factor();
    ObjectNode root = MAPPER.createObjectNode();
    root.put("output", r.output().name());
    root.put("method", "morris");
    root.put("samples", r.trajectories());
    root.put("unit", r.output().unit().name());
    var params = root.putArray("params");
    for (Morris.Effect e : r.effects()) {
      ObjectNode p = params.addObject();
      p.put("name", e.param());
      p.put("mu_star", e.muStar() / f);
      p.put("mu", e.mu() / f);
      p.put("sigma", e.sigma() / f);
    }
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String json(Sobol.Result r) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("output", r.output().name());
    root.put("method", "sobol");
    root.put("samples", r.samples());
    var params = root.putArray("params");
    for (Sobol.Index i : r.indices()) {
      ObjectNode p = params.addObject();
      p.put("name", i.param());
      p.put("first", i.first());
      p.put("total", i.total());
      p.putArray("first_ci").add(i.firstLow()).add(i.firstHigh());
      p.putArray("total_ci").add(i.totalLow()).add(i.totalHigh());
    }
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

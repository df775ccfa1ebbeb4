package org.tokenomics.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.tokenomics.Model;
import org.tokenomics.Scenario;
import picocli.CommandLine.Option;

/**
 * {@code tok sensitivity --method sobol [--samples N] [--seed S] [--spark MASTER]} (EMBEDDING.md §7,
 * §11): the options
 * and the output of the global method, kept apart from the tornado's command.
 */
final class GlobalSensitivity {
  @Option(names = "--method", paramLabel = "METHOD", description = "tornado (default), sobol or morris")
  String method = "tornado";

  @Option(names = "--samples", paramLabel = "N", description = "Sobol base samples (N·(k+2) evaluations) or Morris trajectories (N·(k+1)); default 4096")
  int samples = 4096;

  @Option(names = "--seed", paramLabel = "S", description = "seed of the Sobol or Morris draws (default 1)")
  long seed = 1;

  @Option(names = "--spark", paramLabel = "MASTER", description = "with --method sobol or morris: run the analysis on"
      + " Apache Spark (local[*], spark://HOST:7077, yarn …); the same numbers as a local run")
  String spark;

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
    if (spark != null && tornado()) {
      err.println("tok: --spark goes with --method sobol or morris (a tornado is 2 evaluations per param)");
      return false;
    }
    return true;
  }

  /**
   * The analysis, on Spark when {@code --spark} was given and through the local API otherwise (its
   * diagnostics inside when it could not run): the same numbers either way.
   */
  org.tokenomics.GlobalSensitivity result(java.nio.file.Path file, Model model, Scenario scenario,
                                          java.util.Map<String, String> overrides, String output)
      throws SparkRoute.Unavailable {
    return spark != null
        ? SparkRoute.sensitivity(spark, file, method, output, samples, seed, scenario, overrides)
        : model.globalSensitivity(method, output, samples, seed, scenario, overrides);
  }

  /** Runs the analysis, prints it and draws the Sobol bars to {@code chart} (when not null); the exit code. */
  int run(String file, Model model, Scenario scenario, java.util.Map<String, String> overrides, String output,
          String format, java.nio.file.Path chart, PrintWriter out, PrintWriter err) {
    org.tokenomics.GlobalSensitivity r;
    try {
      r = result(java.nio.file.Path.of(file), model, scenario, overrides, output);
    } catch (SparkRoute.Unavailable x) {
      err.println("tok: " + x.getMessage());
      return 2;
    }
    if (!r.ok()) {
      return CliInputs.fail(r.diagnostics(), err, file);
    }
    out.print(format.equals("json") ? json(r) : method.equals("morris") ? morrisTable(r) : sobolTable(r));
    out.flush();
    if (chart != null && !SensitivityCharts.write(SensitivityCharts.global(r), r.params().size(), chart, err)) {
      return 1;
    }
    return 0;
  }

  static String sobolTable(org.tokenomics.GlobalSensitivity r) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "Sobol indices of %s: %,d base samples (%,d evaluations); 95 %% bootstrap"
        + " intervals; largest total first%n%n", r.output(), r.samples(), (long) r.samples() * (r.params().size() + 2)));
    int w = Math.max(5, r.params().stream().mapToInt(i -> i.name().length()).max().orElse(5));
    b.append(String.format(Locale.ROOT, "  %-" + w + "s  %6s  %-17s  %6s  %-17s%n", "param", "first", "first 95 %", "total",
        "total 95 %"));
    b.append("  ").append("-".repeat(w + 54)).append('\n');
    for (org.tokenomics.GlobalSensitivity.Index i : r.params()) {
      b.append(String.format(Locale.ROOT, "  %-" + w + "s  %6.3f  [%6.3f, %6.3f]  %6.3f  [%6.3f, %6.3f]%n", i.name(),
          i.first(), i.firstLow(), i.firstHigh(), i.total(), i.totalLow(), i.totalHigh()));
    }
    return b.toString();
  }

  static String morrisTable(org.tokenomics.GlobalSensitivity r) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "Morris elementary effects of %s: its change%s when a param moves up by half of"
        + " its distribution; %,d trajectories; largest mu* first%n%n", r.output(), r.unit().isEmpty() ? "" : " in " + r.unit(),
        r.samples()));
    int w = Math.max(5, r.params().stream().mapToInt(e -> e.name().length()).max().orElse(5));
    b.append(String.format(Locale.ROOT, "  %-" + w + "s  %12s  %12s  %12s%n", "param", "mu*", "mu", "sigma"));
    b.append("  ").append("-".repeat(w + 42)).append('\n');
    for (org.tokenomics.GlobalSensitivity.Index e : r.params()) {
      b.append(String.format(Locale.ROOT, "  %-" + w + "s  %12.6g  %12.6g  %12.6g%n", e.name(), e.muStar(), e.mu(),
          e.sigma()));
    }
    return b.toString();
  }

  /** EMBEDDING.md §7: Sobol's first/total with intervals, or Morris's mu*, mu and sigma (in the output's unit). */
  static String json(org.tokenomics.GlobalSensitivity r) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("output", r.output());
    root.put("method", r.method());
    root.put("samples", r.samples());
    if (r.method().equals("morris")) {
      root.put("unit", r.unit());
    }
    var params = root.putArray("params");
    for (org.tokenomics.GlobalSensitivity.Index i : r.params()) {
      ObjectNode p = params.addObject();
      p.put("name", i.name());
      if (r.method().equals("morris")) {
        p.put("mu_star", i.muStar());
        p.put("mu", i.mu());
        p.put("sigma", i.sigma());
      } else {
        p.put("first", i.first());
        p.put("total", i.total());
        p.putArray("first_ci").add(i.firstLow()).add(i.firstHigh());
        p.putArray("total_ci").add(i.totalLow()).add(i.totalHigh());
      }
    }
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

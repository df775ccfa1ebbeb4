package org.tokenomics;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.mc.Morris;
import org.tokenomics.mc.Sobol;

/**
 * A global sensitivity analysis of one scalar report (EMBEDDING.md §7): Sobol indices (first and
 * total, with 95 % bootstrap intervals) or Morris elementary effects, one entry per uncertain
 * param, most influential first. Made by {@link Model#globalSensitivity}.
 *
 * @param method      {@code sobol} or {@code morris}
 * @param output      the report analysed
 * @param unit        the unit Morris effects are in (the output's display unit); empty for Sobol
 * @param samples     Sobol's base samples, or Morris's trajectories
 * @param params      one entry per uncertain param, largest total index (or mu*) first
 * @param diagnostics why there is no result, when there is none
 */
public record GlobalSensitivity(String method, String output, String unit, int samples, List<Index> params,
                                List<Diagnostic> diagnostics) {
  /**
   * Copies the lists.
   *
   * @param method      {@code sobol} or {@code morris}
   * @param output      the report analysed
   * @param unit        the unit Morris effects are in; empty for Sobol
   * @param samples     base samples or trajectories
   * @param params      one entry per uncertain param
   * @param diagnostics why there is no result, when there is none
   */
  public GlobalSensitivity {
    params = List.copyOf(params);
    diagnostics = List.copyOf(diagnostics);
  }

  /**
   * One param's indices. For Sobol: {@code first}, {@code total} and their intervals (the Morris
   * fields are NaN); for Morris: {@code muStar}, {@code mu} and {@code sigma} in the output's unit
   * (the Sobol fields are NaN).
   *
   * @param name      the param
   * @param first     first-order Sobol index
   * @param total     total Sobol index
   * @param firstLow  lower end of the first index's 95 % interval
   * @param firstHigh upper end of the first index's 95 % interval
   * @param totalLow  lower end of the total index's 95 % interval
   * @param totalHigh upper end of the total index's 95 % interval
   * @param muStar    mean absolute elementary effect
   * @param mu        mean elementary effect
   * @param sigma     standard deviation of the elementary effects
   */
  public record Index(String name, double first, double total, double firstLow, double firstHigh, double totalLow,
                      double totalHigh, double muStar, double mu, double sigma) {}

  /**
   * Whether there is a result.
   *
   * @return true when the analysis ran (no diagnostics)
   */
  public boolean ok() {
    return diagnostics.isEmpty();
  }

  static GlobalSensitivity of(CompiledModel cm, List<CompiledModel.Override> overrides, String method, String output,
                              int samples, long seed) {
    List<org.tokenomics.diag.Diagnostic> errors = new ArrayList<>();
    int threads = Runtime.getRuntime().availableProcessors();
    if (method.equals("morris")) {
      return morris(Morris.run(cm, overrides, output, samples, seed, threads, errors), output, samples, errors);
    }
    if (!method.equals("sobol")) {
      throw new IllegalArgumentException("unknown method '" + method + "' (expected sobol or morris)");
    }
    return sobol(Sobol.run(cm, overrides, output, samples, seed, threads, errors), output, samples, errors);
  }

  private static GlobalSensitivity morris(Morris.Result m, String output, int samples,
                                          List<org.tokenomics.diag.Diagnostic> errors) {
    if (m == null) {
      return new GlobalSensitivity("morris", output, "", samples, List.of(), Diagnostic.of(errors));
    }
    List<Index> params = new ArrayList<>();
    double f = m.output().unit().factor();
    for (Morris.Effect e : m.effects()) {
      params.add(new Index(e.param(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
          e.muStar() / f, e.mu() / f, e.sigma() / f));
    }
    return new GlobalSensitivity("morris", m.output().name(), m.output().unit().name(), m.trajectories(), params,
        List.of());
  }

  private static GlobalSensitivity sobol(Sobol.Result r, String output, int samples,
                                         List<org.tokenomics.diag.Diagnostic> errors) {
    if (r == null) {
      return new GlobalSensitivity("sobol", output, "", samples, List.of(), Diagnostic.of(errors));
    }
    List<Index> params = new ArrayList<>();
    for (Sobol.Index i : r.indices()) {
      params.add(new Index(i.param(), i.first(), i.total(), i.firstLow(), i.firstHigh(), i.totalLow(), i.totalHigh(),
          Double.NaN, Double.NaN, Double.NaN));
    }
    return new GlobalSensitivity("sobol", r.output().name(), "", r.samples(), params, List.of());
  }

  /**
   * How one analysis is split into parts for a cluster (EMBEDDING.md §11): made on the driver by
   * {@link Model#globalSensitivityPlan}, which checks everything a local run checks before it
   * evaluates (the method, the output, the params, the overrides, row 0); each part is then made
   * by {@link Model#globalSensitivityPart} on any machine holding the same model, and
   * {@link #merge} joins them into exactly what {@link Model#globalSensitivity} gives, bit for bit.
   * A Sobol analysis is split into aligned ranges of blocks of rows whose sums merge in the local
   * run's own grouping; a Morris analysis into ranges of trajectories.
   *
   * @param model       a digest of the model's sources (parts of another model are refused)
   * @param method      {@code sobol} or {@code morris}
   * @param output      the report analysed
   * @param samples     Sobol's base samples, or Morris's trajectories
   * @param seed        the seed
   * @param scenario    the scenario's name ({@code base} without one)
   * @param overrides   param name to a Tok expression, on top of the scenario
   * @param slices      how many parts there are (0 when there are diagnostics)
   * @param diagnostics why there is no analysis; then no part can be made
   *
   * @serial exclude
   */
  public record Plan(String model, String method, String output, int samples, long seed, String scenario,
                     Map<String, String> overrides, int slices, List<Diagnostic> diagnostics) implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Copies the collections.
     *
     * @param model       a digest of the model's sources
     * @param method      {@code sobol} or {@code morris}
     * @param output      the report analysed
     * @param samples     base samples or trajectories
     * @param seed        the seed
     * @param scenario    the scenario's name
     * @param overrides   param name to a Tok expression
     * @param slices      how many parts there are
     * @param diagnostics why there is no analysis
     */
    public Plan {
      overrides = Collections.unmodifiableMap(new TreeMap<>(overrides));
      diagnostics = List.copyOf(diagnostics);
    }

    /**
     * Whether the analysis can run.
     *
     * @return true when there are no diagnostics
     */
    public boolean ok() {
      return diagnostics.isEmpty();
    }
  }

  /**
   * One part of a split analysis ({@link Model#globalSensitivityPart}): the Sobol sums of its
   * blocks or the Morris effects of its trajectories, or the position of its first evaluation
   * error. Serializable; only {@link #merge} reads it.
   *
   * @param plan  the plan it belongs to
   * @param slice which part, from 0 to {@code plan.slices() - 1}
   * @param data  the sums or effects (internal)
   *
   * @serial exclude
   */
  public record Part(Plan plan, int slice, Serializable data) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  static Plan plan(CompiledModel cm, Scenario scenario, Map<String, String> given, List<CompiledModel.Override> overrides,
                   String method, String output, int samples, long seed, int slices) {
    if (slices < 1) {
      throw new IllegalArgumentException("a split needs 1 or more parts, got " + slices);
    }
    List<org.tokenomics.diag.Diagnostic> errors = new ArrayList<>();
    int n;
    if (method.equals("morris")) {
      n = Morris.plan(cm, overrides, output, samples, seed, errors) == null ? 0 : Math.min(slices, samples);
    } else if (method.equals("sobol")) {
      Sobol.Plan p = Sobol.plan(cm, overrides, output, samples, seed, errors);
      n = p == null ? 0 : p.slices(slices);
    } else {
      throw new IllegalArgumentException("unknown method '" + method + "' (expected sobol or morris)");
    }
    return new Plan(SimulationPart.digest(cm), method, output, samples, seed, scenario.name(), given, n,
        Diagnostic.of(errors));
  }

  static Part part(CompiledModel cm, List<CompiledModel.Override> overrides, Plan plan, int slice) {
    if (!plan.ok() || slice < 0 || slice >= plan.slices()) {
      throw new IllegalArgumentException("no part " + slice + " in a plan of " + plan.slices() + " parts");
    }
    requireModel(cm, plan);
    List<org.tokenomics.diag.Diagnostic> errors = new ArrayList<>();
    if (plan.method().equals("morris")) {
      Morris.Plan p = Morris.plan(cm, overrides, plan.output(), plan.samples(), plan.seed(), errors);
      int r = plan.samples();
      int first = (int) ((long) r * slice / plan.slices());
      int end = (int) ((long) r * (slice + 1) / plan.slices());
      return new Part(plan, slice, checked(p, errors).part(first, end - first, 1));
    }
    Sobol.Plan p = checked(Sobol.plan(cm, overrides, plan.output(), plan.samples(), plan.seed(), errors), errors);
    int level = p.level(plan.slices());
    return new Part(plan, slice, p.part(slice << level, 1 << level, level, 1));
  }

  /**
   * The analysis from every part of a plan (in any order), equal bit for bit to the local run with
   * the same arguments.
   *
   * @param model the model the plan was made from (the driver's copy)
   * @param plan  the plan
   * @param parts one part per slice of the plan
   * @return the indices, or the diagnostics of the earliest evaluation error
   * @throws IllegalArgumentException when a part belongs to another plan or a slice is missing or repeated
   */
  public static GlobalSensitivity merge(Model model, Plan plan, List<Part> parts) {
    if (!plan.ok()) {
      return new GlobalSensitivity(plan.method(), plan.output(), "", plan.samples(), List.of(), plan.diagnostics());
    }
    CompiledModel cm = model.compiled();
    requireModel(cm, plan);
    Part[] bySlice = new Part[plan.slices()];
    for (Part p : parts) {
      if (!p.plan().equals(plan) || p.slice() < 0 || p.slice() >= bySlice.length || bySlice[p.slice()] != null) {
        throw new IllegalArgumentException("part " + p.slice() + " is not a part of this plan, or it is repeated");
      }
      bySlice[p.slice()] = p;
    }
    for (int i = 0; i < bySlice.length; i++) {
      if (bySlice[i] == null) {
        throw new IllegalArgumentException("part " + i + " of " + bySlice.length + " is missing");
      }
    }
    List<CompiledModel.Override> overrides = model.allOverrides(Scenario.named(plan.scenario()), plan.overrides());
    List<org.tokenomics.diag.Diagnostic> errors = new ArrayList<>();
    if (plan.method().equals("morris")) {
      Morris.Plan p = checked(Morris.plan(cm, overrides, plan.output(), plan.samples(), plan.seed(), errors), errors);
      List<Morris.Part> data = Arrays.stream(bySlice).map(x -> (Morris.Part) x.data()).toList();
      return morris(Morris.finish(p, data, errors), plan.output(), plan.samples(), errors);
    }
    Sobol.Plan p = checked(Sobol.plan(cm, overrides, plan.output(), plan.samples(), plan.seed(), errors), errors);
    List<Sobol.Part> data = Arrays.stream(bySlice).map(x -> (Sobol.Part) x.data()).toList();
    return sobol(Sobol.finish(p, data, errors), plan.output(), plan.samples(), errors);
  }

  private static void requireModel(CompiledModel cm, Plan plan) {
    if (!plan.model().equals(SimulationPart.digest(cm))) {
      throw new IllegalArgumentException("the plan was made from another model (its sources differ)");
    }
  }

  /** The plan made again from the same model and arguments as the checked one: it cannot fail. */
  private static <T> T checked(T plan, List<org.tokenomics.diag.Diagnostic> errors) {
    if (plan == null) {
      throw new IllegalStateException("the analysis no longer checks: " + errors);
    }
    return plan;
  }
}

package org.tokenomics;

import java.util.ArrayList;
import java.util.List;
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
    List<Index> params = new ArrayList<>();
    if (method.equals("morris")) {
      Morris.Result m = Morris.run(cm, overrides, output, samples, seed, threads, errors);
      if (m == null) {
        return new GlobalSensitivity(method, output, "", samples, List.of(), Diagnostic.of(errors));
      }
      double f = m.output().unit().factor();
      for (Morris.Effect e : m.effects()) {
        params.add(new Index(e.param(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            e.muStar() / f, e.mu() / f, e.sigma() / f));
      }
      return new GlobalSensitivity(method, m.output().name(), m.output().unit().name(), m.trajectories(), params,
          List.of());
    }
    if (!method.equals("sobol")) {
      throw new IllegalArgumentException("unknown method '" + method + "' (expected sobol or morris)");
    }
    Sobol.Result r = Sobol.run(cm, overrides, output, samples, seed, threads, errors);
    if (r == null) {
      return new GlobalSensitivity(method, output, "", samples, List.of(), Diagnostic.of(errors));
    }
    for (Sobol.Index i : r.indices()) {
      params.add(new Index(i.param(), i.first(), i.total(), i.firstLow(), i.firstHigh(), i.totalLow(), i.totalHigh(),
          Double.NaN, Double.NaN, Double.NaN));
    }
    return new GlobalSensitivity(method, r.output().name(), "", r.samples(), params, List.of());
  }
}

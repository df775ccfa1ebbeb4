package org.tokenomics.bench;

import java.util.Locale;
import java.util.Map;
import org.tokenomics.GlobalSensitivity;
import org.tokenomics.Model;
import org.tokenomics.Scenario;

/**
 * One timed Sobol analysis in a fresh JVM (issue 17: "Sobol with 10 params and N = 65,536 on the
 * 60-month model within 30 s"): {@code SobolMain SAMPLES SEED}. The benchmark model has three
 * distributions; seven more params get one through overrides, as a modeler would with
 * {@code --set}, so ten params are varied: N·(10 + 2) = 786,432 evaluations of the 60-month model
 * and 501 streaming estimates (the indices and their bootstrap intervals). Prints
 * {@code SOBOL seconds=… cpu_seconds=… params=… evaluations=…} (CPU time over all threads: on a shared
 * machine the wall time depends on the load) and the two largest total indices.
 */
public final class SobolMain {
  private SobolMain() {}

  /** The seven params that become uncertain (the model's own three are demand_growth, capex_per_gw, power_price). */
  static final Map<String, String> MORE_UNCERTAINTY = Map.of(
      "demand_start", "uniform($1.5B/yr, $2.5B/yr)",
      "price_halving", "triangular(18 month, 24 month, 36 month)",
      "value_per_gw", "uniform($20B/GW/yr, $30B/GW/yr)",
      "opex_share", "pert(25 %, 30 %, 40 %)",
      "pue", "uniform(1.1, 1.4)",
      "discount", "normal(9 %, 1.5 %)",
      "build_time", "uniform(12 month, 24 month)");

  public static void main(String[] args) {
    int samples = Integer.parseInt(args[0]);
    long seed = Long.parseLong(args[1]);
    Model model = Bench.model();
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    GlobalSensitivity g = model.globalSensitivity("sobol", "value", samples, seed, Scenario.BASE, MORE_UNCERTAINTY);
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpu = (os.getProcessCpuTime() - cpu0) / 1e9; // on a shared machine, what the run itself cost
    if (!g.ok()) {
      throw new IllegalStateException("the Sobol analysis failed: " + g.diagnostics());
    }
    int params = g.params().size();
    System.out.printf(Locale.ROOT, "SOBOL seconds=%.2f cpu_seconds=%.2f params=%d evaluations=%d%n", seconds, cpu,
        params, (long) samples * (params + 2));
    for (int i = 0; i < Math.min(2, params); i++) {
      GlobalSensitivity.Index p = g.params().get(i);
      System.out.printf(Locale.ROOT, "SOBOL_TOP %s first=%.3f total=%.3f%n", p.name(), p.first(), p.total());
    }
  }
}

package org.tokenomics.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * A run repeated in one process until it is in its steady state, then timed (the "warm" figures
 * of the Squiggle comparison; four-params.mjs does the same for Squiggle). Warm-up as JMH would
 * judge it by hand: at least {@value #MIN_WARM_UPS} untimed runs, then more until the JIT compiled
 * nothing during a run and two successive runs agree within {@value #AGREE_PERCENT} % of wall
 * time (at most {@value #MAX_WARM_UPS} runs: on a loaded machine they may never agree, which
 * {@link Result#settled} says). Then {@value #MEASURED} timed runs: their median wall time, and
 * the process's CPU time over all of them divided by their number (the process CPU clock ticks in
 * hundredths of a second, too coarse for one run of a few hundredths).
 */
final class SteadyState {
  private SteadyState() {}

  static final int MIN_WARM_UPS = 5;
  static final int MAX_WARM_UPS = 30;
  static final int MEASURED = 10;
  static final int AGREE_PERCENT = 5;

  /**
   * @param medianSeconds the timed runs' median wall time
   * @param minSeconds    their least
   * @param cpuSeconds    the process's CPU time per timed run (every thread, the JIT's too)
   * @param warmUps       untimed runs made first
   * @param settled       whether the warm-up ended on agreement (false: on the cap)
   */
  record Result(double medianSeconds, double minSeconds, double cpuSeconds, int warmUps, boolean settled) {}

  static Result measure(Runnable run) {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    double previous = Double.NaN;
    int warmUps = 0;
    boolean settled = false;
    while (warmUps < MAX_WARM_UPS && !settled) {
      long compiled = jit.getTotalCompilationTime();
      long t0 = System.nanoTime();
      run.run();
      double s = (System.nanoTime() - t0) / 1e9;
      warmUps++;
      boolean quiet = jit.getTotalCompilationTime() == compiled;
      settled = warmUps >= MIN_WARM_UPS && quiet && Math.abs(s - previous) <= AGREE_PERCENT / 100.0 * Math.min(s, previous);
      previous = s;
    }
    double[] walls = new double[MEASURED];
    long cpu0 = McMain.cpuNanos();
    for (int i = 0; i < MEASURED; i++) {
      long t0 = System.nanoTime();
      run.run();
      walls[i] = (System.nanoTime() - t0) / 1e9;
    }
    double cpu = (McMain.cpuNanos() - cpu0) / 1e9 / MEASURED;
    Arrays.sort(walls);
    return new Result(BenchMain.median(walls), walls[0], cpu, warmUps, settled);
  }
}

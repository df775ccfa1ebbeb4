package org.tokenomics.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.tokenomics.Model;
import org.tokenomics.Simulation;

/**
 * One timed Monte Carlo run in a fresh JVM (BenchMain starts it with {@code -Xmx1g}):
 * {@code McMain tok|java|java-batched|tok-scalar SAMPLES SEED THREADS [warm]} ({@code tok-scalar}: the
 * four-param scalar model of issue 17, {@code four-params.tok}, whose per-sample work is mostly drawing). Times the sampling and the statistics
 * (mean, p5, p50, p95 of every period of every report), and prints them with the heap: the peak
 * of each heap pool summed (garbage included: the young generation fills before it is collected)
 * and the most heap still in use after a collection (what the run really holds). With {@code warm}
 * (Tok only) the same run, statistics included, is repeated until it is in its steady state and
 * then timed over several runs ({@link SteadyState}; four-params.mjs does the same for Squiggle):
 * {@code seconds} is then the timed runs' median and {@code cpuSeconds} the CPU per run.
 * {@code processCpuSeconds} is the CPU time of the whole process from its start (JVM start, model
 * compilation and JIT included).
 */
public final class McMain {
  private McMain() {}

  public static void main(String[] args) throws Exception {
    String which = args[0];
    int samples = Integer.parseInt(args[1]);
    long seed = Long.parseLong(args[2]);
    int threads = Integer.parseInt(args[3]);
    Model model = which.equals("tok") ? Bench.model() : which.equals("tok-scalar") ? Bench.scalarModel() : null;
    if (args.length > 4 && args[4].equals("warm") && model != null) {
      steady(which, model, samples, seed);
      return;
    }
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    AtomicLong afterGc = new AtomicLong();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener((n, handback) -> {
        if (n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
          GcInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()).getGcInfo();
          long used = info.getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum();
          afterGc.accumulateAndGet(used, Math::max);
        }
      }, null, null);
    }
    long t0 = System.nanoTime();
    long cpu0 = cpuNanos();
    double[][] stats; // per report: mean, p5, p50, p95 of its last period, in the report's unit
    double checksum = 0;
    if (which.startsWith("tok")) {
      double[] sums = new double[1];
      stats = tokStats(model, samples, seed, sums);
      checksum = sums[0];
    } else {
      HandWrittenMc.Stats[] s = which.equals("java") ? HandWrittenMc.run(samples, seed, threads)
          : HandWrittenMc.runBatched(samples, seed, threads);
      stats = new double[s.length][];
      for (int r = 0; r < s.length; r++) {
        double[] mean = s[r].mean();
        double[] p5 = s[r].quantile(0.05);
        double[] p50 = s[r].quantile(0.5);
        double[] p95 = s[r].quantile(0.95);
        int last = mean.length - 1;
        double unit = HandWritten.Outputs.DISPLAY[r]; // Tok's statistics are in the reports' units
        stats[r] = new double[] {mean[last] / unit, p5[last] / unit, p50[last] / unit, p95[last] / unit};
        checksum += sum(mean) + sum(p5) + sum(p50) + sum(p95);
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpuSeconds = (cpuNanos() - cpu0) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(Locale.ROOT, "MC %s seconds=%.3f cpuSeconds=%.3f heapPeakMB=%.0f liveAfterGcMB=%.0f maxHeapMB=%.0f"
        + " processCpuSeconds=%.3f checksum=%.9e%n", which, seconds, cpuSeconds, peak / 1048576.0, afterGc.get() / 1048576.0,
        Runtime.getRuntime().maxMemory() / 1048576.0, cpuNanos() / 1e9, checksum);
    StringBuilder line = new StringBuilder("STATS " + which);
    for (double[] r : stats) {
      for (double v : r) {
        line.append(String.format(Locale.ROOT, " %.9e", v));
      }
    }
    System.out.println(line);
  }

  /**
   * A Tok run and its statistics: per report, the mean, p5, p50 and p95 of its last period (in
   * the report's unit); {@code checksum[0]} gets the sum of those statistics over every period.
   */
  private static double[][] tokStats(Model model, int samples, long seed, double[] checksum) {
    Simulation s = model.simulate(samples, seed);
    double[][] stats = new double[s.reportNames().size()][];
    int r = 0;
    for (String name : s.reportNames()) {
      double[] mean = s.mean(name).values();
      double[] p5 = s.quantile(name, 0.05).values();
      double[] p50 = s.quantile(name, 0.5).values();
      double[] p95 = s.quantile(name, 0.95).values();
      int last = mean.length - 1;
      stats[r++] = new double[] {mean[last], p5[last], p50[last], p95[last]};
      checksum[0] += sum(mean) + sum(p5) + sum(p50) + sum(p95);
    }
    return stats;
  }

  /** The warm figure: the run and its statistics in their steady state ({@link SteadyState}). */
  private static void steady(String which, Model model, int samples, long seed) {
    double[][][] last = new double[1][][];
    double[] checksum = new double[1];
    SteadyState.Result r = SteadyState.measure(() -> {
      checksum[0] = 0;
      last[0] = tokStats(model, samples, seed, checksum);
    });
    System.out.printf(Locale.ROOT, "MC %s seconds=%.4f minSeconds=%.4f cpuSeconds=%.4f warmUps=%d settled=%b"
        + " heapPeakMB=NaN liveAfterGcMB=NaN processCpuSeconds=%.3f checksum=%.9e%n", which, r.medianSeconds(), r.minSeconds(),
        r.cpuSeconds(), r.warmUps(), r.settled(), cpuNanos() / 1e9, checksum[0]);
    StringBuilder line = new StringBuilder("STATS " + which);
    for (double[] st : last[0]) {
      for (double v : st) {
        line.append(String.format(Locale.ROOT, " %.9e", v));
      }
    }
    System.out.println(line);
  }

  /**
   * The CPU time of the whole process (every thread: the samplers, the JIT, the collector) so far:
   * on a shared machine wall time says more about the neighbours than about the run.
   */
  static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static double sum(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s;
  }
}

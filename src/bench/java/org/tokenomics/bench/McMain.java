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
 * the same run is made three times, untimed, before the timed one (the warmed-up comparison with
 * Squiggle, which does the same). {@code processCpuSeconds} is the CPU time of the whole process
 * from its start (JVM start, model compilation and JIT included).
 */
public final class McMain {
  private McMain() {}

  /** Untimed runs before the timed one with {@code warm} (four-params.mjs makes as many). */
  static final int WARM_UP_RUNS = 3;

  public static void main(String[] args) throws Exception {
    String which = args[0];
    int samples = Integer.parseInt(args[1]);
    long seed = Long.parseLong(args[2]);
    int threads = Integer.parseInt(args[3]);
    Model model = which.equals("tok") ? Bench.model() : which.equals("tok-scalar") ? Bench.scalarModel() : null;
    for (int w = 0; w < WARM_UP_RUNS && args.length > 4 && args[4].equals("warm") && model != null; w++) {
      Simulation warm = model.simulate(samples, seed);
      for (String name : warm.reportNames()) {
        warm.quantile(name, 0.5);
      }
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
      Simulation s = model.simulate(samples, seed);
      stats = new double[s.reportNames().size()][];
      int r = 0;
      for (String name : s.reportNames()) {
        double[] mean = s.mean(name).values();
        double[] p5 = s.quantile(name, 0.05).values();
        double[] p50 = s.quantile(name, 0.5).values();
        double[] p95 = s.quantile(name, 0.95).values();
        int last = mean.length - 1;
        stats[r++] = new double[] {mean[last], p5[last], p50[last], p95[last]};
        checksum += sum(mean) + sum(p5) + sum(p50) + sum(p95);
      }
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

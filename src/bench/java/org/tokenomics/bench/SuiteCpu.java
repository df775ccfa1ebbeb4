package org.tokenomics.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A quick look at the suite while working on it, by thread CPU time rather than wall time (a
 * shared machine's neighbours inflate wall time): for each model, after the checks of
 * {@link SuiteBench} and a warm-up, alternates short slices of Tok and of its Java twin in one JVM
 * and prints the CPU microseconds per evaluation of each (medians of the slices) and their ratio.
 * Not the benchmark ({@link Suite} is): {@code java -cp … org.tokenomics.bench.SuiteCpu [model…]}.
 */
public final class SuiteCpu {
  private SuiteCpu() {}

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  public static void main(String[] args) {
    List<String> models = args.length == 0 ? SuiteModel.NAMES : List.of(args);
    for (String name : models) {
      SuiteBench b = new SuiteBench();
      b.model = name;
      b.setup();
      Supplier<?> tok = b::tok;
      Supplier<?> java = b::java;
      for (int warm = 0; warm < 3; warm++) {
        slice(tok, 0.5);
        slice(java, 0.5);
      }
      int slices = 9;
      double[] t = new double[slices];
      double[] j = new double[slices];
      for (int s = 0; s < slices; s++) {
        t[s] = slice(tok, 0.2);
        j[s] = slice(java, 0.2);
      }
      double tm = BenchMain.median(t);
      double jm = BenchMain.median(j);
      System.out.printf(Locale.ROOT, "CPU %s tok %.3f us java %.3f us ratio %.2f%n", name, tm, jm, tm / jm);
    }
  }

  /** Runs {@code work} for about {@code seconds} of CPU time; CPU microseconds per call. */
  private static double slice(Supplier<?> work, double seconds) {
    long start = THREADS.getCurrentThreadCpuTime();
    long budget = (long) (seconds * 1e9);
    long calls = 0;
    Object sink = null;
    long now;
    do {
      for (int i = 0; i < 64; i++) {
        sink = work.get();
      }
      calls += 64;
      now = THREADS.getCurrentThreadCpuTime();
    } while (now - start < budget);
    if (sink == null) {
      throw new AssertionError();
    }
    return (now - start) / 1e3 / calls;
  }
}

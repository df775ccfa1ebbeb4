package org.tokenomics.hostile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The fuzz loop: input {@code i} of a run is made from {@code new Random(seed + i)}, so any input
 * can be made again from its seed and index. Each runs through {@link FuzzOracle} on a worker
 * thread with a 512 KiB stack (a host's small thread, not the CLI's 16 MB); one that takes over
 * {@link #SLOW_MILLIS} of CPU time is a finding (CPU time, not wall time: the build machine may be
 * shared and loaded), one that gives no answer in {@link #HANG_MILLIS} is abandoned as a hang. The first input of each distinct finding is kept (and written to {@code corpus}, if given).
 */
final class Fuzzer {
  static final long SLOW_MILLIS = 5_000;
  static final long HANG_MILLIS = 120_000;
  private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
  static final String[] TOKENS = {"let", "param", "report", "assert", "kind", "fn", "unit", "import", "timeline",
      "scenario", "solve", "correlate", "amends", "amends \"x.tok\"", "for", "so that", "within", "to", "if", "then", "else", "and", "or", "not", "as", "=", "==",
      "<=", "+", "-", "*", "/", "^", "(", ")", "{", "}", "[", "]", ",", ":", ";", ".", "0", "1e308", "-1", "100k",
      "$50B", "$", "$B/yr", "%", "bp", "GW", "yr", "month", "2027-06", "2099-13", "\"x\"", "\n", "dt", "t", "year",
      "sum(", "cumsum(", "npv(", "irr(", "payback(", "ramp(", "once(", "uniform(", "pert(", "x", "chip", "cluster",
      "import \"../x\"", "import \"std:chips\"", "/*", "*/", "//", "\\", "\u00e9", "\u0000"};

  /** The first input of a finding, how many inputs had it, and where it was seen. */
  record Example(FuzzOracle.Finding finding, String input, long index, int count) {}

  /** What a run saw. */
  record Report(long inputs, long millis, long slowestMillis, Map<String, Example> findings) {
    String summary() {
      StringBuilder b = new StringBuilder(String.format("fuzz: %d inputs in %.1f s (slowest %d ms CPU), %d distinct findings%n",
          inputs, millis / 1000.0, slowestMillis, findings.size()));
      findings.values().forEach(e -> b.append(String.format("  %d× %s (first: input %d) %s%n", e.count(),
          e.finding().signature(), e.index(), clip(e.finding().detail()))));
      return b.toString();
    }
  }

  private final FuzzInputs inputs = new FuzzInputs();
  private final FuzzOracle oracle = new FuzzOracle();
  private final Path corpus;
  private final boolean progress;

  Fuzzer(Path corpus) {
    this(corpus, false);
  }

  /** {@code progress}: print the figures so far every 1,000 inputs (the long run). */
  Fuzzer(Path corpus, boolean progress) {
    this.corpus = corpus;
    this.progress = progress;
  }

  /** Runs up to {@code n} inputs or until {@code budgetMillis} has passed, whichever is first. */
  Report run(long seed, long n, long budgetMillis) throws InterruptedException {
    Map<String, Example> findings = new LinkedHashMap<>();
    ExecutorService worker = newWorker();
    long start = System.nanoTime();
    long slowest = 0;
    long i = 0;
    try {
      for (; i < n && (System.nanoTime() - start) / 1_000_000 < budgetMillis; i++) {
        String input = inputs.next(new Random(seed + i));
        long[] cpu = new long[1];
        Future<FuzzOracle.Finding> f = worker.submit(() -> {
          long c0 = THREADS.getCurrentThreadCpuTime();
          try {
            return oracle.check(input);
          } finally {
            cpu[0] = THREADS.getCurrentThreadCpuTime() - c0;
          }
        });
        FuzzOracle.Finding finding;
        try {
          finding = f.get(HANG_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          f.cancel(true);
          worker.shutdownNow();
          worker = newWorker();
          finding = new FuzzOracle.Finding("hang (no answer in " + HANG_MILLIS / 1000 + " s)", input.length() + " characters");
        } catch (ExecutionException e) {
          finding = new FuzzOracle.Finding(FuzzOracle.signature(e.getCause()), e.getCause().toString());
        }
        long ms = cpu[0] / 1_000_000;
        slowest = Math.max(slowest, ms);
        if (finding == null && ms > SLOW_MILLIS) {
          finding = new FuzzOracle.Finding("slow (over " + SLOW_MILLIS / 1000 + " s)", ms + " ms for " + input.length() + " characters");
        }
        if (finding != null) {
          record(findings, finding, input, i);
        }
        if (progress && (i + 1) % 1000 == 0) {
          System.out.print(new Report(i + 1, (System.nanoTime() - start) / 1_000_000, slowest, findings).summary());
          System.out.flush();
        }
      }
    } finally {
      worker.shutdownNow();
    }
    return new Report(i, (System.nanoTime() - start) / 1_000_000, slowest, findings);
  }

  private void record(Map<String, Example> findings, FuzzOracle.Finding finding, String input, long index) {
    Example seen = findings.get(finding.signature());
    if (seen != null) {
      findings.put(finding.signature(), new Example(seen.finding(), seen.input(), seen.index(), seen.count() + 1));
      return;
    }
    findings.put(finding.signature(), new Example(finding, input, index, 1));
    if (corpus != null) {
      try {
        Files.createDirectories(corpus);
        String file = finding.signature().replaceAll("[^A-Za-z0-9]+", "_");
        Files.writeString(corpus.resolve(file.substring(0, Math.min(file.length(), 80)) + ".tok"), input, StandardCharsets.UTF_8);
      } catch (IOException e) {
        System.err.println("fuzz: cannot keep an example: " + e);
      }
    }
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(null, r, "fuzz", 512 * 1024);
      t.setDaemon(true);
      return t;
    });
  }

  static String clip(String s) {
    String one = s.replace('\n', ' ');
    return one.length() > 300 ? one.substring(0, 300) + "…" : one;
  }

  /** The long run outside Maven: {@code java -cp … org.tokenomics.hostile.Fuzzer [inputs] [seed] [corpus] [millis]}. */
  public static void main(String[] args) throws Exception {
    long n = args.length > 0 ? Long.parseLong(args[0]) : 200_000;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : FuzzTest.SEED;
    Path corpus = args.length > 2 ? Path.of(args[2]) : null;
    long budget = args.length > 3 ? Long.parseLong(args[3]) : Long.MAX_VALUE;
    Report r = new Fuzzer(corpus, true).run(seed, n, budget);
    System.out.print(r.summary());
    System.exit(r.findings().isEmpty() ? 0 : 1);
  }
}

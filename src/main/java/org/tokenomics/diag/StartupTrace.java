package org.tokenomics.diag;

import java.lang.management.ManagementFactory;

/**
 * Where a short run's time goes: with {@code -Dtok.trace.startup} ({@code TOK_TRACE_STARTUP=1
 * ./tok run …} sets it) each phase prints one line to stderr: milliseconds since the start, since
 * the previous mark, and the process's CPU milliseconds so far. The start is the property's value
 * when it is a time in nanoseconds since the epoch (the launcher passes the moment it started, so
 * the first line includes the script and the JVM's own start-up), else the JVM's start. Off (the
 * default) a mark reads one static final field, so the library and the command line pay nothing.
 */
public final class StartupTrace {
  private static final String PROPERTY = System.getProperty("tok.trace.startup");
  private static final boolean ON = PROPERTY != null && !PROPERTY.equals("false");
  private static long last = -1;

  private StartupTrace() {}

  /**
   * Records the end of a phase.
   *
   * @param phase what has just finished
   */
  public static void mark(String phase) {
    if (ON) {
      print(phase);
    }
  }

  private static synchronized void print(String phase) {
    long up = sinceStart();
    long cpu = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis()).orElse(-1L);
    System.err.printf("tok-startup %5d ms  +%4d ms  cpu %5d ms  %s%n", up, last < 0 ? up : up - last, cpu, phase);
    last = up;
  }

  private static long sinceStart() {
    if (PROPERTY.matches("\\d{10,19}")) {
      java.time.Instant now = java.time.Instant.now();
      return (now.getEpochSecond() * 1_000_000_000L + now.getNano() - Long.parseLong(PROPERTY)) / 1_000_000;
    }
    return ManagementFactory.getRuntimeMXBean().getUptime();
  }
}

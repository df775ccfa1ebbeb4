package org.tokenomics.diag;

import java.lang.management.ManagementFactory;

/**
 * Where a short run's time goes: with {@code -Dtok.trace.startup} ({@code TOK_TRACE_STARTUP=1
 * ./tok run …} sets it) each phase prints one line to stderr: milliseconds since the start, since
 * the previous mark, and the process's CPU milliseconds so far. The start is the property's value
 * when it is a time in nanoseconds since the epoch (the launcher passes the moment it started, so
 * the first line includes the script and the JVM's own start-up), else the JVM's start; a phase's
 * own time leaves out the printing of the line before it (not its start time). Off (the
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
    java.util.Optional<java.time.Duration> cpu = ProcessHandle.current().info().totalCpuDuration();
    // by hand, not String.format: the process's first format loads the JDK's locale data (15 ms
    // on a cold JVM), which the trace would add to the phase it measures
    System.err.println("tok-startup " + pad(up, 5) + " ms  +" + pad(last < 0 ? up : up - last, 4) + " ms  cpu "
        + pad(cpu.isPresent() ? cpu.get().toMillis() : -1, 5) + " ms  " + phase);
    // the next phase starts after this line: the first look at the process's CPU loads classes
    // (some 8 ms cold), which would otherwise be counted in the phase after "launcher to main"
    last = sinceStart();
  }

  private static String pad(long n, int width) {
    String s = Long.toString(n);
    return " ".repeat(Math.max(0, width - s.length())) + s;
  }

  private static boolean digits(String s) {
    if (s.length() < 10 || s.length() > 19) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static long sinceStart() {
    if (digits(PROPERTY)) {
      java.time.Instant now = java.time.Instant.now();
      return (now.getEpochSecond() * 1_000_000_000L + now.getNano() - Long.parseLong(PROPERTY)) / 1_000_000;
    }
    return ManagementFactory.getRuntimeMXBean().getUptime();
  }
}

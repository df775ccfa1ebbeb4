package org.tokenomics.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.tokenomics.SimulationOptions;

/**
 * A progress bar on stderr for runs longer than about a second, drawn only when stderr is a
 * terminal (never on stdout, so JSON and CSV stay clean). {@code TOK_PROGRESS=1} forces it,
 * {@code TOK_PROGRESS=0} silences it.
 */
final class ProgressBar implements SimulationOptions.Progress, AutoCloseable {
  private static final int WIDTH = 30;
  private final PrintWriter err;
  private final String label;
  private final boolean enabled;
  private final long started = System.nanoTime();
  private boolean drawn;

  private ProgressBar(PrintWriter err, String label, boolean enabled) {
    this.err = err;
    this.label = label;
    this.enabled = enabled;
  }

  static ProgressBar onStderr(PrintWriter err, String label) {
    String env = System.getenv("TOK_PROGRESS");
    boolean on = env != null ? env.equals("1") : stderrIsTerminal();
    return new ProgressBar(err, label, on);
  }

  private static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (Exception | Error e) {
      return false;
    }
  }

  @Override
  public void update(long done, long total) {
    if (!enabled || total <= 0) {
      return;
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    if (seconds < 1 || done >= total && !drawn) {
      return;
    }
    int filled = (int) (WIDTH * done / total);
    String eta = done > 0 && done < total ? String.format(Locale.ROOT, ", %.0f s left", seconds * (total - done) / done) : "";
    err.print(String.format(Locale.ROOT, "\r%s [%s%s] %3d%%  %,d/%,d samples%s   ", label, "#".repeat(filled),
        ".".repeat(WIDTH - filled), 100 * done / total, done, total, eta));
    err.flush();
    drawn = true;
  }

  @Override
  public void close() {
    if (drawn) {
      err.print("\r" + " ".repeat(WIDTH + label.length() + 60) + "\r");
      err.flush();
    }
  }
}

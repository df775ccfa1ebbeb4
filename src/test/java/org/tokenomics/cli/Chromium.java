package org.tokenomics.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium for tests that look at a page as a person would. Tests never install system
 * packages: {@code .ci/run} installs Debian's {@code chromium} when it is missing. A test that needs
 * it calls {@link #require()}: without Chromium it fails under CI (the environment variable
 * {@code CI} is set), so a broken CI image cannot pass unseen, and is skipped with the reason on a
 * developer's machine.
 */
final class Chromium {
  private Chromium() {}

  /** The chromium binary; fails (under CI) or skips the calling test when there is none. */
  static Path require() {
    Path binary = find();
    if (binary == null) {
      String why = "headless Chromium is not installed (none of chromium, chromium-browser, google-chrome on the PATH);"
          + " install Debian's 'chromium' package, as .ci/run does";
      if (System.getenv("CI") != null) {
        Assertions.fail(why + " (CI is set, so this test must run)");
      }
      Assumptions.abort("skipped: " + why);
    }
    return binary;
  }

  private static Path find() {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String dir : path.split(File.pathSeparator)) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return p;
        }
      }
    }
    return null;
  }

  /** Takes a screenshot of a local page; returns the PNG file, or throws with Chromium's output. */
  static Path screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("tok-chromium-");
    List<String> cmd = new ArrayList<>(List.of(require().toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile, "--screenshot=" + png.toAbsolutePath(),
        "--window-size=" + width + "," + height, page.toAbsolutePath().toUri().toString()));
    Path log = Files.createTempFile("tok-chromium-", ".log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      if (!p.waitFor(90, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("chromium did not finish in 90 s: " + Files.readString(log));
      }
      if (!Files.isRegularFile(png)) {
        throw new IOException("chromium wrote no screenshot (exit " + p.exitValue() + "): " + Files.readString(log));
      }
      return png;
    } finally {
      Files.deleteIfExists(log);
      deleteTree(profile);
    }
  }

  private static void deleteTree(Path dir) {
    try (var s = Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a temp folder left behind is harmless
    }
  }
}

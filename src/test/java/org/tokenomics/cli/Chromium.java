package org.tokenomics.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium for tests that look at a page as a person would. Installs Debian's
 * {@code chromium} package when it is missing and the test runs as root with apt-get; callers
 * skip (with {@link #why()}) when that is impossible.
 */
final class Chromium {
  private static Path binary;
  private static String why;

  private Chromium() {}

  /** The chromium binary, installing it if needed; null when there is none (see {@link #why()}). */
  static synchronized Path get() {
    if (binary != null || why != null) {
      return binary;
    }
    binary = find();
    if (binary == null) {
      install();
      binary = find();
      if (binary == null && why == null) {
        why = "chromium is not installed and installing it did not work";
      }
    }
    return binary;
  }

  static String why() {
    return why;
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

  /** apt-get update && apt-get install -y chromium, as root. */
  private static void install() {
    if (!Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
      why = "chromium is missing and there is no apt-get to install it (install Debian's 'chromium' package)";
      return;
    }
    if (!"root".equals(System.getProperty("user.name"))) {
      why = "chromium is missing and only root can install it: apt-get update && apt-get install -y chromium";
      return;
    }
    System.err.println("[test] chromium is missing: apt-get update && apt-get install -y chromium");
    if (!run(List.of("apt-get", "update"), 600) || !run(List.of("apt-get", "install", "-y", "chromium"), 900)) {
      why = "installing chromium with apt-get failed (apt-get update && apt-get install -y chromium)";
    }
  }

  private static boolean run(List<String> command, int seconds) {
    try {
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD);
      pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
      Process p = pb.start();
      if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      return p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Takes a screenshot of a local page; returns the PNG file, or throws with Chromium's output. */
  static Path screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("tok-chromium-");
    List<String> cmd = new ArrayList<>(List.of(get().toString(), "--headless", "--no-sandbox", "--disable-gpu",
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

package org.tokenomics.xlsx;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * LibreOffice in headless mode: a spreadsheet engine that is neither Tok nor POI, to recalculate
 * exported workbooks. Tests never install it: {@code .ci/run} installs Debian's
 * {@code libreoffice-calc-nogui} (and {@code poppler-utils} for {@code pdftoppm}). Without it a test
 * fails under CI and is skipped with the reason elsewhere, like the Chromium tests.
 */
final class LibreOffice {
  private LibreOffice() {}

  static Path require() {
    Path p = find("soffice");
    if (p == null) {
      String why = "LibreOffice is not installed (no soffice on the PATH); install Debian's 'libreoffice-calc-nogui',"
          + " as .ci/run does";
      if (System.getenv("CI") != null) {
        Assertions.fail(why + " (CI is set, so this test must run)");
      }
      Assumptions.abort("skipped: " + why);
    }
    return p;
  }

  static Path find(String name) {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String dir : path.split(File.pathSeparator)) {
      Path p = Path.of(dir, name);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  /** The fields of each line of a CSV file LibreOffice wrote (comma-separated, text in double quotes). */
  static List<List<String>> csv(Path file) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      List<String> fields = new ArrayList<>();
      StringBuilder b = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          b.append('"');
          i++;
        } else if (c == '"') {
          quoted = !quoted;
        } else if (c == ',' && !quoted) {
          fields.add(b.toString());
          b.setLength(0);
        } else {
          b.append(c);
        }
      }
      fields.add(b.toString());
      rows.add(fields);
    }
    return rows;
  }

  /**
   * Converts every file to {@code format} in one soffice process, in a profile of its own set to
   * recalculate every formula when a file is loaded (never trusting a cached value).
   */
  static void convert(List<Path> files, String format, Path outDir) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("tok-lo-profile-");
    Path user = Files.createDirectories(profile.resolve("user"));
    Files.writeString(user.resolve("registrymodifications.xcu"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">\
        <value>0</value></prop></item>
        <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse">\
        <value>0</value></prop></item>
        </oor:items>
        """, StandardCharsets.UTF_8);
    List<String> cmd = new ArrayList<>(List.of(require().toString(), "-env:UserInstallation=" + profile.toUri(),
        "--headless", "--norestore", "--convert-to", format, "--outdir", outDir.toString()));
    files.forEach(f -> cmd.add(f.toString()));
    Path log = Files.createTempFile("tok-lo-", ".log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(170, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      Assertions.fail("soffice did not finish in 170 s: " + Files.readString(log));
    }
    if (p.exitValue() != 0) {
      Assertions.fail("soffice failed (" + p.exitValue() + "): " + Files.readString(log));
    }
  }
}

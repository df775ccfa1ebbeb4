package org.tokenomics.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tokenomics.testing.JavaBuild;

/**
 * Every link in the repository's Markdown resolves inside a clone: relative links name a file or
 * folder that exists, and no page sends readers to folders a clone does not have.
 */
class DocLinksTest {
  /** {@code [text](target)} and {@code ![alt](target)}; the target up to a space or ')'. */
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

  static List<Path> pages() throws IOException {
    Path root = JavaBuild.project();
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.toString().endsWith(".md"))
          .filter(p -> {
            String rel = root.relativize(p).toString();
            return !rel.startsWith("target") && !rel.contains("node_modules") && !rel.startsWith(".")
                && !rel.startsWith("dsl/spec/") && !rel.startsWith("samples/sources/"); // copies kept verbatim
          })
          .sorted().toList();
    }
  }

  @Test
  void everyRelativeLinkResolves() throws IOException {
    List<String> broken = new ArrayList<>();
    int links = 0;
    for (Path page : pages()) {
      String text = Files.readString(page);
      Matcher m = LINK.matcher(text);
      while (m.find()) {
        String target = m.group(1);
        if (target.matches("(?i)(https?|mailto):.*") || target.startsWith("#")) {
          continue;
        }
        links++;
        String file = target.replaceAll("#.*$", "");
        Path resolved = page.getParent().resolve(java.net.URLDecoder.decode(file, java.nio.charset.StandardCharsets.UTF_8))
            .normalize();
        if (!resolved.startsWith(JavaBuild.project()) || !Files.exists(resolved)) {
          broken.add(JavaBuild.project().relativize(page) + ": " + target);
        }
      }
    }
    assertTrue(links > 50, "the pages have links: " + links);
    assertEquals(List.of(), broken);
  }

  @Test
  void noPagePointsOutsideTheRepository() throws IOException {
    List<String> outside = new ArrayList<>();
    for (Path page : pages()) {
      List<String> lines = Files.readAllLines(page);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).matches(".*(\\.\\./)*shared/(spec|domain)/.*")) {
          outside.add(JavaBuild.project().relativize(page) + ":" + (i + 1) + ": " + lines.get(i).strip());
        }
      }
    }
    assertEquals(List.of(), outside);
  }

  @Test
  void theReadmeCountsTheSamples() throws IOException {
    long models;
    try (Stream<Path> s = Files.walk(JavaBuild.project().resolve("samples"))) {
      models = s.filter(p -> p.toString().endsWith(".tok") && !p.toString().contains("/embedding/")).count();
    }
    String readme = Files.readString(JavaBuild.project().resolve("README.md"));
    assertTrue(readme.contains("`samples/` — " + models + " runnable models"), "README gives the count " + models);
  }
}

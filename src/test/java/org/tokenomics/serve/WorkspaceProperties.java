package org.tokenomics.serve;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever path a request names, the workspace either refuses it or answers with a {@code .tok}
 * file inside the served folder, also through links.
 */
class WorkspaceProperties {
  static Path base;
  static Path root;
  static Workspace workspace;

  @BeforeContainer
  static void folder() throws IOException {
    base = Files.createTempDirectory("tok-workspace");
    root = Files.createDirectories(base.resolve("served/sub")).getParent();
    Files.writeString(base.resolve("outside.tok"), "param x = 1\n");
    Files.createSymbolicLink(root.resolve("sub/out"), base);
    Files.createSymbolicLink(root.resolve("link.tok"), base.resolve("outside.tok"));
    workspace = Workspace.of(root);
  }

  @AfterContainer
  static void clean() throws IOException {
    try (var walk = Files.walk(base)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Provide
  Arbitrary<String> paths() {
    Arbitrary<String> part = Arbitraries.of(List.of("..", ".", "sub", "out", "a.tok", "link.tok", "outside.tok", "",
        "x", "%2e%2e", "~", "C:", "\\..", "a\0b.tok", "served", " .tok"));
    return part.list().ofMinSize(1).ofMaxSize(6).map(l -> String.join("/", l))
        .flatMap(s -> Arbitraries.of(s, "/" + s, s + ".tok", s.replace('/', '\\')));
  }

  @Property(tries = 400)
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void everyPathIsRefusedOrAToKFileInside(@ForAll("paths") String path) throws IOException {
    Path p;
    try {
      p = workspace.resolve(path);
    } catch (Refused r) {
      assertTrue(r.status == 400 || r.status == 403, path + " → " + r.status);
      Statistics.collect("refused");
      return;
    } finally {
      // both answers must be exercised, or the property proves nothing
      Statistics.coverage(c -> {
        c.check("refused").count(n -> n > 0);
        c.check("inside").count(n -> n > 0);
      });
    }
    Statistics.collect("inside");
    Path existing = p;
    while (!Files.exists(existing)) {
      existing = existing.getParent();
    }
    Path real = existing.toRealPath().resolve(existing.relativize(p)).normalize();
    assertTrue(real.startsWith(root.toRealPath()), path + " → " + real);
    assertTrue(p.getFileName().toString().endsWith(".tok"), path + " → " + p);
  }
}

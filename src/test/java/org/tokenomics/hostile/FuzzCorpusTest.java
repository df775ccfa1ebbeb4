package org.tokenomics.hostile;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays the first example of every finding the fuzzer made ({@code src/test/resources/fuzz/*.tok})
 * through the same checks. {@code open.txt} lists the examples of defects that are still open
 * elsewhere (file, then why); those are skipped, not passed, so the report shows them.
 */
class FuzzCorpusTest {
  private static final Path DIR = Path.of("src/test/resources/fuzz");

  @TestFactory
  Stream<DynamicTest> everyKeptFindingIsFixed() throws IOException {
    Map<String, String> open = new LinkedHashMap<>();
    Path openFile = DIR.resolve("open.txt");
    if (Files.exists(openFile)) {
      for (String line : Files.readAllLines(openFile)) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] parts = line.split("\\s+", 2);
          open.put(parts[0], parts.length > 1 ? parts[1] : "open");
        }
      }
    }
    FuzzOracle oracle = new FuzzOracle();
    List<Path> files;
    try (Stream<Path> s = Files.list(DIR)) {
      files = s.filter(p -> p.toString().endsWith(".tok")).sorted().toList();
    }
    return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
      String name = f.getFileName().toString();
      assumeTrue(!open.containsKey(name), () -> "open: " + open.get(name));
      FuzzOracle.Finding finding = oracle.check(Files.readString(f, StandardCharsets.UTF_8));
      assertNull(finding, () -> name + ": " + finding);
    }));
  }
}

package org.tokenomics.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tokenomics.cli.Main;
import org.tokenomics.diag.Code;

/**
 * Golden files: each {@code golden/diagnostics/TOKnnn_*.tok} is run through {@code tok run} and
 * its output must equal the {@code .expected} file beside it, and carry the code in its name.
 * A missing {@code .expected} file fails; {@code mvn test -Dgolden.update=true} writes (or rewrites)
 * them: review the diff.
 */
class GoldenDiagnosticsTest {
  static final Path DIR = Path.of("src/test/resources/golden/diagnostics");

  @TestFactory
  Stream<DynamicTest> everyGoldenFile() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(DIR)) {
      files = s.filter(p -> p.toString().endsWith(".tok")).sorted().toList();
    }
    return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
  }

  private static void check(Path tok) throws IOException {
    String actual = run(tok);
    String code = tok.getFileName().toString().substring(0, 6);
    String severity = code.startsWith("TOK7") ? "warning" : "error"; // the 700s are warnings: the model runs
    assertTrue(actual.contains(severity + "[" + code + "]"), () -> "expected " + code + " in:\n" + actual);
    assertTrue(!actual.contains("\tat ") && !actual.contains("Exception"), () -> "a stack trace:\n" + actual);
    Path expected = Path.of(tok.toString().replaceAll("\\.tok$", ".expected"));
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
    }
    // A missing expected file is a failure, never a silent pass: the output must be reviewed first.
    assertTrue(Files.exists(expected), () -> "no golden file " + expected + "; write it with"
        + " mvn -q -o test -Dtest=GoldenDiagnosticsTest -Dgolden.update=true and review it. The output now:\n" + actual);
    assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual, "golden output of " + tok);
  }

  static String run(Path tok) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.execute(new String[] {"run", tok.toString()}, new PrintWriter(out), new PrintWriter(err));
    return "exit " + exit + "\n" + out + err;
  }

  /** Every diagnostic code has at least one golden example. */
  @Test
  void everyCodeHasAGoldenExample() throws IOException {
    try (Stream<Path> s = Files.list(DIR)) {
      List<String> names = s.map(p -> p.getFileName().toString()).toList();
      for (Code c : Code.values()) {
        assertTrue(names.stream().anyMatch(n -> n.startsWith(c.name() + "_") && n.endsWith(".tok")),
            "no golden example for " + c.name());
      }
    }
  }
}

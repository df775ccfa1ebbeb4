package org.tokenomics.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tokenomics.cli.Main;

/**
 * Every sample runs green: it compiles, evaluates (with the arguments of its {@code // run:}
 * line) and every assertion holds in every run.
 */
class SamplesTest {
  @TestFactory
  Stream<DynamicTest> everySampleRunsGreen() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(Path.of("samples"))) {
      files = s.filter(p -> p.toString().endsWith(".tok")).sorted().toList();
    }
    assertTrue(files.size() >= 30, "expected at least 30 samples, found " + files.size());
    return files.stream().map(f -> DynamicTest.dynamicTest(f.toString(), () -> run(f)));
  }

  private static void run(Path file) throws IOException {
    List<String> args = new ArrayList<>(List.of("run", "--format", "json"));
    for (String line : Files.readAllLines(file)) {
      if (line.startsWith("// run:")) {
        args.addAll(List.of(line.substring("// run:".length()).trim().split("\\s+")));
      }
    }
    args.add(file.toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.execute(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertEquals(0, exit, () -> file + " exited " + exit + ":\n" + json.get("diagnostics") + "\n" + err);
    assertFalse(json.get("runs").isEmpty(), file + " produced no run");
    int checks = 0;
    for (JsonNode run : json.get("runs")) {
      for (JsonNode a : run.get("assertions")) {
        assertTrue(a.get("ok").asBoolean(), () -> file + " line " + a.get("line") + ": " + a.get("message"));
        checks++;
      }
    }
    assertTrue(checks > 0, file + " asserts nothing");
  }
}

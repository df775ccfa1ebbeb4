package org.tokenomics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code tok test} (EMBEDDING.md §6) on the samples: output, JSON and exit codes. */
class TestCommandTest {
  private record Out(int exit, String out, String err) {}

  private static Out tok(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Out(exit, out.toString(), err.toString());
  }

  @Test
  void aCornerFailureIsPrintedWithTheSetLinesThatReproduceIt() {
    Out r = tok("test", "samples/testing/guarantee_corner.tok");
    assertEquals(1, r.exit(), r.err());
    assertEquals("""
        samples/testing/guarantee_corner.tok:33: assertion failed: Microsoft never pays more than $40k per chip it uses
          usage = 24.99 %
          price = $25k/chip
          reproduce: tok run samples/testing/guarantee_corner.tok --set 'usage=24.99 %' --set 'price=$25k/chip'
        1 counterexample in 1000 tries (seed 0)
        """, r.out());
    Out run = tok("run", "samples/testing/guarantee_corner.tok", "--set", "usage=24.99 %", "--set", "price=$25k/chip");
    assertEquals(1, run.exit());
    assertTrue((run.out() + run.err()).contains("error[TOK501]"), run.out() + run.err());
  }

  @Test
  void theJsonIsWhatTheSpecSays() throws Exception {
    Out r = tok("test", "samples/testing/guarantee_corner.tok", "--format", "json", "--tries", "300", "--seed", "5");
    assertEquals(1, r.exit(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals(List.of("file", "tries", "seed", "passed", "counterexamples"), iterable(j.fieldNames()));
    assertEquals(5, j.get("seed").asLong());
    assertEquals(false, j.get("passed").asBoolean());
    JsonNode x = j.get("counterexamples").get(0);
    assertEquals(33, x.get("assertion").get("line").asInt());
    assertEquals("Microsoft never pays more than $40k per chip it uses", x.get("assertion").get("message").asText());
    assertEquals(List.of("usage", "price"), iterable(x.get("set").fieldNames()));
  }

  @Test
  void invariantsThatHoldExitZeroWithTheNumberOfTries() throws Exception {
    Out r = tok("test", "samples/testing/margin_bounds.tok", "--tries", "200");
    assertEquals(0, r.exit(), r.err());
    assertEquals("samples/testing/margin_bounds.tok: no assertion failed in 200 tries (seed 0)\n", r.out());
    JsonNode j = new ObjectMapper().readTree(tok("test", "samples/testing/margin_bounds.tok", "--format", "json",
        "--tries", "50").out());
    assertEquals(50, j.get("tries").asInt());
    assertTrue(j.get("passed").asBoolean());
    assertEquals(0, j.get("counterexamples").size());
  }

  @Test
  void badUsageIsExitTwoAndBadModelsExitOne() {
    assertEquals(2, tok("test", "samples/testing/margin_bounds.tok", "--format", "csv").exit());
    assertEquals(2, tok("test", "samples/testing/margin_bounds.tok", "--tries", "0").exit());
    Out named = tok("test", "samples/testing/guarantee_corner.tok", "--param", "phase");
    assertEquals(2, named.exit());
    assertTrue(named.err().contains("cannot vary phase: it has neither a domain nor a distribution"), named.err());
    Out bad = tok("test", "src/test/resources/golden/diagnostics/TOK302_domain_default.tok");
    assertEquals(1, bad.exit());
    assertTrue(bad.err().contains("error[TOK302]"), bad.err());
  }

  private static List<String> iterable(java.util.Iterator<String> it) {
    List<String> out = new java.util.ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}

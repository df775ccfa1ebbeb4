package org.tokenomics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Tokenomics#warmUp()} changes when the prelude is parsed, never what a compile gives. */
class WarmUpTest {
  /** A chip with no power: the error is in the prelude's default, shown at the user's instance. */
  private static final String MISSING = """
      timeline 2026 to 2027 yearly
      chip h100 { price = $25000/GPU }
      datacenter dc { chip = h100; it_power = 1 MW }
      report gpus = dc.chips
      """;

  @Test
  void compilesAreTheSameBeforeAndAfter() {
    Tokenomics tok = Tokenomics.standard();
    Path sample = Path.of("samples/gigawatt/two_dark_years.tok");
    Compilation before = tok.compile(sample);
    Compilation badBefore = tok.compile("missing.tok", MISSING);
    Tokenomics.warmUp();
    Tokenomics.warmUp(); // twice is harmless
    Compilation after = Tokenomics.standard().compile(sample);
    Compilation badAfter = Tokenomics.standard().compile("missing.tok", MISSING);
    assertTrue(before.ok() && after.ok());
    assertEquals(text(before.model().evaluate().reports()), text(after.model().evaluate().reports()));
    assertFalse(badBefore.ok());
    assertEquals(badBefore.diagnostics(), badAfter.diagnostics());
    assertEquals("missing.tok", badAfter.diagnostics().get(0).file(), badAfter.diagnostics().toString());
  }

  private static List<String> text(List<Value> values) {
    return values.stream().map(Value::toString).toList();
  }
}

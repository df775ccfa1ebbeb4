package org.tokenomics.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tokenomics.Diagnostic;
import org.tokenomics.Tokenomics;

/** {@code $5K} is named where it is written, with the spelling meant. */
class MoneyMagnitudeTest {
  @Test
  void aMagnitudeOfTheWrongCaseIsPointedAt() {
    var c = Tokenomics.standard().compile("k.tok", "let x = $5K\nreport x as $k\n");
    assertEquals(1, c.diagnostics().size(), c.diagnostics().toString());
    Diagnostic d = c.diagnostics().get(0);
    assertEquals("TOK100", d.code());
    assertEquals(1, d.line());
    assertEquals(9, d.column());
    assertEquals("'$5K' is not an amount of money: the magnitudes are $k, $M, $B and $T", d.message());
    assertEquals("write $5k", d.help());
  }

  @Test
  void theRightSpellingsAndASpacedUnitAreUntouched() {
    assertTrue(Tokenomics.standard().compile("k.tok", "let x = $5k + $2M + $1B + $1T\nreport x as $k\n").ok());
    var b = Tokenomics.standard().compile("b.tok", "let x = $5b\n");
    assertEquals("write $5B", b.diagnostics().get(0).help());
  }
}

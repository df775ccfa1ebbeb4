package org.tokenomics.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tokenomics.Diagnostic;
import org.tokenomics.Tokenomics;

/** An English unit word gets the Tok unit as its suggestion, not the nearest spelling. */
class UnitWordsTest {
  static final Tokenomics TOK = Tokenomics.standard();

  @ParameterizedTest
  @CsvSource({
      "let life = 5 year,          did you mean 5 yr?",
      "let life = 5 years,         did you mean 5 yr?",
      "let run = 10 hours,         did you mean 10 h?",
      "let lag = 3 mo,             did you mean 3 month?",
      "let lag = 2 weeks,          did you mean 2 week?",
      "let rate = $5/hour,         did you mean h?",
      "let gb = 3 MBB,             did you mean 3 MB?"})
  void theSuggestionIsTheUnitMeant(String source, String help) {
    var c = TOK.compile("u.tok", source + "\n");
    Diagnostic d = c.diagnostics().get(0);
    assertEquals("TOK301", d.code(), d.render());
    assertEquals(help, d.help(), d.render());
  }
}

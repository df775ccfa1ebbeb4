package org.tokenomics.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tokenomics.Diagnostic;
import org.tokenomics.Tokenomics;

/** TOK701: a rate-like plain number above 1 is a warning; what is not rate-like never is. */
class RateWarningTest {
  static final Tokenomics TOK = Tokenomics.standard();
  static final String TIMELINE = "timeline 2026 to 2030 yearly\n";

  private static List<Diagnostic> warnings(String source) {
    var c = TOK.compile("r.tok", TIMELINE + source + "\n");
    assertTrue(c.ok(), c.diagnostics().toString());
    return c.diagnostics().stream().filter(d -> d.code().equals("TOK701")).toList();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "loan debt { principal = $1B; rate = 7.25; start = 2026-01; term = 5 yr } | rate is 7.25, which is 725 %; did you mean 7.25 %?",
      "param discount_rate = 8                                                 | discount_rate is 8, which is 800 %; did you mean 8 %?",
      "param gross_margin: % = 45                                              | gross_margin is 45, which is 4500 %; did you mean 45 %?",
      "report v = npv(1 * $1B, 8) as $B                                        | npv's rate is 8, which is 800 %; did you mean 8 %?",
      "let g = grow(by: 12, every: yr)                                         | grow's by is 12, which is 1200 %; did you mean 12 %?",
      "let c = crf(5, 3 yr)                                                    | crf's rate is 5, which is 500 %; did you mean 5 %?"})
  void aRateAboveOneIsWarnedAboutAtItsLiteral(String source, String message) {
    List<Diagnostic> w = warnings(source);
    assertEquals(1, w.size(), w.toString());
    assertEquals(message, w.get(0).message());
    assertEquals(2, w.get(0).line());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "loan debt { principal = $1B; rate = 7.25 %; start = 2026-01; term = 5 yr }",
      "param discount_rate = 0.08",
      "param utilization = 1",
      "param gpus_share = 250", // above 100: a count, not a percentage without %
      "param pue = 1.2", // no rate word
      "param base = 8\nparam discount_rate = base / 100", // only literals are looked at
      "param spot_rate = 2 $/GPU/h", // not a plain number
      "report v = npv(1 * $1B, 8 %) as $B",
      "let g = grow(by: 0.12, every: yr)"})
  void whatIsNotARateAboveOneIsQuiet(String source) {
    assertEquals(List.of(), warnings(source));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // a name followed to the param it names: the warning is at that param's literal (line 2)
      "param r = 7.25~loan debt { principal = $1B; rate = r; start = 2026-01; term = 5 yr } | 2 | rate is 7.25, which is 725 %; did you mean 7.25 %?",
      // an override in a scenario (line 3)
      "param discount_rate = 8 %~scenario dear {~ discount_rate = 9 }                      | 4 | discount_rate is 9, which is 900 %; did you mean 9 %?",
      "loan debt { principal = $1B; rate = 7 %; start = 2026-01; term = 5 yr }~scenario up { debt.rate = 9.5 } | 3 | rate is 9.5, which is 950 %; did you mean 9.5 %?"})
  void referencesAndScenarioOverridesAreFollowed(String source, int line, String message) {
    List<Diagnostic> w = warnings(source.replace('~', '\n')); // ~ is a new line in the table
    assertEquals(1, w.size(), w.toString());
    assertEquals(message, w.get(0).message());
    assertEquals(line, w.get(0).line());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "param r = 0.0725\nloan debt { principal = $1B; rate = r; start = 2026-01; term = 5 yr }",
      "param discount_rate = 8 %\nscenario dear { discount_rate = 9 % }",
      "param discount_rate = 8 %\nscenario dear { discount_rate = 0.09 }"})
  void quietReferencesAndOverrides(String source) {
    assertEquals(List.of(), warnings(source));
  }

  @org.junit.jupiter.api.Test
  void aSetOnTheCommandLineIsNotWarnedAbout() {
    // --set goes through a checker of its own whose warnings are dropped on success: the value is
    // applied as given (documented in dsl/reference/language.md, "Rate-like numbers").
    var m = TOK.compile("r.tok", TIMELINE + "param discount_rate = 8 %\nreport d = discount_rate\n").model();
    assertEquals(9, m.evaluate(java.util.Map.of("discount_rate", "9")).value("d").in("1"), 1e-12);
  }
}

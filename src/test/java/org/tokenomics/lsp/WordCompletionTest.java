package org.tokenomics.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Completion of the words {@code timing:} and {@code by:} take (LANGUAGE.md §13–§14). */
class WordCompletionTest {
  private static List<String> at(String text) {
    int start = text.indexOf('|'); // the start of the word being typed, as Positions.wordAt finds it
    while (start > 0 && Character.isJavaIdentifierPart(text.charAt(start - 1))) {
      start--;
    }
    return Completions.wordArgument(text.replace("|", ""), start);
  }

  @Test
  void theWordsOfTheArgumentUnderTheCursor() {
    assertEquals(List.of("end", "mid", "start"), at("report v = npv(cash * (1 + x), 8 %, timing: |"));
    assertEquals(List.of("end", "mid", "start"), at("report v = irr(cash, initial: $5B, timing:|)"));
    assertEquals(List.of("yr", "quarter"), at("report per_year = sum(revenue * dt, by: |)"));
    assertEquals(List.of("yr", "quarter"), at("report peak = max(revenue, by: q|"));
  }

  @Test
  void elsewhereNoWords() {
    assertNull(at("let g = grow(by: |"), "grow's by: is a rate");
    assertNull(at("report v = npv(cash, |"));
    assertNull(at("report v = npv(cash, 8 %) + f(timing: |"));
  }
}

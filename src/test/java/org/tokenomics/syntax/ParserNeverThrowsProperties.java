package org.tokenomics.syntax;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.tokenomics.Compilation;
import org.tokenomics.Tok;

/** Whatever the input, compiling returns diagnostics and never throws. */
class ParserNeverThrowsProperties {
  static final List<String> TOKENS = List.of("let", "param", "report", "assert", "kind", "fn", "unit", "import",
      "timeline", "scenario", "solve", "correlate", "for", "so", "that", "within", "to", "if", "then", "else", "and", "or", "not",
      "as", "x", "y", "chip", "cluster", "H100", "=", "==", "<", "+", "-", "*", "/", "^", "(", ")", "{", "}", "[", "]",
      ",", ":", ";", ".", "1", "2.5", "1_000", "100k", "$50B", "$", "$B", "%", "bp", "GW", "yr", "month", "2027-06",
      "\"msg\"", "\n", " ", "2026", "monthly", "yearly", "npv(", "sum(", "ramp(", "dt", "t", "year", "uniform(");

  @Property(tries = 400)
  void arbitraryStringsGiveDiagnostics(@ForAll String text) {
    Compilation c = Tok.compile(text);
    assertNotNull(c.diagnostics());
  }

  @Property(tries = 600)
  void tokenSoupGivesDiagnostics(@ForAll("soup") String text) {
    Compilation c = Tok.compile(text);
    assertNotNull(c.diagnostics());
    if (c.ok()) {
      try {
        c.model().evaluate();
      } catch (org.tokenomics.EvaluationException expected) {
        // an evaluation error is a diagnostic too
      }
    }
  }

  @Provide
  Arbitrary<String> soup() {
    return Arbitraries.of(TOKENS).list().ofMinSize(0).ofMaxSize(40).map(l -> String.join(" ", l));
  }
}

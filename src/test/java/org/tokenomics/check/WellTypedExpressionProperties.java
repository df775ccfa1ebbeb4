package org.tokenomics.check;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.tokenomics.Compilation;
import org.tokenomics.Tok;
import org.tokenomics.Value;

/**
 * Random well-typed expressions check and evaluate to finite values. Terms are positive
 * quantities; sums only add terms of one dimension; products and quotients combine them.
 */
class WellTypedExpressionProperties {
  /** A generated expression and its dimension, written as a unit for `as`. */
  record Gen(String text, String unit) {}

  static final List<Gen> ATOMS = List.of(new Gen("(2 GW)", "W"), new Gen("(3 yr)", "s"), new Gen("($5B)", "$"),
      new Gen("(72 GPU)", "GPU"), new Gen("(10 Mtok)", "tok"), new Gen("(1.5)", ""), new Gen("(50 %)", ""),
      new Gen("(700 W/GPU)", "W/GPU"), new Gen("($2/GPU/h)", "$/GPU/s"), new Gen("(140 $/kW/month)", "$/W/s"));

  @Provide
  Arbitrary<Gen> expressions() {
    return Arbitraries.recursive(() -> Arbitraries.of(ATOMS), this::combine, 1, 5);
  }

  private Arbitrary<Gen> combine(Arbitrary<Gen> inner) {
    return Arbitraries.oneOf(
        inner.flatMap(a -> Arbitraries.of("+", "max", "min").map(op -> op.equals("+")
            ? new Gen("(" + a.text() + " + " + a.text() + " * 2)", a.unit())
            : new Gen(op + "(" + a.text() + ", " + a.text() + " / 3)", a.unit()))),
        Arbitraries.of(ATOMS).flatMap(b -> inner.map(a -> new Gen("(" + a.text() + " * " + b.text() + ")", join(a.unit(), "*", b.unit())))),
        Arbitraries.of(ATOMS).flatMap(b -> inner.map(a -> new Gen("(" + a.text() + " / " + b.text() + ")", join(a.unit(), "/", b.unit())))),
        inner.map(a -> new Gen("(if " + a.text() + " > " + a.text() + " / 2 then " + a.text() + " else " + a.text() + " * 3)", a.unit())));
  }

  private static String join(String a, String op, String b) {
    if (b.isEmpty()) {
      return a;
    }
    String left = a.isEmpty() ? "1" : "(" + a + ")";
    return left + op + "(" + b + ")";
  }

  @Property(tries = 300)
  void checksAndEvaluatesFinite(@ForAll("expressions") Gen g) {
    String as = g.unit().isEmpty() ? "" : " as " + g.unit().replace("$", "$");
    String src = "let x = " + g.text() + "\nreport x" + as;
    Compilation c = Tok.compile(src);
    assertTrue(c.ok(), () -> src + "\n" + c.diagnostics());
    Value v = c.model().evaluate().value("x");
    double d = v.values()[0];
    assertTrue(Double.isFinite(d) && d > 0, () -> src + " = " + d);
  }
}

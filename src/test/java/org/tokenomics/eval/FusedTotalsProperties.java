package org.tokenomics.eval;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.tokenomics.TestModels;

/**
 * Whatever the members' numbers, a total computed by one loop over the members ({@link TotalStep})
 * is the interpreter's total bit for bit, with the same errors: signed zeros, members that cancel,
 * values that are not finite in one member and period, a divisor that is zero in one of them.
 */
class FusedTotalsProperties {
  private static final String[] FORMULAS = {
      "a * (period - k) + b",
      "if x0 > 0 then min(x0, a * 3) else -x0 * b",
      "max(a, b) * ramp(from: 2026-01 + k * 1 month, over: 2 month) - x0",
      "a / (period - k) + b * dt / 1 month",
      "x0 * 10 ^ (b * 300)",
  };

  @Property(tries = 40)
  void aFusedTotalIsTheInterpretersTotal(@ForAll @IntRange(min = 1, max = 30) int members,
                                         @ForAll @IntRange(min = 0, max = 4) int formula,
                                         @ForAll @IntRange(min = 0, max = 12) int k,
                                         @ForAll @DoubleRange(min = -3, max = 3) double a,
                                         @ForAll @DoubleRange(min = -1.2, max = 1.2) double b) {
    String source = "timeline 2026-01 to 2027-06 monthly\n"
        + "kind item {\n  param a\n  param b\n  param k\n"
        + "  let x0 = a * (period - k) + b\n"
        + "  let y = " + FORMULAS[formula] + "\n}\n"
        + "item f[i in 1 to " + members + "] { a = (i - " + k + ") * " + a + "; b = " + b + " * i; k = " + k + " }\n"
        + "report t = total(f.y)\n"
        + "report u = total(f.x0 * f.y) - total(f.x0)\n";
    CodegenTest.agree(TestModels.TOK.compile("p.tok", source));
  }
}

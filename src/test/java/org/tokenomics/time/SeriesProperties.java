package org.tokenomics.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.tokenomics.Evaluation;
import org.tokenomics.Tok;

/** Laws of series functions and contracts. */
class SeriesProperties {
  @Property(tries = 50)
  void lastOfCumsumIsSum(@ForAll @DoubleRange(min = -100, max = 100) double a,
                         @ForAll @DoubleRange(min = -10, max = 10) double b) {
    Evaluation e = Tok.eval("timeline 2026-01 to 2028-12 monthly\nlet x = " + a + " + " + b + " * period\n"
        + "report l = last(cumsum(x))\nreport s = sum(x)");
    assertEquals(e.value("s").in(""), e.value("l").in(""), 1e-9 * (1 + Math.abs(e.value("s").in(""))));
  }

  @Property(tries = 30)
  void halvingAtItsIntervalIsExactlyHalf(@ForAll @IntRange(min = 1, max = 24) int months) {
    Evaluation e = Tok.eval("timeline 2026-01 to 2030-12 monthly\nreport h = halving(every: " + months + " month)");
    assertEquals(0.5, e.value("h").series("")[months], 0.0);
  }

  @Property(tries = 40)
  void longAndShortFuturesSumToZero(@ForAll @DoubleRange(min = 0.1, max = 100) double qty,
                                    @ForAll @DoubleRange(min = 0.5, max = 20) double strike,
                                    @ForAll @IntRange(min = 1, max = 23) int expiryMonth) {
    String expiry = String.format("%04d-%02d", 2026 + expiryMonth / 12, expiryMonth % 12 + 1);
    Evaluation e = Tok.eval("timeline 2026-01 to 2027-12 monthly\n"
        + "let index = $10/Mtok * halving(every: 9 month)\n"
        + "future long { index = index; quantity = " + qty + "M Mtok; strike = $" + strike + "/Mtok; expiry = " + expiry + " }\n"
        + "future short { index = index; quantity = -" + qty + "M Mtok; strike = $" + strike + "/Mtok; expiry = " + expiry + " }\n"
        + "report cash = long.cash + short.cash as $\nreport mark = long.mark + short.mark as $");
    for (double v : e.value("cash").series("$")) {
      assertEquals(0, v, 1e-6);
    }
    for (double v : e.value("mark").series("$")) {
      assertEquals(0, v, 1e-6);
    }
  }

  @Property(tries = 40)
  void offtakePaysAtLeastTheMinimum(@ForAll @DoubleRange(min = 0, max = 1) double minimum,
                                    @ForAll @DoubleRange(min = 0, max = 1.5) double usage,
                                    @ForAll @DoubleRange(min = 0.5, max = 5) double price) {
    Evaluation e = Tok.eval("timeline 2026-01 to 2026-12 monthly\n"
        + "offtake deal { volume = 100k GPU*h/month; price = $" + price + "/GPU/h; minimum = " + minimum
        + "; usage = " + usage + "; start = 2026-01; term = 1 yr }\nreport cash = deal.cash as $");
    double floor = minimum * 100_000 * price;
    for (double v : e.value("cash").series("$")) {
      assertTrue(v >= floor * (1 - 1e-12) - 1e-9, v + " < " + floor);
    }
  }

  @Test
  void rampActiveOnceAndIndexing() {
    Evaluation e = Tok.eval("timeline 2026-01 to 2027-12 monthly\nlet rr = ramp(from: 2026-07, over: 6 month)\n"
        + "report r = rr\nreport a = active(from: 2026-03, for: 3 month)\n"
        + "report o = once($5M, at: 2026-05-15) as $M\nreport at = rr[2026-09]\n"
        + "report u = active(until: 2026-03)\nreport l = lag(period, 2)");
    double[] r = e.value("r").series("");
    assertEquals(0, r[5], 0);
    // v2 pro-rates: the average of the ramp over each month (LANGUAGE.md §6)
    assertEquals(1.0 / 12, r[6], 1e-15);
    assertEquals(11.0 / 12, r[11], 1e-15);
    assertEquals(1, r[12], 0);
    assertEquals(5.0 / 12, e.value("at").in(""), 1e-15);
    double[] a = e.value("a").series("");
    assertEquals(0, a[1], 0);
    assertEquals(1, a[2], 0);
    assertEquals(1, a[4], 0);
    assertEquals(0, a[5], 0);
    assertEquals(5, e.value("o").series("$M")[4], 0);
    assertEquals(0, e.value("o").series("$M")[3], 0);
    double[] u = e.value("u").series("");
    assertEquals(1, u[1], 0);
    assertEquals(0, u[2], 0);
    double[] l = e.value("l").series("");
    assertEquals(0, l[1], 0);
    assertEquals(3, l[5], 0);
  }

  @Test
  void periodLabels() {
    assertEquals(java.util.List.of("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "2027-Q1"),
        Tok.model("timeline 2026-01 to 2027-03 quarterly\nreport t").periods());
    assertEquals(5, Tok.model("timeline 2026 to 2030 yearly\nreport t").periods().size());
    assertEquals(60, Tok.model("timeline 2026 to 2030 monthly\nreport t").periods().size());
  }
}

package org.tokenomics.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link Fmt} formats numbers in {@code Locale.US} (no locale data to load) for the text {@code
 * Locale.ROOT} gives, and trims zeros by hand as the two regular expressions it replaced did.
 */
class FmtLocaleProperties {
  /** Every format {@link Fmt} uses, and the report's sample count's. */
  private static final List<String> FORMATS = List.of("%,.2f", "%.2f", "%.4g", "%.3e", "%,.0f", "%.0f", "%.1f",
      "%.3f", "%.4f", "%.5f", "%.6f");

  @Provide
  Arbitrary<Double> numbers() {
    return Arbitraries.oneOf(
        Arbitraries.doubles(),
        Arbitraries.doubles().between(-1e6, 1e6).ofScale(6),
        Arbitraries.longs().map(l -> Double.longBitsToDouble(l)),
        Arbitraries.of(0.0, -0.0, 0.005, 0.015, 0.125, 999.995, 9999.995, 1e15, 1e-4, 1.5e300, Double.MIN_VALUE,
            Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
  }

  @Property(tries = 2000)
  void usWritesWhatRootWrites(@ForAll("numbers") double v) {
    for (String f : FORMATS) {
      assertEquals(String.format(Locale.ROOT, f, v), String.format(Fmt.NUMBERS, f, v), f + " of " + v);
    }
  }

  @Property(tries = 500)
  void groupedCountsToo(@ForAll long n) {
    assertEquals(String.format(Locale.ROOT, "%,d", n), String.format(Fmt.NUMBERS, "%,d", n));
  }

  @Property(tries = 2000)
  void trimsAsTheRegularExpressionsTrimmed(@ForAll("numbers") double v) {
    for (String f : FORMATS) {
      String s = String.format(Locale.ROOT, f, v);
      String old = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
      assertEquals(old, Fmt.trimZeros(s), s);
    }
  }

  @Example
  void trimsTheEdges() {
    assertEquals("100", Fmt.trimZeros("100.000"));
    assertEquals("1,000.5", Fmt.trimZeros("1,000.50"));
    assertEquals("100", Fmt.trimZeros("100"));
    assertEquals("0", Fmt.trimZeros("0.0"));
    assertEquals("-0", Fmt.trimZeros("-0.000"));
    assertEquals("1.000e+09", Fmt.trimZeros("1.000e+09"));
    assertEquals("", Fmt.trimZeros("."));
  }
}

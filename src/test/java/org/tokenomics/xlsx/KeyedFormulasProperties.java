package org.tokenomics.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.tokenomics.check.CompiledModel;

/**
 * prev, curve and lookup in the workbook for drawn inputs: keys and values of a curve and a
 * lookup (on a key, between keys, beyond the ends, in every interpolation), a lookup's x that is a
 * param and one that moves per period, and a debt sweep whose values read each other's previous
 * period. POI's evaluator agrees with Tok on every report, also after --set moves x.
 */
class KeyedFormulasProperties {
  @Property(tries = 20)
  void pointsAndRecurrencesComputeWhatTokComputes(@ForAll @DoubleRange(min = 5, max = 120) double x,
                                                  @ForAll @IntRange(min = 0, max = 2) int how,
                                                  @ForAll @IntRange(min = 1, max = 30) int gap,
                                                  @ForAll @DoubleRange(min = 0.1, max = 5) double v1,
                                                  @ForAll @DoubleRange(min = 0.1, max = 5) double v2,
                                                  @ForAll @DoubleRange(min = 0.01, max = 0.9) double sweep,
                                                  @ForAll @IntRange(min = 0, max = 2) int step) throws Exception {
    String interp = List.of("linear", "step", "log").get(how);
    String timeline = List.of("2026 to 2031 yearly", "2026-01 to 2028-12 quarterly", "2026-01 to 2027-12 monthly").get(step);
    String source = String.format(java.util.Locale.ROOT, """
        timeline %s
        param x = %.6f tok/s
        param opening = $100M
        param sweep = %.6f
        let points = lookup(x, [20 tok/s: %.6f, %d tok/s: %.6f, 60 tok/s: 1], interpolate: %s)
        let moving = lookup(x * (1 + t / 1 yr), [20 tok/s: %.6f, %d tok/s: %.6f, 60 tok/s: 1], interpolate: %s)
        let price  = curve([2026-03: %.6f $/GPU/h, 2027-%02d: %.6f $/GPU/h], interpolate: %s)
        let repay  = min(prev(debt, initial: opening), opening * sweep * dt / 1 yr + prev(repay) / 4)
        let debt   = prev(debt, initial: opening) - repay
        report points
        report moving
        report price as $/GPU/h
        report debt as $M
        report repay as $M
        """, timeline, x, sweep, v1, 20 + gap, v2, interp, v1, 20 + gap, v2, interp, v1, 1 + gap % 12, v2, interp);
    Path file = Files.createTempFile("tok-xlsx-points-", ".tok");
    try {
      Files.writeString(file, source);
      CompiledModel cm = XlsxExport.compile(file, null);
      assertTrue(cm != null, source);
      XlsxProperties.check(cm, Map.of(), source);
      XlsxProperties.check(cm, Map.of("x", (20 + gap) + " tok/s"), source); // exactly on a key
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /**
   * A lookup over more keys than nested IFs allow (31 to 60): MATCH and INDEX over the hidden key
   * rows give Tok's value for an x between keys, exactly on a key, and beyond both ends, in every
   * interpolation, for a param x and for one that moves per period; and a curve over as many keys.
   */
  @Property(tries = 12)
  void longLookupsAndCurvesComputeWhatTokComputes(@ForAll @IntRange(min = 31, max = 60) int n,
                                                  @ForAll @DoubleRange(min = 0, max = 70) double x,
                                                  @ForAll @IntRange(min = 0, max = 2) int how,
                                                  @ForAll @IntRange(min = 0, max = 59) int onKey) throws Exception {
    String interp = List.of("linear", "step", "log").get(how);
    StringBuilder keys = new StringBuilder();
    StringBuilder dates = new StringBuilder();
    for (int i = 0; i < n; i++) {
      keys.append(i == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%d tok/s: %.4f", 5 + i, 1 + (i * 7 % 11) / 3.0));
      dates.append(i == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%d-%02d: %.4f $/GPU/h",
          2026 + i / 12, 1 + i % 12, 1 + (i * 5 % 13) / 4.0));
    }
    String source = String.format(java.util.Locale.ROOT, """
        timeline 2026-01 to 2027-12 monthly
        param x = %.6f tok/s
        param table = lookup(x, [%s], interpolate: %s)
        let moving = lookup(x * (1 + t / 1 yr), [%s], interpolate: %s)
        let price = curve([%s], interpolate: %s)
        report table
        report moving
        report price as $/GPU/h
        """, x, keys, interp, keys, interp, dates, interp);
    Path file = Files.createTempFile("tok-xlsx-long-", ".tok");
    try {
      Files.writeString(file, source);
      CompiledModel cm = XlsxExport.compile(file, null);
      assertTrue(cm != null, source);
      assertEquals(List.of(), XlsxExport.plan(cm, List.of("base"), "base", Map.of()).notes, "formulas only: " + source);
      XlsxProperties.check(cm, Map.of(), source);
      XlsxProperties.check(cm, Map.of("x", (5 + onKey % n) + " tok/s"), source); // exactly on a key
    } finally {
      Files.deleteIfExists(file);
    }
  }
}

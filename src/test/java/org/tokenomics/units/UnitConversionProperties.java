package org.tokenomics.units;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.tokenomics.Evaluation;
import org.tokenomics.Tok;

/** Converting a quantity to any unit of its dimension and back is the identity. */
class UnitConversionProperties {
  static final List<List<String>> FAMILIES = List.of(
      List.of("$", "$k", "$M", "$B", "$T", "USD"),
      List.of("s", "min", "h", "day", "week", "month", "quarter", "yr"),
      List.of("W", "kW", "MW", "GW", "TW"),
      List.of("J", "kJ", "MJ", "GJ", "Wh", "kWh", "MWh", "GWh", "TWh"),
      List.of("tok", "ktok", "Mtok", "Btok", "Ttok"),
      List.of("FLOP", "GFLOP", "TFLOP", "PFLOP", "EFLOP"),
      List.of("byte", "kB", "MB", "GB", "TB", "PB"),
      List.of("$/Mtok", "$/tok", "$k/Btok"),
      List.of("$/yr", "$B/yr", "$M/month", "$/h"),
      List.of("W/GPU", "kW/GPU"),
      List.of("GW*yr", "GWh", "TWh", "J"));

  record Case(List<String> family, int from, int to, double magnitude) {}

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.of(FAMILIES).flatMap(f -> Combinators.combine(
        Arbitraries.integers().between(0, f.size() - 1), Arbitraries.integers().between(0, f.size() - 1),
        Arbitraries.doubles().between(1e-6, 1e9).ofScale(9)).as((a, b, m) -> new Case(f, a, b, m)));
  }

  @Property(tries = 300)
  void toAnyUnitAndBack(@ForAll("cases") Case c) {
    String from = c.family().get(c.from());
    String to = c.family().get(c.to());
    String src = "param x = " + c.magnitude() + " * 1 " + from + "\nreport x as " + from;
    Evaluation e = Tok.eval(src);
    double inTo = e.value("x").in(to);
    double back = e.value("x").in(from);
    assertEquals(c.magnitude(), back, Math.abs(c.magnitude()) * 1e-12);
    double viaTo = Tok.eval("param y = " + inTo + " * 1 " + to + "\nreport y as " + to).value("y").in(from);
    assertEquals(c.magnitude(), viaTo, Math.abs(c.magnitude()) * 1e-12);
  }

  @Test
  void fixedConventions() {
    assertEquals(8760, Tok.value("report x = 1 yr as h", "x", "h"), 1e-9);
    assertEquals(730, Tok.value("report x = 1 month as h", "x", "h"), 1e-9);
    assertEquals(3600, Tok.value("report x = 1 W * 1 h as J", "x", "J"), 1e-9);
    assertEquals(17520, Tok.value("report x = 2 GW * 1 yr as GWh", "x", "GWh"), 1e-9);
    assertEquals(1e9, Tok.value("report x = 1 GB as byte", "x", "byte"), 1e-3);
    assertEquals(0.0025, Tok.value("report x = 25 bp", "x", ""), 1e-15);
  }

  @Test
  void userUnits() {
    List<String> lines = new ArrayList<>(List.of("unit rack = 72 GPU", "unit user", "report r = 10 rack as GPU",
        "report arpu = $20/user/month * 1M user as $B/yr"));
    Evaluation e = Tok.eval(String.join("\n", lines));
    assertEquals(720, e.value("r").in("GPU"), 1e-9);
    assertEquals(0.24, e.value("arpu").in("$B/yr"), 1e-12);
  }
}

package org.tokenomics.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.tokenomics.Evaluation;
import org.tokenomics.Tok;

/** A prev recurrence equals the same sum written with cumsum where both apply, inside a group too (LANGUAGE.md §10). */
class PrevProperties {
  @Property(tries = 60)
  void aRunningBalanceIsACumulativeSum(@ForAll @Size(min = 1, max = 24) List<@DoubleRange(min = -1e3, max = 1e3) Double> flows,
                                       @ForAll @DoubleRange(min = -1e3, max = 1e3) double opening) {
    int n = flows.size();
    StringBuilder flow = new StringBuilder("$0");
    for (int i = 0; i < n; i++) {
      flow.append(" + once(").append(flows.get(i)).append(" * $1M, at: ").append(2026 + i).append("-01)");
    }
    String src = "timeline 2026 to " + (2026 + n - 1) + " yearly\n"
        + "param opening = " + opening + " * $1M\n"
        + "let flow = " + flow + "\n"
        + "let balance = prev(balance) + flow\n"
        + "let lagged = lag(lagged, 1) + flow\n"
        + "let started = prev(started, initial: opening) + flow\n"
        + "let running = cumsum(flow)\n"
        + "report balance as $M\nreport lagged as $M\nreport started as $M\nreport running as $M\n"
        + "report from_open = opening + running as $M\n";
    Evaluation e = Tok.eval(src);
    double[] running = e.value("running").series("$M");
    // the same additions in the same order: equal to the last bit
    assertArrayEquals(running, e.value("balance").series("$M"), 0);
    assertArrayEquals(running, e.value("lagged").series("$M"), 0);
    assertArrayEquals(e.value("from_open").series("$M"), e.value("started").series("$M"), 1e-9 * (1 + Math.abs(opening) + 1e3 * n));
  }

  /** A cumsum inside its own recurrence group is prev of itself plus the value, to the last bit. */
  @Property(tries = 40)
  void aCumsumInItsOwnGroupIsPrevOfItselfPlusTheValue(
      @ForAll @Size(min = 1, max = 24) List<@DoubleRange(min = -1e3, max = 1e3) Double> flows,
      @ForAll @DoubleRange(min = 0, max = 5e3) double cap) {
    int n = flows.size();
    StringBuilder flow = new StringBuilder("$0");
    for (int i = 0; i < n; i++) {
      flow.append(" + once(").append(flows.get(i)).append(" * $1M, at: ").append(2026 + i).append("-01)");
    }
    String src = "timeline 2026 to " + (2026 + n - 1) + " yearly\n"
        + "param cap = " + cap + " * $1M\n"
        + "let flow = " + flow + "\n"
        + "let take = min(flow, cap - prev(taken)) * (if prev(taken) > cap / 2 then 50 % else 100 %)\n"
        + "let taken = cumsum(take)\n"
        + "let take2 = min(flow, cap - prev(taken2)) * (if prev(taken2) > cap / 2 then 50 % else 100 %)\n"
        + "let taken2 = prev(taken2) + take2\n"
        + "report taken as $M\nreport taken2 as $M\nreport take as $M\nreport take2 as $M\n";
    Evaluation e = Tok.eval(src);
    assertArrayEquals(e.value("taken2").series("$M"), e.value("taken").series("$M"), 0);
    assertArrayEquals(e.value("take2").series("$M"), e.value("take").series("$M"), 0);
  }
}

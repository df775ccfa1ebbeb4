package org.tokenomics.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.tokenomics.Evaluation;
import org.tokenomics.Tok;

/** Families of instances (LANGUAGE.md §15) are the instances one would write out by hand. */
class FamilyProperties {
  private static final String TIMELINE = "timeline 2026-01 to 2033-12 quarterly\n";

  /** A family's total equals the sum of the same members written as separate instances. */
  @Property(tries = 40)
  void totalIsTheSumOfHandWrittenInstances(@ForAll @IntRange(min = 1, max = 8) int members,
                                           @ForAll @IntRange(min = 2026, max = 2029) int first,
                                           @ForAll @DoubleRange(min = 0.1, max = 50) double billions,
                                           @ForAll @DoubleRange(min = -0.5, max = 2) double growth,
                                           @ForAll @DoubleRange(min = 0.5, max = 7) double life) {
    int last = first + members - 1;
    String amount = "$" + billions + "B * (1 + (y - " + first + "-01) / 1 yr * " + growth + ")";
    StringBuilder family = new StringBuilder(TIMELINE)
        .append("purchase v[y in ").append(first).append(" to ").append(last).append(" yearly] { amount = ")
        .append(amount).append("; at = y; life = ").append(life).append(" yr }\n")
        .append("rental r[n in 1 to ").append(members).append("] { capacity = n * 0.5 GW; rate = $")
        .append(billions).append("B/GW/yr; start = 2027-04; term = ").append(life).append(" yr }\n")
        .append("report dep = total(v.depreciation)\nreport cash = total(v.cash)\nreport rent = total(r.cash)\n");
    StringBuilder byHand = new StringBuilder(TIMELINE);
    StringBuilder dep = new StringBuilder();
    StringBuilder cash = new StringBuilder();
    StringBuilder rent = new StringBuilder();
    for (int i = 0; i < members; i++) {
      int year = first + i;
      byHand.append("purchase v").append(i).append(" { amount = ").append(amount.replace("y - ", year + "-01 - "))
          .append("; at = ").append(year).append("-01; life = ").append(life).append(" yr }\n");
      byHand.append("rental r").append(i).append(" { capacity = ").append(i + 1).append(" * 0.5 GW; rate = $")
          .append(billions).append("B/GW/yr; start = 2027-04; term = ").append(life).append(" yr }\n");
      String plus = i == 0 ? "" : " + ";
      dep.append(plus).append("v").append(i).append(".depreciation");
      cash.append(plus).append("v").append(i).append(".cash");
      rent.append(plus).append("r").append(i).append(".cash");
    }
    byHand.append("report dep = ").append(dep).append("\nreport cash = ").append(cash)
        .append("\nreport rent = ").append(rent).append('\n');
    Evaluation a = Tok.eval(family.toString());
    Evaluation b = Tok.eval(byHand.toString());
    for (String name : new String[] {"dep", "cash", "rent"}) {
      assertArrayEquals(b.value(name).series(b.value(name).unit()), a.value(name).series(b.value(name).unit()),
          1e-9 * billions * 1e9, name);
    }
  }

  /** A family of one member is a plain instance: its total and its one member both. */
  @Property(tries = 40)
  void aFamilyOfOneIsAPlainInstance(@ForAll @IntRange(min = 2026, max = 2033) int year,
                                    @ForAll @DoubleRange(min = 0.1, max = 50) double billions,
                                    @ForAll @DoubleRange(min = 0.25, max = 10) double term,
                                    @ForAll @DoubleRange(min = 0.1, max = 4) double gpus) {
    String block = "{ capacity = " + gpus + "k GPU; rate = $" + billions + "/GPU/h; start = K; term = " + term + " yr }";
    Evaluation e = Tok.eval(TIMELINE
        + "rental one[y in " + year + " to " + year + " yearly] " + block.replace("K", "y") + "\n"
        + "rental plain " + block.replace("K", year + "-01") + "\n"
        + "report total_cash = total(one.cash)\nreport member_cash = one[" + year + "].cash\n"
        + "report plain_cash = plain.cash\nreport cost = one.cost\nreport plain_cost = plain.cost\n");
    double[] plain = e.value("plain_cash").series("$");
    assertArrayEquals(plain, e.value("total_cash").series("$"), 0);
    assertArrayEquals(plain, e.value("member_cash").series("$"), 0);
    // a family-wide report has one row per member, named REPORT[KEY]
    assertArrayEquals(e.value("plain_cost").series("$/yr"), e.value("cost[" + year + "]").series("$/yr"), 0);
  }
}

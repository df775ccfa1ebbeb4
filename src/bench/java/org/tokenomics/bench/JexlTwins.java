package org.tokenomics.bench;

import java.util.HashMap;
import java.util.Map;
import org.tokenomics.units.Units;

/** The JEXL twins of the suite's models (the 60- and 600-month ones are {@link JexlModel}). */
final class JexlTwins {
  private JexlTwins() {}

  /** {@code minmax-months.tok}. */
  static JexlTwin minMax() {
    Map<String, Double> params = new HashMap<>();
    params.put("gpus", HandWrittenMinMax.GPUS);
    params.put("power_cap", HandWrittenMinMax.POWER_CAP);
    params.put("power_step", HandWrittenMinMax.POWER_STEP);
    params.put("demand_start", HandWrittenMinMax.DEMAND_START);
    params.put("demand_growth", HandWrittenMinMax.DEMAND_GROWTH);
    params.put("contract_share", HandWrittenMinMax.CONTRACT_SHARE);
    params.put("spot_price", HandWrittenMinMax.SPOT_PRICE);
    params.put("contract_rate", HandWrittenMinMax.CONTRACT_RATE);
    params.put("floor_price", HandWrittenMinMax.FLOOR_PRICE);
    params.put("penalty_rate", HandWrittenMinMax.PENALTY_RATE);
    params.put("opex_rate", HandWrittenMinMax.OPEX_RATE);
    params.put("fixed_cost", HandWrittenMinMax.FIXED_COST);
    params.put("tax_rate", HandWrittenMinMax.TAX_RATE);
    String script = """
        demand = demand_start * math:pow(1.0 + demand_growth, t / month);
        capacity = math:min(gpus, power_cap + power_step * p);
        outage = p >= 18 && p < 21;
        available = outage ? capacity * 0.5 : capacity;
        served = math:min(demand, available);
        unserved = math:max(demand - available, 0.0);
        contracted = math:min(served, gpus * contract_share);
        spot = served - contracted;
        utilisation = served / available;
        tier = utilisation > 0.9 ? 1.3 : (utilisation > 0.7 ? 1.0 : 0.8);
        price = math:max(floor_price, spot_price * tier * math:pow(0.5, t / (30.0 * month)));
        deal_price = math:max(floor_price, math:min(contract_rate, price * 1.1));
        revenue = contracted * deal_price + spot * price;
        penalty = unserved > 0.0 ? math:min(unserved, gpus * contract_share) * penalty_rate : 0.0;
        cost = math:max(fixed_cost, served * opex_rate) + penalty;
        profit = revenue - cost;
        tax = math:max(profit * tax_rate, 0.0);
        margin = revenue > 0.0 ? (profit - tax) / revenue : 0.0;
        """;
    return new JexlTwin(script, params, HandWrittenMinMax.PERIODS, HandWrittenMinMax.NAMES);
  }

  /** {@code many-lets.tok}: each line's lets written out, as in the model. */
  static JexlTwin lets() {
    Map<String, Double> params = new HashMap<>();
    params.put("conversion", HandWrittenLets.CONVERSION);
    params.put("support_cost", HandWrittenLets.SUPPORT_COST);
    params.put("token_cost", HandWrittenLets.TOKEN_COST);
    params.put("discount", HandWrittenLets.DISCOUNT);
    params.put("value", 0.0);
    StringBuilder s = new StringBuilder("price_index = math:pow(0.5, t / (18.0 * month));\n");
    StringBuilder revenue = new StringBuilder("revenue = 0.0");
    StringBuilder compute = new StringBuilder("compute = 0.0");
    StringBuilder net = new StringBuilder("net = 0.0");
    StringBuilder floor = new StringBuilder("floor = 0.0");
    StringBuilder best = new StringBuilder("best_margin = l1_margin");
    for (int i = 0; i < HandWrittenLets.LINES; i++) {
      String l = "l" + (i + 1) + "_";
      params.put(l + "users", HandWrittenLets.USERS[i]);
      params.put(l + "growth", HandWrittenLets.GROWTH[i]);
      params.put(l + "arpu", HandWrittenLets.ARPU[i]);
      params.put(l + "mtok", HandWrittenLets.MTOK[i]);
      params.put(l + "fixed", HandWrittenLets.FIXED[i]);
      s.append(String.join("\n",
          "L_active = L_users * math:pow(1.0 + L_growth, t / month);",
          "L_paying = L_active * conversion;",
          "L_revenue = L_paying * L_arpu;",
          "L_tokens = L_active * L_mtok;",
          "L_compute = L_tokens * token_cost * price_index / month;",
          "L_support = L_paying * support_cost;",
          "L_gross = L_revenue - L_compute;",
          "L_net = L_gross - L_support - L_fixed;",
          "L_margin = L_revenue > 0.0 ? L_net / L_revenue : 0.0;",
          "L_floor = math:max(L_net, -L_fixed);\n").replace("L_", l));
      revenue.append(" + ").append(l).append("revenue");
      compute.append(" + ").append(l).append("compute");
      net.append(" + ").append(l).append("net");
      floor.append(" + ").append(l).append("floor");
      if (i > 0) {
        best = new StringBuilder("best_margin = math:max(" + best.substring("best_margin = ".length()) + ", " + l
            + "margin)");
      }
    }
    s.append(revenue).append(";\n").append(compute).append(";\n").append(net).append(";\n").append(floor)
        .append(";\n").append(best).append(";\n")
        .append("value = value + net * month / math:pow(1.0 + discount, (p + 1) * month / year);\n");
    String[] series = {"revenue", "compute", "net", "floor", "best_margin"};
    return new JexlTwin(s.toString(), params, HandWrittenLets.PERIODS, series, "value");
  }

  /** {@code recurrence-months.tok}: the balances carry over in the context from month to month. */
  static JexlTwin recurrence() {
    Map<String, Double> params = new HashMap<>();
    params.put("capacity", HandWrittenRecurrence.CAPACITY);
    params.put("tariff", HandWrittenRecurrence.TARIFF);
    params.put("opex_share", HandWrittenRecurrence.OPEX_SHARE);
    params.put("shock", HandWrittenRecurrence.SHOCK);
    params.put("loan", HandWrittenRecurrence.LOAN);
    params.put("tenor", HandWrittenRecurrence.TENOR);
    params.put("rate", HandWrittenRecurrence.RATE);
    params.put("target_dscr", HandWrittenRecurrence.TARGET_DSCR);
    params.put("lockup_dscr", HandWrittenRecurrence.LOCKUP_DSCR);
    params.put("reserve_cover", HandWrittenRecurrence.RESERVE_COVER);
    params.put("minimum_cash", HandWrittenRecurrence.MINIMUM_CASH);
    params.put("payout", HandWrittenRecurrence.PAYOUT);
    params.put("tax_rate", HandWrittenRecurrence.TAX_RATE);
    params.put("life", HandWrittenRecurrence.LIFE);
    params.put("balance", HandWrittenRecurrence.LOAN); // last month's, before the first
    params.put("cash", HandWrittenRecurrence.OPENING_CASH);
    params.put("reserve", 0.0);
    params.put("loss_pool", 0.0);
    params.put("lock_left", 0.0);
    String script = """
        year = 2026 + (p - p % 12) / 12;
        ramp_up = math:min((p + 1) / 18.0, 1.0);
        revenue = capacity * tariff * ramp_up;
        cfads = revenue * (1.0 - opex_share - (year == 2028 ? shock : 0.0)) * month;
        depreciation = loan / life * month;
        interest = balance * rate * month / year_s;
        scheduled = p < 6 ? 0.0 : math:min(math:max(cfads / target_dscr - interest, loan / tenor * month), balance);
        service = interest + scheduled;
        lock_left = cfads < service * lockup_dscr ? 3.0 : math:max(lock_left - 1.0, 0.0);
        locked = lock_left > 0.0;
        taxable = cfads - interest - depreciation;
        sheltered = math:min(math:max(taxable, 0.0), loss_pool);
        tax = (math:max(taxable, 0.0) - sheltered) * tax_rate;
        loss_pool = loss_pool + math:max(-taxable, 0.0) - sheltered;
        available = cash + cfads - service - tax;
        to_reserve = math:max(math:min(reserve_cover * service - reserve, available - minimum_cash), 0.0);
        reserve = reserve + to_reserve;
        excess = math:max(available - to_reserve - minimum_cash, 0.0);
        sweep = locked ? math:min(excess, balance - scheduled) : 0.0;
        dividend = locked ? 0.0 : excess * payout;
        cash = available - to_reserve - sweep - dividend;
        balance = balance - scheduled - sweep;
        """;
    params.put("year_s", Units.YEAR);
    return new JexlTwin(script, params, HandWrittenRecurrence.PERIODS, HandWrittenRecurrence.NAMES);
  }

  /** {@code family-1000.tok}: a loop over the racks inside each month. */
  static JexlTwin family() {
    Map<String, Double> params = new HashMap<>();
    params.put("first", HandWrittenFamily.FIRST);
    params.put("day", HandWrittenFamily.DAY);
    params.put("capacity", HandWrittenFamily.CAPACITY);
    params.put("rate", HandWrittenFamily.RATE);
    params.put("term", HandWrittenFamily.TERM);
    params.put("ramp", HandWrittenFamily.RAMP);
    params.put("eps", HandWrittenFamily.EPS);
    String script = """
        s = first + t;
        e = s + month;
        cash = 0.0;
        for (var n : 1 .. 1000) {
          var d = first + n * day;
          var u1 = e - d;
          var u0 = s - d;
          var g1 = u1 <= 0.0 ? 0.0 : (u1 <= ramp ? u1 * u1 / (2.0 * ramp) : ramp / 2.0 + (u1 - ramp));
          var g0 = u0 <= 0.0 ? 0.0 : (u0 <= ramp ? u0 * u0 / (2.0 * ramp) : ramp / 2.0 + (u0 - ramp));
          var avg = (g1 - g0) / (e - s);
          var up = avg <= eps / (e - s) ? 0.0 : (avg >= 1.0 - eps / (e - s) ? 1.0 : avg);
          var overlap = e - math:max(s, d + term);
          var after = overlap <= eps ? 0.0 : (overlap >= e - s - eps ? 1.0 : overlap / (e - s));
          cash = cash + -(capacity * rate * math:max(up - after, 0.0) * month);
        }
        """;
    return new JexlTwin(script, params, HandWrittenFamily.PERIODS, HandWrittenFamily.NAMES);
  }
}

package org.tokenomics.bench;

import java.util.Map;
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlContext;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlScript;
import org.apache.commons.jexl3.MapContext;
import org.apache.commons.jexl3.introspection.JexlPermissions;

/**
 * {@code sixty-months.tok} as Apache Commons JEXL formulas, evaluated period by period: one
 * script (the model's lets in order) run 60 times in a context holding the params and the
 * period's times, the reports copied out into arrays. The script is parsed once.
 */
public final class JexlModel {
  static final String SCRIPT = """
      u1 = end - build_start;
      u0 = start - build_start;
      g1 = u1 <= 0.0 ? 0.0 : (u1 <= build_time ? u1 * u1 / (2.0 * build_time) : build_time / 2.0 + u1 - build_time);
      g0 = u0 <= 0.0 ? 0.0 : (u0 <= build_time ? u0 * u0 / (2.0 * build_time) : build_time / 2.0 + u0 - build_time);
      online = capacity * (g1 - g0) / (end - start);
      price_index = math:pow(0.5, t / price_halving);
      demand = demand_start * math:pow(1.0 + demand_growth, t / month);
      supply_value = online * value_per_gw * price_index;
      revenue = math:min(demand, supply_value);
      power_cost = online * pue * power_price;
      opex = revenue * opex_share + power_cost;
      building = (start >= build_start - 1e-6 && start < build_start + build_time - 1e-6) ? 1.0 : 0.0;
      capex_spend = capex_per_gw * capacity / build_time * building;
      depreciation = capex_per_gw * online / life;
      ebitda = revenue - opex;
      cash = (ebitda - capex_spend) * month;
      margin = revenue > 0.0 ? ebitda / revenue : 0.0;
      cumulative_cash = cumulative_cash + cash;
      value = value + cash / math:pow(1.0 + discount, end_years);
      """;

  private final JexlScript script;

  public JexlModel() {
    JexlEngine jexl = new JexlBuilder().namespaces(Map.of("math", Math.class))
        .permissions(JexlPermissions.UNRESTRICTED).strict(true).silent(false).cache(64).create();
    script = jexl.createScript(SCRIPT);
  }

  /** Evaluates the model with the given params. */
  public HandWritten.Outputs evaluate(HandWritten.Inputs in) {
    return evaluate(in, HandWritten.PERIODS);
  }

  /** Evaluates the model over {@code periods} months with the given params. */
  public HandWritten.Outputs evaluate(HandWritten.Inputs in, int periods) {
    JexlContext c = new MapContext();
    c.set("capacity", in.capacity);
    c.set("build_start", in.buildStart);
    c.set("build_time", in.buildTime);
    c.set("demand_start", in.demandStart);
    c.set("demand_growth", in.demandGrowth);
    c.set("price_halving", in.priceHalving);
    c.set("value_per_gw", in.valuePerGw);
    c.set("capex_per_gw", in.capexPerGw);
    c.set("opex_share", in.opexShare);
    c.set("power_price", in.powerPrice);
    c.set("pue", in.pue);
    c.set("discount", in.discount);
    c.set("life", in.life);
    c.set("month", HandWritten.MONTH);
    c.set("cumulative_cash", 0.0);
    c.set("value", 0.0);
    HandWritten.Outputs out = new HandWritten.Outputs(periods);
    for (int p = 0; p < periods; p++) {
      double start = HandWritten.FIRST + p * HandWritten.MONTH;
      double end = start + HandWritten.MONTH;
      c.set("start", start);
      c.set("end", end);
      c.set("t", start - HandWritten.FIRST);
      c.set("end_years", (end - HandWritten.FIRST) / HandWritten.YEAR);
      script.execute(c);
      out.revenue[p] = get(c, "revenue");
      out.opex[p] = get(c, "opex");
      out.ebitda[p] = get(c, "ebitda");
      out.cash[p] = get(c, "cash");
      out.online[p] = get(c, "online");
      out.demand[p] = get(c, "demand");
      out.powerCost[p] = get(c, "power_cost");
      out.depreciation[p] = get(c, "depreciation");
      out.margin[p] = get(c, "margin");
      out.cumulativeCash[p] = get(c, "cumulative_cash");
    }
    out.value = get(c, "value");
    return out;
  }

  private static double get(JexlContext c, String name) {
    return ((Number) c.get(name)).doubleValue();
  }
}

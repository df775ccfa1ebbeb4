package org.tokenomics.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.tokenomics.Explanation;
import org.tokenomics.text.Fmt;

/**
 * A derivation tree as text a modeler shows a colleague:
 * <pre>
 * depreciation = $10.00B/yr   [$/yr · let · model.tok:12]
 * │ = capex / life
 * ├─ capex = $50.00B   [$ · let · model.tok:11]
 * │  │ = capex_per_gw * capacity
 * …
 * </pre>
 * or as JSON (nested {@code inputs}).
 */
final class ExplainText {
  private ExplainText() {}

  static String render(Explanation root, List<String> periods) {
    StringBuilder b = new StringBuilder();
    node(b, root, "", "", periods);
    return b.toString();
  }

  private static void node(StringBuilder b, Explanation n, String first, String rest, List<String> periods) {
    b.append(first).append(n.name()).append(" = ").append(value(n, n.periods() != null ? n.periods() : periods));
    if (n.repeat()) {
      b.append("   (shown above)\n");
      return;
    }
    b.append("   [").append(meta(n)).append("]\n");
    boolean more = !n.inputs().isEmpty() || n.hiddenInputs() > 0;
    String under = rest + (more ? "│ " : "  ");
    if (n.expression() != null) {
      b.append(under).append("= ").append(n.expression()).append('\n');
    }
    if (n.error() != null) {
      b.append(under).append("! ").append(n.error()).append('\n');
    }
    if (!n.inputs().isEmpty() && n.inputs().get(0).note() != null) {
      b.append(under).append("(inputs ").append(n.inputs().get(0).note()).append(")\n");
    }
    for (int i = 0; i < n.inputs().size(); i++) {
      boolean last = i == n.inputs().size() - 1 && n.hiddenInputs() == 0;
      node(b, n.inputs().get(i), rest + (last ? "└─ " : "├─ "), rest + (last ? "   " : "│  "), periods);
    }
    if (n.hiddenInputs() > 0) {
      b.append(rest).append("└─ … ").append(n.hiddenInputs()).append(n.hiddenInputs() == 1 ? " input" : " inputs")
          .append(" below (raise --depth to see)\n");
    }
  }

  private static String meta(Explanation n) {
    StringBuilder m = new StringBuilder();
    if (n.kind().equals("number")) {
      String unit = n.unit();
      if (!unit.isEmpty() && !unit.equals("1")) {
        m.append(unit).append(" · ");
      }
    }
    m.append(n.role());
    if (!n.where().isEmpty()) {
      String where = n.where();
      int slash = Math.max(where.lastIndexOf('/'), where.lastIndexOf('\\'));
      m.append(" · ").append(slash >= 0 ? where.substring(slash + 1) : where);
    }
    return m.toString();
  }

  /** A scalar as is; a series as first → last, with min and max when it is not monotonic. */
  static String value(Explanation n, List<String> periods) {
    double[] v = n.values();
    if (v == null) {
      return "error";
    }
    if (!n.series() || v.length == 1) {
      return one(n, 0);
    }
    boolean constant = true;
    boolean up = true;
    boolean down = true;
    int lo = 0;
    int hi = 0;
    for (int i = 1; i < v.length; i++) {
      constant &= v[i] == v[0];
      up &= v[i] >= v[i - 1];
      down &= v[i] <= v[i - 1];
      lo = v[i] < v[lo] ? i : lo;
      hi = v[i] > v[hi] ? i : hi;
    }
    if (constant) {
      return one(n, 0) + " in every period";
    }
    if (n.kind().equals("bool")) {
      long yes = java.util.Arrays.stream(v).filter(x -> x != 0).count();
      return "true in " + yes + " of " + v.length + " periods";
    }
    int last = v.length - 1;
    String s = one(n, 0) + " (" + periods.get(0) + ") → " + one(n, last) + " (" + periods.get(last) + ")";
    if (!up && !down) {
      s += "; min " + one(n, lo) + " (" + periods.get(lo) + "), max " + one(n, hi) + " (" + periods.get(hi) + ")";
    }
    return s;
  }

  private static String one(Explanation n, int i) {
    return n.text() != null ? n.text()[i] : Fmt.quantity(n.values()[i], n.unit());
  }

  static String json(String file, Explanation root, List<String> periods) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode top = mapper.createObjectNode();
    top.put("file", file);
    top.set("value", json(mapper, root, periods));
    top.putArray("diagnostics");
    try {
      return mapper.writeValueAsString(top) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode json(ObjectMapper mapper, Explanation n, List<String> periods) {
    ObjectNode o = mapper.createObjectNode();
    o.put("name", n.name());
    o.put("role", n.role());
    o.put("unit", n.unit());
    if (n.values() != null) {
      if (n.series()) {
        ArrayNode ps = o.putArray("periods");
        (n.periods() != null ? n.periods() : periods).forEach(ps::add);
        ArrayNode vs = o.putArray("values");
        for (int i = 0; i < n.values().length; i++) {
          add(vs, n, i);
        }
      } else {
        ArrayNode one = mapper.createArrayNode();
        add(one, n, 0);
        o.set("value", one.get(0));
      }
    }
    o.put("summary", value(n, n.periods() != null ? n.periods() : periods));
    o.put("where", n.where());
    if (n.expression() != null) {
      o.put("expression", n.expression());
    }
    if (n.note() != null) {
      o.put("note", n.note());
    }
    if (n.error() != null) {
      o.put("error", n.error());
    }
    if (n.repeat()) {
      o.put("shown_above", true);
    }
    if (n.hiddenInputs() > 0) {
      o.put("inputs_not_shown", n.hiddenInputs());
    }
    ArrayNode inputs = o.putArray("inputs");
    n.inputs().forEach(c -> inputs.add(json(mapper, c, periods)));
    return o;
  }

  private static void add(ArrayNode a, Explanation n, int i) {
    switch (n.kind()) {
      case "date" -> a.add(n.text()[i]);
      case "bool" -> a.add(Boolean.parseBoolean(n.text()[i]));
      default -> a.add(n.values()[i]);
    }
  }
}

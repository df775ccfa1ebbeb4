package org.tokenomics.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.tokenomics.check.Type;
import org.tokenomics.explain.ExplainNode;
import org.tokenomics.time.Dates;

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

  static String render(ExplainNode root, List<String> periods) {
    StringBuilder b = new StringBuilder();
    node(b, root, "", "", periods);
    return b.toString();
  }

  private static void node(StringBuilder b, ExplainNode n, String first, String rest, List<String> periods) {
    b.append(first).append(n.name()).append(" = ").append(value(n, periods));
    if (n.repeat()) {
      b.append("   (shown above)\n");
      return;
    }
    b.append("   [").append(meta(n)).append("]\n");
    boolean more = !n.children().isEmpty() || n.hiddenInputs() > 0;
    String under = rest + (more ? "│ " : "  ");
    if (n.expression() != null) {
      b.append(under).append("= ").append(n.expression()).append('\n');
    }
    if (n.error() != null) {
      b.append(under).append("! ").append(n.error()).append('\n');
    }
    if (!n.children().isEmpty() && n.children().get(0).note() != null) {
      b.append(under).append("(inputs ").append(n.children().get(0).note()).append(")\n");
    }
    for (int i = 0; i < n.children().size(); i++) {
      boolean last = i == n.children().size() - 1 && n.hiddenInputs() == 0;
      node(b, n.children().get(i), rest + (last ? "└─ " : "├─ "), rest + (last ? "   " : "│  "), periods);
    }
    if (n.hiddenInputs() > 0) {
      b.append(rest).append("└─ … ").append(n.hiddenInputs()).append(n.hiddenInputs() == 1 ? " input" : " inputs")
          .append(" below (raise --depth to see)\n");
    }
  }

  private static String meta(ExplainNode n) {
    StringBuilder m = new StringBuilder();
    if (n.tag() == Type.Tag.NUMBER) {
      String unit = n.unit() != null && !n.unit().name().isEmpty() ? n.unit().name() : n.dimension();
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
  static String value(ExplainNode n, List<String> periods) {
    double[] v = n.values();
    if (v == null) {
      return "error";
    }
    if (!n.series() || v.length == 1) {
      return one(n, v[0]);
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
      return one(n, v[0]) + " in every period";
    }
    if (n.tag() == Type.Tag.BOOL) {
      long yes = java.util.Arrays.stream(v).filter(x -> x != 0).count();
      return "true in " + yes + " of " + v.length + " periods";
    }
    int last = v.length - 1;
    String s = one(n, v[0]) + " (" + periods.get(0) + ") → " + one(n, v[last]) + " (" + periods.get(last) + ")";
    if (!up && !down) {
      s += "; min " + one(n, v[lo]) + " (" + periods.get(lo) + "), max " + one(n, v[hi]) + " (" + periods.get(hi) + ")";
    }
    return s;
  }

  private static String one(ExplainNode n, double base) {
    return switch (n.tag()) {
      case DATE -> Dates.format(base);
      case BOOL -> String.valueOf(base != 0);
      default -> {
        double shown = n.unit().fromBase(base);
        // too large for the display unit: the number in base units, never "Infinity"
        yield Double.isFinite(shown) || !Double.isFinite(base) ? Fmt.quantity(shown, n.unit().name())
            : Fmt.quantity(base, n.dimension()) + " (" + org.tokenomics.diag.SafetyMessages.tooLargeFor(n.unit().name()) + ")";
      }
    };
  }

  static String json(String file, ExplainNode root, List<String> periods) {
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

  private static ObjectNode json(ObjectMapper mapper, ExplainNode n, List<String> periods) {
    ObjectNode o = mapper.createObjectNode();
    o.put("name", n.name());
    o.put("role", n.role());
    o.put("unit", n.tag() == Type.Tag.NUMBER ? n.unit() == null ? n.dimension() : n.unit().name()
        : n.tag().name().toLowerCase(java.util.Locale.ROOT));
    if (n.values() != null) {
      if (n.series()) {
        ArrayNode ps = o.putArray("periods");
        periods.forEach(ps::add);
        ArrayNode vs = o.putArray("values");
        for (double x : n.values()) {
          add(vs, n, x);
        }
      } else {
        ArrayNode one = mapper.createArrayNode();
        add(one, n, n.values()[0]);
        o.set("value", one.get(0));
      }
    }
    o.put("summary", value(n, periods));
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
    n.children().forEach(c -> inputs.add(json(mapper, c, periods)));
    return o;
  }

  private static void add(ArrayNode a, ExplainNode n, double base) {
    switch (n.tag()) {
      case DATE -> a.add(Dates.format(base));
      case BOOL -> a.add(base != 0);
      default -> {
        double shown = n.unit().fromBase(base);
        if (Double.isFinite(shown)) {
          a.add(shown);
        } else {
          a.addNull(); // too large for the unit; the summary says so
        }
      }
    }
  }
}

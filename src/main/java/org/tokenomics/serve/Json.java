package org.tokenomics.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.tokenomics.AssertionResult;
import org.tokenomics.Diagnostic;
import org.tokenomics.Evaluation;
import org.tokenomics.Value;
import org.tokenomics.time.Dates;

/**
 * The page's JSON, built from the public API's values. Numbers are in each report's display unit;
 * a value that is not finite is written as null (the page never shows NaN or Infinity).
 */
final class Json {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  static void number(ObjectNode o, String key, double v) {
    if (Double.isFinite(v)) {
      o.put(key, v);
    } else {
      o.putNull(key);
    }
  }

  static void add(ArrayNode a, double v) {
    if (Double.isFinite(v)) {
      a.add(v);
    } else {
      a.addNull();
    }
  }

  static ArrayNode numbers(double[] values) {
    ArrayNode a = NODES.arrayNode(values.length);
    for (double v : values) {
      add(a, v);
    }
    return a;
  }

  static ArrayNode strings(List<String> values) {
    ArrayNode a = NODES.arrayNode(values.size());
    values.forEach(a::add);
    return a;
  }

  /** The diagnostics as the page shows them: a place, a code, a message, a help and the text {@code tok check} prints. */
  static ArrayNode diagnostics(List<Diagnostic> list) {
    ArrayNode a = NODES.arrayNode(list.size());
    for (Diagnostic d : list) {
      ObjectNode o = a.addObject();
      o.put("severity", d.severity().word());
      o.put("code", d.code());
      o.put("message", d.message());
      o.put("file", d.file());
      o.put("line", d.line());
      o.put("column", d.column());
      o.put("end_line", d.endLine());
      o.put("end_column", d.endColumn());
      o.put("help", d.help());
      o.put("label", d.label());
      o.put("text", d.code().isEmpty() ? d.message() : d.render()); // a bad override's message is already rendered
    }
    return a;
  }

  /** A diagnostic-shaped error without a place (a bad override, a refused request). */
  static ArrayNode error(String message) {
    ArrayNode a = NODES.arrayNode(1);
    ObjectNode o = a.addObject();
    o.put("severity", "error");
    o.put("code", "");
    o.put("message", message);
    o.put("line", 0);
    o.put("column", 0);
    o.put("text", message);
    return a;
  }

  /** One evaluation: every report (values in its display unit) and every assertion. */
  static ObjectNode run(Evaluation e) {
    ObjectNode o = NODES.objectNode();
    o.put("scenario", e.scenario());
    ArrayNode reports = o.putArray("reports");
    for (Value v : e.reports()) {
      reports.add(report(v));
    }
    ArrayNode checks = o.putArray("assertions");
    for (AssertionResult r : e.assertions()) {
      ObjectNode c = checks.addObject().put("message", r.message()).put("line", r.line()).put("ok", r.ok());
      if (r.file() != null) {
        c.put("file", r.file());
      }
    }
    return o;
  }

  static ObjectNode report(Value v) {
    ObjectNode o = NODES.objectNode();
    o.put("name", v.name());
    o.put("unit", v.unit());
    o.put("series", v.isSeries());
    if (v.isSeries()) { // a roll-up's years or quarters differ from the model's periods (LANGUAGE.md §13)
      o.set("periods", strings(v.periods()));
    }
    double[] values = v.values();
    if (v.unit().equals("date") || v.unit().equals("bool")) {
      ArrayNode text = o.putArray("text");
      for (double x : values) {
        text.add(v.unit().equals("date") ? Dates.format(x) : String.valueOf(x != 0));
      }
      o.put("numeric", false);
    } else {
      o.put("numeric", true);
    }
    o.set("values", numbers(values));
    return o;
  }
}

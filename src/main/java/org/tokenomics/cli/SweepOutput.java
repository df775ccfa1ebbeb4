package org.tokenomics.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.tokenomics.report.CsvReporter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.tokenomics.Sweep;

/**
 * A sweep as CSV (one row per grid point; a column per swept param, per scalar report and per
 * period of a series report, named {@code name (unit)} or {@code name[period] (unit)}) or JSON.
 */
final class SweepOutput {
  private SweepOutput() {}

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  static String csv(Sweep r, List<String> periods) {
    StringBuilder b = new StringBuilder();
    List<String> header = new java.util.ArrayList<>();
    for (Sweep.Axis a : r.axes()) {
      header.add(label(a.name(), a.unit()));
    }
    for (int k = 0; k < r.reports().size(); k++) {
      Sweep.Report spec = r.reports().get(k);
      String unit = spec.unit();
      if (spec.series()) {
        for (String p : periods) {
          header.add(label(spec.name() + "[" + p + "]", unit));
        }
      } else {
        header.add(label(spec.name(), unit));
      }
    }
    boolean asserts = r.points().stream().anyMatch(p -> !p.failedAssertions().isEmpty());
    boolean errors = r.points().stream().anyMatch(p -> p.error() != null);
    if (asserts) {
      header.add("failed_assertions");
    }
    if (errors) {
      header.add("error");
    }
    b.append(String.join(",", header.stream().map(CsvReporter::cell).toList())).append('\n');
    for (Sweep.Point p : r.points()) {
      StringBuilder row = new StringBuilder();
      for (int a = 0; a < r.axes().size(); a++) {
        row.append(a == 0 ? "" : ",").append(num(p.inputs()[a]));
      }
      for (int k = 0; k < r.reports().size(); k++) {
        int width = r.reports().get(k).series() ? periods.size() : 1;
        double[] v = p.values().get(k);
        String[] t = p.text().get(k);
        for (int i = 0; i < width; i++) {
          row.append(',');
          if (v != null) {
            row.append(CsvReporter.cell(t != null ? t[i] : num(v[i])));
          }
        }
      }
      if (asserts) {
        row.append(',').append(String.join(" ", p.failedAssertions().stream().map(String::valueOf).toList()));
      }
      if (errors) {
        row.append(',').append(p.error() == null ? "" : CsvReporter.cell(p.error().code() + ": " + p.error().message()));
      }
      b.append(row).append('\n');
    }
    return b.toString();
  }

  static String json(String file, Sweep r, List<String> periods) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("file", file);
    ArrayNode vary = root.putArray("vary");
    for (Sweep.Axis a : r.axes()) {
      ObjectNode o = vary.addObject();
      o.put("name", a.name());
      o.put("unit", a.unit());
      ArrayNode values = o.putArray("values");
      for (double x : a.values()) {
        values.add(x);
      }
    }
    ArrayNode reports = root.putArray("reports");
    for (int k = 0; k < r.reports().size(); k++) {
      ObjectNode o = reports.addObject();
      o.put("name", r.reports().get(k).name());
      o.put("unit", r.reports().get(k).unit());
      if (r.reports().get(k).series()) {
        ArrayNode ps = o.putArray("periods");
        periods.forEach(ps::add);
      }
    }
    ArrayNode points = root.putArray("points");
    for (Sweep.Point p : r.points()) {
      ObjectNode o = points.addObject();
      ObjectNode inputs = o.putObject("inputs");
      for (int a = 0; a < r.axes().size(); a++) {
        inputs.put(r.axes().get(a).name(), p.inputs()[a]);
      }
      ObjectNode values = o.putObject("reports");
      for (int k = 0; k < r.reports().size(); k++) {
        Sweep.Report spec = r.reports().get(k);
        double[] v = p.values().get(k);
        String[] t = p.text().get(k);
        if (v == null) {
          values.putNull(spec.name());
        } else if (spec.series()) {
          ArrayNode arr = values.putArray(spec.name());
          for (int i = 0; i < periods.size(); i++) {
            add(arr, spec, v[i], t == null ? null : t[i]);
          }
        } else {
          ArrayNode one = MAPPER.createArrayNode();
          add(one, spec, v[0], t == null ? null : t[0]);
          values.set(spec.name(), one.get(0));
        }
      }
      ArrayNode failed = o.putArray("failed_assertions");
      p.failedAssertions().forEach(failed::add);
      if (p.error() != null) {
        o.put("error", p.error().code() + ": " + p.error().message());
      }
    }
    root.putArray("diagnostics");
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A value as JSON: a number, a date as text, a bool as true or false. */
  private static void add(ArrayNode arr, Sweep.Report spec, double value, String text) {
    switch (spec.unit()) {
      case "date" -> arr.add(text);
      case "bool" -> arr.add(Boolean.parseBoolean(text));
      default -> arr.add(value);
    }
  }

  private static String label(String name, String unit) {
    return unit == null || unit.isEmpty() ? name : name + " (" + unit + ")";
  }

  /** A number to 12 significant digits, so unit conversions leave no 10.000000000000002. */
  static String num(double v) {
    if (!Double.isFinite(v)) {
      return String.valueOf(v);
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    java.math.BigDecimal d = new java.math.BigDecimal(v).round(new java.math.MathContext(12)).stripTrailingZeros();
    return Math.abs(v) >= 1e-6 && Math.abs(v) < 1e15 ? d.toPlainString() : d.toString();
  }
}

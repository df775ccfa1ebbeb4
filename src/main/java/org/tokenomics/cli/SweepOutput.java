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

  /** The cell of a report that has no value at a point. */
  static final String NOT_AVAILABLE = "n/a";

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
        for (String p : spec.periodsIn(periods)) {
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
        int width = r.reports().get(k).series() ? r.reports().get(k).periodsIn(periods).size() : 1;
        double[] v = p.values().get(k);
        String[] t = p.text().get(k);
        for (int i = 0; i < width; i++) {
          row.append(',');
          // a report that cannot be evaluated at this point (an irr with no sign change, a
          // payback never reached) is n/a in its own cells; the row's other cells stand
          row.append(v == null ? NOT_AVAILABLE : CsvReporter.cell(t != null ? t[i] : num(v[i])));
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
        r.reports().get(k).periodsIn(periods).forEach(ps::add);
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
          for (int i = 0; i < spec.periodsIn(periods).size(); i++) {
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

  /**
   * The sweep with only the named reports, in that order; all of them when {@code names} is
   * empty. Null (after a message naming the reports there are) when a name is not a report.
   */
  static Sweep only(Sweep r, List<String> names, java.io.PrintWriter err) {
    if (names.isEmpty()) {
      return r;
    }
    List<String> known = r.reports().stream().map(Sweep.Report::name).toList();
    int[] chosen = new int[names.size()];
    for (int i = 0; i < names.size(); i++) {
      chosen[i] = known.indexOf(names.get(i).strip());
      if (chosen[i] < 0) {
        err.println("tok: --output " + names.get(i) + " is not a report; the reports are: " + String.join(", ", known));
        return null;
      }
    }
    List<Sweep.Report> reports = new java.util.ArrayList<>();
    for (int c : chosen) {
      reports.add(r.reports().get(c));
    }
    List<Sweep.Point> points = r.points().stream().map(p -> {
      List<double[]> values = new java.util.ArrayList<>();
      List<String[]> text = new java.util.ArrayList<>();
      for (int c : chosen) {
        values.add(p.values().get(c));
        text.add(p.text().get(c));
      }
      boolean missing = values.stream().anyMatch(java.util.Objects::isNull);
      return new Sweep.Point(p.inputs(), values, text, p.failedAssertions(), missing ? p.error() : null);
    }).toList();
    return new Sweep(r.axes(), reports, points, r.diagnostics());
  }

  /**
   * Says on {@code err} which reports are n/a at how many points, with the first cause; returns
   * the exit code: 1 when some point has no value at all, else 0 (an n/a cell is an answer: the
   * irr of a project that never pays back does not exist).
   */
  static int notAvailable(Sweep r, java.io.PrintWriter err) {
    int n = r.points().size();
    for (int k = 0; k < r.reports().size(); k++) {
      int missing = 0;
      Sweep.Point first = null;
      for (Sweep.Point p : r.points()) {
        if (p.values().get(k) == null) {
          missing++;
          first = first == null ? p : first;
        }
      }
      if (missing > 0) {
        err.println("tok: " + r.reports().get(k).name() + " is " + NOT_AVAILABLE + " at " + missing + " of " + n
            + " points" + (first.error() == null ? "" : "; the first: " + first.error().code() + " " + first.error().message()));
      }
    }
    boolean emptyRow = false;
    for (Sweep.Point p : r.points()) {
      emptyRow |= r.reports().size() > 0 && p.values().stream().allMatch(java.util.Objects::isNull);
    }
    if (emptyRow) {
      Sweep.Point bad = r.points().stream().filter(p -> p.error() != null).findFirst().orElse(null);
      if (bad != null) {
        err.println("tok: at some points no report could be evaluated; the first error:");
        err.println(bad.error().render());
      }
      return 1;
    }
    return 0;
  }

  private static String label(String name, String unit) {
    return unit == null || unit.isEmpty() ? name : name + " (" + unit + ")";
  }

  /** A number to 12 significant digits (see {@link org.tokenomics.text.Fmt#significant}). */
  static String num(double v) {
    return org.tokenomics.text.Fmt.significant(v);
  }
}

package org.tokenomics.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.check.Type;
import org.tokenomics.mc.Sweep;
import org.tokenomics.time.Dates;

/**
 * A sweep as CSV (one row per grid point; a column per swept param, per scalar report and per
 * period of a series report, named {@code name (unit)} or {@code name[period] (unit)}) or JSON.
 */
final class SweepOutput {
  private SweepOutput() {}

  /** The cell of a report that has no value at a point. */
  static final String NOT_AVAILABLE = "n/a";

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  static String csv(Sweep.Result r, List<String> periods) {
    StringBuilder b = new StringBuilder();
    List<String> header = new java.util.ArrayList<>();
    for (Sweep.Axis a : r.axes()) {
      header.add(label(a.name(), a.unit().name()));
    }
    for (int k = 0; k < r.reports().size(); k++) {
      CompiledModel.ReportSpec spec = r.reports().get(k);
      String unit = unit(spec);
      if (r.series()[k]) {
        for (String p : periods) {
          header.add(label(spec.name() + "[" + p + "]", unit));
        }
      } else {
        header.add(label(spec.name(), unit));
      }
    }
    boolean asserts = r.points().stream().anyMatch(p -> !p.failedAsserts().isEmpty());
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
        row.append(a == 0 ? "" : ",").append(num(r.axes().get(a).unit().fromBase(p.inputs()[a])));
      }
      for (int k = 0; k < r.reports().size(); k++) {
        int width = r.series()[k] ? periods.size() : 1;
        double[] v = p.reports()[k];
        for (int i = 0; i < width; i++) {
          row.append(',');
          // a report that cannot be evaluated at this point (an irr with no sign change, a
          // payback never reached) is n/a in its own cells; the row's other cells stand
          row.append(v == null ? NOT_AVAILABLE : CsvReporter.cell(shown(r.reports().get(k), v.length == 1 ? v[0] : v[i])));
        }
      }
      if (asserts) {
        row.append(',').append(String.join(" ", p.failedAsserts().stream().map(String::valueOf).toList()));
      }
      if (errors) {
        row.append(',').append(p.error() == null ? "" : CsvReporter.cell(p.error().code() + ": " + p.error().message()));
      }
      b.append(row).append('\n');
    }
    return b.toString();
  }

  static String json(String file, Sweep.Result r, List<String> periods) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("file", file);
    ArrayNode vary = root.putArray("vary");
    for (Sweep.Axis a : r.axes()) {
      ObjectNode o = vary.addObject();
      o.put("name", a.name());
      o.put("unit", a.unit().name());
      ArrayNode values = o.putArray("values");
      for (double x : a.values()) {
        values.add(a.unit().fromBase(x));
      }
    }
    ArrayNode reports = root.putArray("reports");
    for (int k = 0; k < r.reports().size(); k++) {
      ObjectNode o = reports.addObject();
      o.put("name", r.reports().get(k).name());
      o.put("unit", unit(r.reports().get(k)));
      if (r.series()[k]) {
        ArrayNode ps = o.putArray("periods");
        periods.forEach(ps::add);
      }
    }
    ArrayNode points = root.putArray("points");
    for (Sweep.Point p : r.points()) {
      ObjectNode o = points.addObject();
      ObjectNode inputs = o.putObject("inputs");
      for (int a = 0; a < r.axes().size(); a++) {
        inputs.put(r.axes().get(a).name(), r.axes().get(a).unit().fromBase(p.inputs()[a]));
      }
      ObjectNode values = o.putObject("reports");
      for (int k = 0; k < r.reports().size(); k++) {
        CompiledModel.ReportSpec spec = r.reports().get(k);
        double[] v = p.reports()[k];
        if (v == null) {
          values.putNull(spec.name());
        } else if (r.series()[k]) {
          ArrayNode arr = values.putArray(spec.name());
          for (int i = 0; i < periods.size(); i++) {
            add(arr, spec, v.length == 1 ? v[0] : v[i]);
          }
        } else {
          ArrayNode one = MAPPER.createArrayNode();
          add(one, spec, v[0]);
          values.set(spec.name(), one.get(0));
        }
      }
      ArrayNode failed = o.putArray("failed_assertions");
      p.failedAsserts().forEach(failed::add);
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

  /**
   * The sweep with only the named reports, in that order; all of them when {@code names} is
   * empty. Null (after a message naming the reports there are) when a name is not a report.
   */
  static Sweep.Result only(Sweep.Result r, List<String> names, java.io.PrintWriter err) {
    if (names.isEmpty()) {
      return r;
    }
    List<String> known = r.reports().stream().map(CompiledModel.ReportSpec::name).toList();
    int[] chosen = new int[names.size()];
    for (int i = 0; i < names.size(); i++) {
      chosen[i] = known.indexOf(names.get(i).strip());
      if (chosen[i] < 0) {
        err.println("tok: --output " + names.get(i) + " is not a report; the reports are: " + String.join(", ", known));
        return null;
      }
    }
    List<CompiledModel.ReportSpec> reports = new java.util.ArrayList<>();
    boolean[] series = new boolean[chosen.length];
    for (int i = 0; i < chosen.length; i++) {
      reports.add(r.reports().get(chosen[i]));
      series[i] = r.series()[chosen[i]];
    }
    List<Sweep.Point> points = r.points().stream().map(p -> {
      double[][] values = new double[chosen.length][];
      for (int i = 0; i < chosen.length; i++) {
        values[i] = p.reports()[chosen[i]];
      }
      boolean missing = java.util.Arrays.stream(values).anyMatch(java.util.Objects::isNull);
      return new Sweep.Point(p.inputs(), values, missing ? p.error() : null, p.failedAsserts());
    }).toList();
    return new Sweep.Result(r.axes(), reports, series, points);
  }

  /**
   * Says on {@code err} which reports are n/a at how many points, with the first cause; returns
   * the exit code: 1 when some point has no value at all, else 0 (an n/a cell is an answer: the
   * irr of a project that never pays back does not exist).
   */
  static int notAvailable(Sweep.Result r, java.io.PrintWriter err) {
    int n = r.points().size();
    boolean emptyRow = false;
    for (int k = 0; k < r.reports().size(); k++) {
      int missing = 0;
      Sweep.Point first = null;
      for (Sweep.Point p : r.points()) {
        if (p.reports()[k] == null) {
          missing++;
          first = first == null ? p : first;
        }
      }
      if (missing > 0) {
        err.println("tok: " + r.reports().get(k).name() + " is " + NOT_AVAILABLE + " at " + missing + " of " + n
            + " points" + (first.error() == null ? "" : "; the first: " + first.error().code() + " " + first.error().message()));
      }
    }
    for (Sweep.Point p : r.points()) {
      emptyRow |= r.reports().size() > 0 && java.util.Arrays.stream(p.reports()).allMatch(java.util.Objects::isNull);
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

  private static void add(ArrayNode arr, CompiledModel.ReportSpec spec, double base) {
    switch (spec.type().tag()) {
      case DATE -> arr.add(Dates.format(base));
      case BOOL -> arr.add(base != 0);
      default -> arr.add(spec.unit() == null ? base : spec.unit().fromBase(base));
    }
  }

  private static String shown(CompiledModel.ReportSpec spec, double base) {
    return switch (spec.type().tag()) {
      case DATE -> Dates.format(base);
      case BOOL -> String.valueOf(base != 0);
      default -> num(spec.unit() == null ? base : spec.unit().fromBase(base));
    };
  }

  private static String unit(CompiledModel.ReportSpec spec) {
    Type.Tag tag = spec.type().tag();
    return tag == Type.Tag.DATE ? "date" : tag == Type.Tag.BOOL ? "bool" : spec.unitText();
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

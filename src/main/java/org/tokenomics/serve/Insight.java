package org.tokenomics.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tokenomics.Diagnostic;
import org.tokenomics.Model;
import org.tokenomics.api.OverrideParser;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.check.DisplayUnits;
import org.tokenomics.check.Type;
import org.tokenomics.eval.EvalError;
import org.tokenomics.eval.Frame;
import org.tokenomics.explain.ExplainNode;
import org.tokenomics.explain.Explainer;
import org.tokenomics.mc.Sampler;
import org.tokenomics.mc.Tornado;
import org.tokenomics.mc.UncertainParam;
import org.tokenomics.time.Dates;
import org.tokenomics.units.Unit;

/**
 * What the page needs beyond the public API (slider ranges, the tornado, explain trees), read
 * from the checked model, which the playground keeps beside each {@link Model} as the language
 * server does (compiled through the non-exported {@code api.Toolchain}). The one class of the
 * playground that reads inside the library.
 */
final class Insight {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  /** Levels of an explain tree sent at once; deeper inputs are one more click away. */
  static final int EXPLAIN_DEPTH = 3;
  /** An unbounded distribution's slider spans these quantiles (a bounded one its whole support). */
  private static final double TAIL = 0.005;

  private Insight() {}

  /**
   * A slider for a number param: its unit (as the source writes it where possible), its value,
   * and a range: the distribution's support (or its 0.5 %–99.5 % range), else 0 to twice the value;
   * a domain ({@code within}) bounds either.
   */
  record Slider(String name, String unit, double value, double min, double max, boolean uncertain, String source,
                double[] values) {}

  static List<Slider> sliders(CompiledModel cm) {
    Sampler sampler = Sampler.of(cm, List.of());
    Frame frame = sampler.newFrame();
    List<Slider> out = new ArrayList<>();
    for (CompiledModel.ParamSpec p : cm.params()) {
      if (!p.type().isNumber()) {
        continue;
      }
      double value;
      try {
        value = frame.values(p.slot())[0];
      } catch (EvalError e) {
        continue; // its error is the evaluation's; no slider for a value that cannot be computed
      }
      String literal = p.dist() != null ? DisplayUnits.firstArgument(p.defaultText()) : p.defaultText();
      Unit unit = cm.units().fromLiteral(literal.strip(), p.type().dim());
      if (unit == null) {
        unit = cm.units().forValues(p.type().dim(), new double[] {value});
      }
      double lo;
      double hi;
      UncertainParam u = p.dist() == null ? null : sampler.params().stream()
          .filter(x -> x.slot() == p.slot()).findFirst().orElse(null);
      if (u != null) {
        lo = drawn(frame, u, 0, TAIL);
        hi = drawn(frame, u, 1, 1 - TAIL);
        frame.draws[u.index()] = 0.5;
        frame.reset();
      } else {
        double span = value == 0 ? unit.factor() : Math.abs(value);
        lo = value - span;
        hi = value + span;
        if (value > 0) {
          lo = 0;
        }
      }
      org.tokenomics.check.ParamDomain domain = cm.cells().get(p.slot()).domain();
      if (domain != null) {
        // A domain (LANGUAGE.md §16) is the range the param accepts: a slider beyond it would only
        // produce TOK302; a distribution's range is cut to it.
        lo = u == null ? domain.low() : Math.max(lo, domain.low());
        hi = u == null ? domain.high() : Math.min(hi, domain.high());
        if (!(lo < hi)) {
          lo = domain.low();
          hi = domain.high();
        }
      }
      if (!(Double.isFinite(lo) && Double.isFinite(hi)) || lo >= hi) {
        double span = value == 0 ? unit.factor() : Math.abs(value);
        lo = value - span;
        hi = value + span;
      }
      out.add(new Slider(p.name(), unit.name(), unit.fromBase(value), unit.fromBase(lo), unit.fromBase(hi),
          p.dist() != null, p.defaultText(), steps(p, unit, lo, hi)));
    }
    return out;
  }

  /**
   * A {@code discrete} param's values inside the slider's range, in its unit, so the slider steps
   * from one to the next (LANGUAGE.md §18); null for any other param (a continuous slider).
   */
  private static double[] steps(CompiledModel.ParamSpec p, Unit unit, double lo, double hi) {
    if (p.dist() == null || !p.dist().family().equals("discrete")) {
      return null;
    }
    List<org.tokenomics.eval.Node> args = p.dist().args();
    int n = args.size() / 2;
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (!args.get(i).isConstant() || !args.get(n + i).isConstant()) {
        return null;
      }
      double v = args.get(i).constant();
      if (args.get(n + i).constant() > 0 && v >= lo && v <= hi) {
        out.add(unit.fromBase(v));
      }
    }
    return out.size() < 2 ? null : out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** The param's value at draw {@code edge}, or at {@code fallback} when the edge is unbounded. */
  private static double drawn(Frame frame, UncertainParam u, double edge, double fallback) {
    for (double q : new double[] {edge, fallback}) {
      frame.reset();
      frame.draws[u.index()] = q;
      try {
        double v = frame.values(u.slot())[0];
        if (Double.isFinite(v)) {
          return v;
        }
      } catch (EvalError e) {
        // an infinite edge (a normal's 0 or 1): try the tail quantile
      }
    }
    return Double.NaN;
  }

  /** The tornado of a scalar report under the overrides; null after adding diagnostics. */
  static ObjectNode tornado(CompiledModel cm, Map<String, String> overrides, String output, List<Diagnostic> errors) {
    List<org.tokenomics.diag.Diagnostic> problems = new ArrayList<>();
    Tornado.Result r = Tornado.run(cm, OverrideParser.compile(cm, overrides), output, problems);
    problems.forEach(d -> errors.add(shown(d)));
    if (r == null) {
      return null;
    }
    Unit unit = r.output().unit();
    ObjectNode o = JSON.objectNode();
    o.put("output", r.output().name());
    o.put("unit", unit.name());
    Json.number(o, "base", unit.fromBase(r.base()));
    ArrayNode bars = o.putArray("bars");
    for (Tornado.Bar b : r.bars()) {
      ObjectNode bar = bars.addObject();
      bar.put("param", b.param());
      bar.put("distribution", b.distribution());
      bar.put("param_unit", b.unit().name());
      Json.number(bar, "in_low", b.unit().fromBase(b.inLow()));
      Json.number(bar, "in_high", b.unit().fromBase(b.inHigh()));
      Json.number(bar, "low", unit.fromBase(b.outLow()));
      Json.number(bar, "high", unit.fromBase(b.outHigh()));
      if (b.error() != null) {
        bar.put("error", b.error().message());
      }
    }
    return o;
  }

  /** The derivation tree of a value under the overrides; null after adding diagnostics. */
  static ObjectNode explain(CompiledModel cm, Map<String, String> overrides, String name, List<Diagnostic> errors) {
    List<org.tokenomics.diag.Diagnostic> problems = new ArrayList<>();
    ExplainNode tree = Explainer.explain(cm, OverrideParser.compile(cm, overrides), name, EXPLAIN_DEPTH, problems);
    problems.forEach(d -> errors.add(shown(d)));
    return tree == null ? null : node(tree);
  }

  /** A diagnostic of the library's phases as the API (and so the page) shows it. */
  private static Diagnostic shown(org.tokenomics.diag.Diagnostic d) {
    return new Diagnostic(org.tokenomics.Severity.valueOf(d.severity().name()), d.code(), d.message(), d.file(),
        d.line(), d.column(), d.endLine(), d.endColumn(), d.help(), d.sourceLine(), d.label());
  }

  private static ObjectNode node(ExplainNode n) {
    ObjectNode o = JSON.objectNode();
    o.put("name", n.name());
    o.put("role", n.role());
    boolean number = n.tag() == Type.Tag.NUMBER;
    o.put("unit", number ? (n.unit() == null ? n.dimension() : n.unit().name()) : n.tag().name().toLowerCase(java.util.Locale.ROOT));
    if (n.values() != null) {
      ArrayNode vs = o.putArray("values");
      for (double x : n.values()) {
        switch (n.tag()) {
          case DATE -> vs.add(Dates.format(x));
          case BOOL -> vs.add(x != 0);
          default -> Json.add(vs, n.unit() == null ? x : n.unit().fromBase(x));
        }
      }
      o.put("series", n.series());
    }
    o.put("where", n.where());
    o.put("expression", n.expression());
    o.put("note", n.note());
    o.put("error", n.error());
    o.put("shown_above", n.repeat());
    o.put("inputs_not_shown", n.hiddenInputs());
    ArrayNode inputs = o.putArray("inputs");
    n.children().forEach(c -> inputs.add(node(c)));
    return o;
  }
}

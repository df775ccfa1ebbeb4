package org.tokenomics.mc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tokenomics.diag.Diagnostic;
import org.tokenomics.diag.Severity;
import org.tokenomics.check.AssertionSlack;
import org.tokenomics.check.CellSym;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.check.OverrideCompiler;
import org.tokenomics.check.ParamDomain;
import org.tokenomics.check.Type;
import org.tokenomics.diag.Code;
import org.tokenomics.syntax.Diagnostics;
import org.tokenomics.dist.Dist;
import org.tokenomics.eval.Cell;
import org.tokenomics.eval.EvalError;
import org.tokenomics.eval.Frame;
import org.tokenomics.eval.Node;
import org.tokenomics.eval.Nodes;
import org.tokenomics.eval.Program;
import org.tokenomics.units.Unit;

/**
 * What {@code tok test} and the jqwik bridge explore (EMBEDDING.md §6): the params that have a
 * domain or a distribution, each with its default and its range, and the evaluation of a model's
 * assertions at a point of that space. A distribution's range is its 0.1 %–99.9 % interval, cut to
 * the param's domain when it has one too: values outside the domain are not inputs the model
 * accepts ({@code --set} refuses them), so a counterexample there could not be reproduced.
 */
public final class TestSpace {
  /** One varied param: its default and range in base units, the unit it is shown in, its distribution. */
  public record Axis(String name, int slot, double defaultValue, double low, double high, Unit unit, String family,
                     double[] distArgs) {
    /** The value at share {@code u} (0–1) of the range: the distribution's quantile, else linear. */
    public double at(double u) {
      if (family != null) {
        double x = Dist.quantile(family, distArgs, 0.001 + 0.998 * u);
        return Math.min(high, Math.max(low, x));
      }
      return u >= 1 ? high : low + (high - low) * u;
    }

    /**
     * {@code x} as a value the param can take: for a {@code discrete} distribution the nearest of
     * its values with a probability above 0 (the search's steps and the shrinker's bisection
     * then stay on values a sample can draw), else {@code x} itself.
     */
    public double snap(double x) {
      if (!"discrete".equals(family)) {
        return x;
      }
      int n = distArgs.length / 2;
      double best = x;
      double gap = Double.POSITIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        if (distArgs[n + i] > 0 && Math.abs(distArgs[i] - x) < gap) {
          gap = Math.abs(distArgs[i] - x);
          best = distArgs[i];
        }
      }
      return best;
    }

    /** {@code x} (base units) as a Tok literal in the axis's unit: what {@code --set} takes. */
    public String literal(double x, int digits) {
      return ParamDomain.show(x, unit, digits);
    }
  }

  /** The outcome of evaluating the model at one point: per tested assertion, failed and slack. */
  public record Outcome(boolean[] failed, double[] slack, boolean error) {}

  private final CompiledModel model;
  private final List<Axis> axes;
  private final List<CompiledModel.AssertSpec> asserts;
  private final AssertionSlack[] slacks;

  private TestSpace(CompiledModel model, List<Axis> axes) {
    this.model = model;
    this.axes = List.copyOf(axes);
    this.asserts = model.asserts();
    this.slacks = asserts.stream().map(a -> AssertionSlack.of(model, a)).toArray(AssertionSlack[]::new);
  }

  /**
   * The space of {@code names} (all params with a domain or a distribution when empty); null after
   * adding a diagnostic for a name that is not such a param, or an evaluation error in the defaults.
   */
  public static TestSpace of(CompiledModel model, List<String> names, List<Diagnostic> errors) {
    Map<String, CompiledModel.ParamSpec> byName = new LinkedHashMap<>();
    model.params().forEach(p -> byName.put(p.name(), p));
    List<CompiledModel.ParamSpec> chosen = new ArrayList<>();
    for (String n : names) {
      CompiledModel.ParamSpec p = byName.get(n);
      if (p == null) {
        errors.add(error(model, Code.TOK200, "no param named '" + n + "'", "params: " + byName.keySet()));
      } else if (!variable(model, p)) {
        errors.add(error(model, Code.TOK302, "cannot vary " + n + ": it has neither a domain nor a distribution",
            "declare its domain: param " + n + " = … within LOW to HIGH"));
      } else {
        chosen.add(p);
      }
    }
    if (names.isEmpty()) {
      byName.values().stream().filter(p -> variable(model, p)).forEach(chosen::add);
    }
    if (!errors.isEmpty()) {
      return null;
    }
    Frame base = model.program().newFrame();
    List<Axis> axes = new ArrayList<>();
    try {
      for (CompiledModel.ParamSpec p : chosen) {
        axes.add(axis(model, p, base));
      }
    } catch (EvalError e) {
      errors.add(Diagnostics.make(model.sources(), Severity.ERROR, e.code(), e.span(), e.getMessage(), e.help(), null));
      return null;
    }
    return new TestSpace(model, axes);
  }

  private static boolean variable(CompiledModel model, CompiledModel.ParamSpec p) {
    CellSym c = model.cells().get(p.slot());
    return p.type().tag() == Type.Tag.NUMBER && !p.type().series() && (c.domain() != null || p.dist() != null);
  }

  private static Axis axis(CompiledModel model, CompiledModel.ParamSpec p, Frame base) {
    ParamDomain d = model.cells().get(p.slot()).domain();
    double dflt = base.values(p.slot())[0];
    double low = d == null ? Double.NEGATIVE_INFINITY : d.low();
    double high = d == null ? Double.POSITIVE_INFINITY : d.high();
    String family = null;
    double[] args = null;
    if (p.dist() != null) {
      Node[] nodes = p.dist().args().toArray(Node[]::new);
      for (int s : Nodes.refs(nodes)) {
        base.values(s);
      }
      args = new double[nodes.length];
      for (int i = 0; i < nodes.length; i++) {
        args[i] = nodes[i].eval(base, 0);
      }
      family = p.dist().family();
      double lo = Dist.quantile(family, args, 0.001);
      double hi = Dist.quantile(family, args, 0.999);
      if (d == null || (lo <= high && hi >= low)) {
        low = Math.max(low, lo);
        high = Math.min(high, hi);
      } else {
        family = null; // the distribution lies outside the domain: explore the domain
      }
    }
    Unit unit = d != null ? d.unit() : model.units().fromLiteral(
        p.dist() != null ? org.tokenomics.check.DisplayUnits.firstArgument(p.defaultText()) : p.defaultText(), p.type().dim());
    if (unit == null) {
      unit = model.units().forValues(p.type().dim(), new double[] {low, high});
    }
    return new Axis(p.name(), p.slot(), dflt, low, high, unit, family, args);
  }

  public List<Axis> axes() {
    return axes;
  }

  public List<CompiledModel.AssertSpec> asserts() {
    return asserts;
  }

  public CompiledModel model() {
    return model;
  }

  /** The defaults of every axis. */
  public double[] defaults() {
    return axes.stream().mapToDouble(Axis::defaultValue).toArray();
  }

  /** Evaluates every assertion with the axes pinned at {@code x} (base units). Thread-safe. */
  public Outcome evaluate(double[] x) {
    Map<Integer, Cell> pinned = new HashMap<>();
    for (int i = 0; i < x.length; i++) {
      Axis a = axes.get(i);
      double v = x[i];
      Cell cell = model.program().cell(a.slot());
      pinned.put(a.slot(), cell.withComputer((f, out) -> Arrays.fill(out, v), new int[0], cell.series()));
    }
    return evaluate(model.program().with(pinned));
  }

  /** Evaluates every assertion of {@code program} (the model with some inputs changed). */
  Outcome evaluate(Program program) {
    Frame f = program.newFrame();
    boolean[] failed = new boolean[asserts.size()];
    double[] slack = new double[asserts.size()];
    boolean error = false;
    for (int i = 0; i < failed.length; i++) {
      try {
        for (double v : f.values(asserts.get(i).slot())) {
          failed[i] |= v == 0;
        }
        slack[i] = slacks[i].eval(f);
      } catch (EvalError e) {
        error = true;
        failed[i] = false;
        slack[i] = Double.POSITIVE_INFINITY;
      }
    }
    return new Outcome(failed, slack, error);
  }

  /** Evaluates with {@code --set}-style overrides (param → Tok expression); null when one does not compile. */
  Outcome evaluateOverrides(Map<String, String> set) {
    Map<Integer, Cell> replaced = new HashMap<>();
    List<Diagnostic> errs = new ArrayList<>();
    for (Map.Entry<String, String> e : set.entrySet()) {
      CompiledModel.Override o = OverrideCompiler.compile(model, e.getKey(), e.getValue(), errs);
      if (o == null) {
        return null;
      }
      replaced.put(o.slot(), o.cell());
      o.hidden().forEach(h -> replaced.put(h.slot(), h));
    }
    return evaluate(replaced.isEmpty() ? model.program() : model.program().with(replaced));
  }

  private static Diagnostic error(CompiledModel cm, Code code, String message, String help) {
    return Diagnostics.make(cm.sources(), Severity.ERROR, code, null, message, help, null);
  }
}

package org.tokenomics.mc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tokenomics.diag.Diagnostic;
import org.tokenomics.diag.Severity;
import org.tokenomics.run.Runner;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.check.OverrideCompiler;
import org.tokenomics.check.DisplayUnits;
import org.tokenomics.check.Type;
import org.tokenomics.diag.Code;
import org.tokenomics.syntax.Diagnostics;
import org.tokenomics.eval.Cell;
import org.tokenomics.eval.EvalError;
import org.tokenomics.eval.Program;
import org.tokenomics.units.Unit;

/**
 * {@code tok sweep}: a grid over params. Each {@code --vary NAME=LOW..HIGH:STEPS} gives STEPS
 * evenly spaced values from LOW to HIGH inclusive (LOW and HIGH are Tok expressions checked like
 * an override); the grid is their product, the first {@code --vary} varying slowest. Every point
 * is one deterministic evaluation (distributions at their median unless swept).
 */
public final class Sweep {
  private Sweep() {}

  /** The most points one sweep may have. */
  public static final int MAX_POINTS = 1_000_000;

  /** One {@code --vary}: the param and its bounds as written. */
  public record Vary(String name, String low, String high, int steps) {
    private static final Pattern FORM = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_.]*(?:\\[[-0-9_.eE+]+\\][A-Za-z0-9_.]*)?)\\s*=(.+?)\\.\\.(.+):\\s*(\\d+)\\s*$");

    /** Parses {@code NAME=LOW..HIGH:STEPS}; IllegalArgumentException with a usage message. */
    public static Vary parse(String text) {
      Matcher m = FORM.matcher(text);
      if (!m.matches()) {
        throw new IllegalArgumentException("--vary needs NAME=LOW..HIGH:STEPS (e.g. 'price=1 $/Mtok..10 $/Mtok:10'), got '"
            + text + "'");
      }
      int steps;
      try {
        steps = Integer.parseInt(m.group(4));
      } catch (NumberFormatException e) {
        steps = -1;
      }
      if (steps < 2 || steps > MAX_POINTS) {
        throw new IllegalArgumentException("--vary " + m.group(1) + ": STEPS counts the points from LOW to HIGH"
            + " inclusive and must be from 2 to " + MAX_POINTS + ", got " + m.group(4));
      }
      return new Vary(m.group(1), m.group(2).strip(), m.group(3).strip(), steps);
    }
  }

  /** A swept param: its slot, the unit its values are shown in, and its values in base units. */
  public record Axis(String name, int slot, Unit unit, double[] values) {}

  /**
   * One grid point: the swept values (base units), each report's values (null when it failed),
   * the first evaluation error (or null) and the lines of the assertions that failed.
   */
  public record Point(double[] inputs, double[][] reports, Diagnostic error, List<Integer> failedAsserts) {}

  /** The whole sweep; {@code series[r]} tells whether report r has one value per period. */
  public record Result(List<Axis> axes, List<CompiledModel.ReportSpec> reports, boolean[] series, List<Point> points) {}

  /**
   * Runs the sweep on the model under {@code base} overrides (a scenario, {@code --set}); null
   * after adding diagnostics when a bound does not check or the grid is too large.
   */
  public static Result run(CompiledModel cm, List<CompiledModel.Override> base, List<Vary> varies,
                           long maxValues, int threads, List<Diagnostic> errors) {
    return run(cm, base, varies, maxValues, threads, errors, 0, MAX_POINTS);
  }

  /**
   * Points {@code [first, first + count)} of the sweep's grid only (fewer past its end): a slice
   * for a cluster, checked as the whole grid is (the bounds, its size) so that every slice and the
   * whole agree on what is refused.
   */
  public static Result run(CompiledModel cm, List<CompiledModel.Override> base, List<Vary> varies,
                           long maxValues, int threads, List<Diagnostic> errors, int first, int count) {
    Program program = Runner.apply(cm.program(), base);
    List<Axis> axes = new ArrayList<>();
    long points = 1;
    for (Vary v : varies) {
      Axis axis = axis(cm, program, v, errors);
      if (axis == null) {
        continue;
      }
      if (axes.stream().anyMatch(a -> a.slot() == axis.slot())) {
        errors.add(error(cm, Code.TOK201, v.name() + " is varied twice", "give each param one --vary"));
        continue;
      }
      axes.add(axis);
      points *= v.steps();
      if (points > MAX_POINTS) {
        errors.add(error(cm, Code.TOK600, "the sweep has more than " + MAX_POINTS + " points", "use fewer STEPS"));
        return null;
      }
    }
    if (!errors.isEmpty()) {
      return null;
    }
    String limit = MonteCarlo.limitProblem(cm, points, maxValues);
    if (limit != null) {
      errors.add(error(cm, Code.TOK600, limit.replace("samples", "points"), "use fewer STEPS"));
      return null;
    }
    int from = (int) Math.min(points, Math.max(0, first));
    int n = (int) Math.min(points - from, Math.max(0, count));
    Point[] out = new Point[n];
    Parallel.run(n, threads, i -> out[i] = point(cm, program, axes, from + i), () -> { });
    boolean[] series = new boolean[cm.reports().size()];
    for (int r = 0; r < series.length; r++) {
      series[r] = program.cell(cm.reports().get(r).slot()).series();
    }
    return new Result(List.copyOf(axes), cm.reports(), series, List.of(out));
  }

  private static Axis axis(CompiledModel cm, Program program, Vary v, List<Diagnostic> errors) {
    CompiledModel.ParamSpec param = cm.params().stream().filter(p -> p.name().equals(v.name())).findFirst().orElse(null);
    int before = errors.size();
    CompiledModel.Override low = OverrideCompiler.compile(cm, v.name(), v.low(), errors);
    CompiledModel.Override high = OverrideCompiler.compile(cm, v.name(), v.high(), errors);
    if (low == null || high == null || errors.size() > before || param == null) {
      return null;
    }
    if (param.type().tag() != Type.Tag.NUMBER) {
      errors.add(error(cm, Code.TOK302, "cannot sweep " + v.name() + ": it is " + param.type().describe()
          + "; a sweep varies numbers", "override it with --set instead"));
      return null;
    }
    double lo = bound(cm, program, low, v.low(), errors);
    double hi = bound(cm, program, high, v.high(), errors);
    if (Double.isNaN(lo) || Double.isNaN(hi)) {
      return null;
    }
    double[] values = new double[v.steps()];
    for (int i = 0; i < values.length; i++) {
      values[i] = i == values.length - 1 ? hi : lo + (hi - lo) * i / (values.length - 1);
    }
    var dim = param.type().dim();
    Unit unit = cm.units().fromLiteral(v.low(), dim);
    if (unit == null) {
      unit = cm.units().fromLiteral(v.high(), dim);
    }
    if (unit == null) {
      unit = cm.units().forValues(dim, new double[] {lo, hi});
    }
    return new Axis(v.name(), param.slot(), unit, values);
  }

  /** A bound's value: one number (NaN after adding a diagnostic). */
  private static double bound(CompiledModel cm, Program program, CompiledModel.Override o, String text,
                              List<Diagnostic> errors) {
    try {
      double[] v = Runner.apply(program, List.of(o)).newFrame().values(o.slot());
      for (double x : v) {
        if (x != v[0]) {
          errors.add(error(cm, Code.TOK302, "the sweep bound '" + text + "' of " + o.target()
              + " varies by period; a bound must be one value", null));
          return Double.NaN;
        }
      }
      return v[0];
    } catch (EvalError e) {
      errors.add(Runner.diagnostic(cm, e));
      return Double.NaN;
    }
  }

  private static Point point(CompiledModel cm, Program program, List<Axis> axes, int index) {
    double[] inputs = new double[axes.size()];
    Map<Integer, Cell> pinned = new HashMap<>();
    int rest = index;
    for (int a = axes.size() - 1; a >= 0; a--) {
      Axis axis = axes.get(a);
      int k = rest % axis.values().length;
      rest /= axis.values().length;
      double x = axis.values()[k];
      inputs[a] = x;
      Cell cell = program.cell(axis.slot());
      pinned.put(axis.slot(), cell.withComputer((f, out) -> Arrays.fill(out, x), new int[0], cell.series()));
    }
    Runner.Result r = Runner.run(cm, program.with(pinned), "sweep");
    double[][] reports = new double[cm.reports().size()][];
    for (Runner.ReportValue v : r.reports()) {
      reports[cm.reports().indexOf(v.spec())] = v.values();
    }
    List<Integer> failed = r.asserts().stream().filter(a -> !a.ok()).map(a -> a.spec().line()).toList();
    return new Point(inputs, reports, r.errors().isEmpty() ? null : r.errors().get(0), failed);
  }

  private static Diagnostic error(CompiledModel cm, Code code, String message, String help) {
    return Diagnostics.make(cm.sources(), Severity.ERROR, code, null, message, help, null);
  }
}

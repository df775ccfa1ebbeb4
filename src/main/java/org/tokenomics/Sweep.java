package org.tokenomics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.check.Type;
import org.tokenomics.time.Dates;

/**
 * A grid of param values and every report at each point ({@code tok sweep}). From
 * {@link Model#sweep}. Values are in display units: a swept param in the unit its bounds are
 * written in, a report in its {@code as} unit or a readable one. Immutable.
 *
 * @param axes        the swept params, in the order given; the last varies fastest
 * @param reports     the model's reports, in source order
 * @param points      every grid point
 * @param diagnostics why there is no grid (a bound that does not check, a param varied twice, too
 *                    many points): then {@code points} is empty and {@link #ok()} false
 *
 * @serial exclude
 */
public record Sweep(List<Axis> axes, List<Report> reports, List<Point> points, List<Diagnostic> diagnostics)
    implements java.io.Serializable {
  /**
   * Copies the lists.
   *
   * @param axes        the swept params, in the order given; the last varies fastest
   * @param reports     the model's reports, in source order
   * @param points      every grid point
   * @param diagnostics why there is no grid; empty when there is one
   */
  public Sweep {
    axes = List.copyOf(axes);
    reports = List.copyOf(reports);
    points = List.copyOf(points);
    diagnostics = List.copyOf(diagnostics);
  }

  /**
   * True when the grid was evaluated (some points may still carry an error).
   *
   * @return true when no diagnostic is an error
   */
  public boolean ok() {
    return diagnostics.stream().noneMatch(Diagnostic::isError);
  }

  /**
   * One swept param: {@code NAME=LOW..HIGH:STEPS}, the bounds being Tok expressions.
   *
   * @param name  the param ({@code price}, {@code site.pue})
   * @param low   the first value, a Tok expression
   * @param high  the last value, a Tok expression
   * @param steps how many values from low to high inclusive (2 or more)
   *
   * @serial exclude
   */
  public record Vary(String name, String low, String high, int steps) implements java.io.Serializable {
    /**
     * Parses {@code NAME=LOW..HIGH:STEPS}; IllegalArgumentException with a usage message.
     *
     * @param text a sweep as on the command line, e.g. {@code price=1 $/Mtok..10 $/Mtok:10}
     * @return the swept param, its bounds and its step count
     */
    public static Vary parse(String text) {
      org.tokenomics.mc.Sweep.Vary v = org.tokenomics.mc.Sweep.Vary.parse(text);
      return new Vary(v.name(), v.low(), v.high(), v.steps());
    }
  }

  /**
   * A swept param and its values, in {@code unit}.
   *
   * @param name   the param ({@code price}, {@code site.pue})
   * @param unit   the unit its bounds are written in
   * @param values its values, evenly spaced from low to high inclusive
   *
   * @serial exclude
   */
  public record Axis(String name, String unit, double[] values) implements java.io.Serializable {
    /**
     * Copies the values.
     *
     * @param name   the param ({@code price}, {@code site.pue})
     * @param unit   the unit its bounds are written in
     * @param values its values, evenly spaced from low to high inclusive
     */
    public Axis {
      values = values.clone();
    }

    /**
     * A copy of the values.
     *
     * @return a copy of the param's values, in {@code unit}
     */
    @Override
    public double[] values() {
      return values.clone();
    }
  }

  /**
   * A report: its unit ({@code date} or {@code bool} for those), and whether it has one value per period.
   *
   * @param name   the report's name
   * @param unit   the unit its values are in ({@code ""} when dimensionless, {@code date}, {@code bool})
   * @param series one value per period, or a single value
   * @param periods the report's own period labels (a roll-up's years or quarters, LANGUAGE.md §13),
   *                or null when it has the model's periods
   *
   * @serial exclude
   */
  public record Report(String name, String unit, boolean series, List<String> periods) implements java.io.Serializable {
    /**
     * A report over the model's periods.
     *
     * @param name   the report's name
     * @param unit   the unit its values are in
     * @param series one value per period, or a single value
     */
    public Report(String name, String unit, boolean series) {
      this(name, unit, series, null);
    }

    /**
     * The labels of this report's values: its own, else the model's.
     *
     * @param modelPeriods the model's period labels
     * @return one label per value of a series
     */
    public List<String> periodsIn(List<String> modelPeriods) {
      return periods != null ? periods : modelPeriods;
    }
  }

  /**
   * One grid point.
   *
   * @param inputs           the swept params' values, in their axes' units
   * @param values           per report, its values (one, or one per period) in the report's unit;
   *                         null for a report that failed. Dates are model time, bools 1 or 0 (see
   *                         {@code text})
   * @param text             per report, the values as text for dates ({@code 2027-06}) and bools; null for numbers
   * @param failedAssertions the lines of the assertions that failed
   * @param error            the first evaluation error, or null
   *
   * @serial exclude
   */
  public record Point(double[] inputs, List<double[]> values, List<String[]> text, List<Integer> failedAssertions,
                      Diagnostic error) implements java.io.Serializable {
    /**
     * Copies the inputs and the lists (which may hold nulls).
     *
     * @param inputs           the swept params' values, in their axes' units
     * @param values           per report, its values, or null for a report that failed
     * @param text             per report, the values as text for dates and bools; null for numbers
     * @param failedAssertions the lines of the assertions that failed
     * @param error            the first evaluation error, or null
     */
    public Point {
      inputs = inputs.clone();
      values = Collections.unmodifiableList(new ArrayList<>(values));
      text = Collections.unmodifiableList(new ArrayList<>(text));
      failedAssertions = List.copyOf(failedAssertions);
    }

    /**
     * A copy of the inputs.
     *
     * @return a copy of the swept params' values at this point, in their axes' units
     */
    @Override
    public double[] inputs() {
      return inputs.clone();
    }
  }

  /**
   * The slices of one sweep ({@link Model#sweep(List, Scenario, Map, int, int)}), given in grid
   * order, as one sweep: the points of all of them, in order. A slice with diagnostics is returned
   * as it is (every slice of a grid has the same ones).
   *
   * @param slices consecutive slices of one grid, the first starting at point 0
   * @return the sweep over their points
   * @throws IllegalArgumentException when there is no slice or the slices have different axes or reports
   */
  public static Sweep join(List<Sweep> slices) {
    if (slices.isEmpty()) {
      throw new IllegalArgumentException("a sweep needs at least one slice");
    }
    Sweep head = slices.get(0);
    if (!head.ok()) {
      return head;
    }
    List<Point> points = new ArrayList<>();
    for (Sweep s : slices) {
      if (!s.reports().equals(head.reports()) || s.axes().size() != head.axes().size()) {
        throw new IllegalArgumentException("the slices belong to different sweeps");
      }
      for (int a = 0; a < s.axes().size(); a++) {
        Axis x = s.axes().get(a);
        Axis y = head.axes().get(a);
        if (!x.name().equals(y.name()) || !java.util.Arrays.equals(x.values, y.values)) {
          throw new IllegalArgumentException("the slices belong to different sweeps (" + x.name() + " differs)");
        }
      }
      points.addAll(s.points());
    }
    return new Sweep(head.axes(), head.reports(), points, head.diagnostics());
  }

  /**
   * How many points the whole grid has: the product of the axes' steps.
   *
   * @return the number of points of the grid (0 without a grid)
   */
  public long gridSize() {
    if (axes.isEmpty()) {
      return 0;
    }
    long n = 1;
    for (Axis a : axes) {
      n *= a.values.length;
    }
    return n;
  }

  static Sweep of(CompiledModel cm, List<CompiledModel.Override> base, List<Vary> varies, Limits limits) {
    return of(cm, base, varies, limits, 0, org.tokenomics.mc.Sweep.MAX_POINTS, Runtime.getRuntime().availableProcessors());
  }

  static Sweep of(CompiledModel cm, List<CompiledModel.Override> base, List<Vary> varies, Limits limits, int first,
                  int count, int threads) {
    List<org.tokenomics.mc.Sweep.Vary> internal = varies.stream()
        .map(v -> new org.tokenomics.mc.Sweep.Vary(v.name(), v.low(), v.high(), v.steps())).toList();
    for (Vary v : varies) {
      if (v.steps() < 2 || v.steps() > org.tokenomics.mc.Sweep.MAX_POINTS) {
        throw new IllegalArgumentException("a sweep of " + v.name() + " needs from 2 to "
            + org.tokenomics.mc.Sweep.MAX_POINTS + " steps, got " + v.steps());
      }
    }
    List<org.tokenomics.diag.Diagnostic> errors = new ArrayList<>();
    org.tokenomics.mc.Sweep.Result r = org.tokenomics.mc.Sweep.run(cm, base, internal, limits.maxSampleValues(),
        threads, errors, first, count);
    if (r == null) {
      return new Sweep(List.of(), List.of(), List.of(), Diagnostic.of(errors));
    }
    List<Axis> axes = new ArrayList<>();
    for (org.tokenomics.mc.Sweep.Axis a : r.axes()) {
      double[] shown = a.values().clone();
      for (int i = 0; i < shown.length; i++) {
        shown[i] = a.unit().fromBase(shown[i]);
      }
      axes.add(new Axis(a.name(), a.unit().name(), shown));
    }
    List<Report> reports = new ArrayList<>();
    for (int k = 0; k < r.reports().size(); k++) {
      CompiledModel.ReportSpec spec = r.reports().get(k);
      Type.Tag tag = spec.type().tag();
      reports.add(new Report(spec.name(), tag == Type.Tag.DATE ? "date" : tag == Type.Tag.BOOL ? "bool" : spec.unitText(),
          r.series()[k], spec.periods()));
    }
    int periods = cm.program().timeline().labels().length;
    List<Point> points = new ArrayList<>(r.points().size());
    for (org.tokenomics.mc.Sweep.Point p : r.points()) {
      double[] inputs = p.inputs().clone();
      for (int a = 0; a < inputs.length; a++) {
        inputs[a] = r.axes().get(a).unit().fromBase(inputs[a]);
      }
      List<double[]> values = new ArrayList<>();
      List<String[]> text = new ArrayList<>();
      for (int k = 0; k < r.reports().size(); k++) {
        double[] v = p.reports()[k];
        CompiledModel.ReportSpec spec = r.reports().get(k);
        if (v == null) {
          values.add(null);
          text.add(null);
          continue;
        }
        int n = r.series()[k] ? (spec.rolledUp() ? spec.periods().size() : periods) : 1;
        double[] shown = new double[n];
        String[] words = spec.type().isNumber() ? null : new String[n];
        for (int i = 0; i < n; i++) {
          double x = v.length == 1 ? v[0] : v[i];
          shown[i] = spec.unit() == null ? x : spec.unit().fromBase(x);
          if (words != null) {
            words[i] = spec.type().tag() == Type.Tag.DATE ? Dates.format(x) : String.valueOf(x != 0);
          }
        }
        values.add(shown);
        text.add(words);
      }
      points.add(new Point(inputs, values, text, p.failedAsserts(), p.error() == null ? null : Diagnostic.of(p.error())));
    }
    return new Sweep(axes, reports, points, List.of());
  }
}

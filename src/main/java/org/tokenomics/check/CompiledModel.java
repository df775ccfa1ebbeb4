package org.tokenomics.check;

import java.util.List;
import java.util.Map;
import org.tokenomics.eval.Program;
import org.tokenomics.syntax.SourceFile;
import org.tokenomics.syntax.Span;
import org.tokenomics.units.Unit;

/**
 * The product of a successful check: the program and what the API needs to run it. Immutable.
 * Overrides are compiled against it by {@link OverrideCompiler}, which never changes it.
 */
public final class CompiledModel {
  private final Program program;
  private final List<ReportSpec> reports;
  private final List<AssertSpec> asserts;
  private final List<ParamSpec> params;
  private final Map<String, List<Override>> scenarios;
  private final Map<String, CellSym> valuesByName;
  private final Map<String, SourceFile> sources;
  private final DisplayUnits units;
  private final List<CellSym> cells;
  private final List<Correlation> correlations;
  /** The checked model's symbols, read by override checkers. */
  final Checker.Frozen frozen;

  CompiledModel(Program program, List<ReportSpec> reports, List<AssertSpec> asserts, List<ParamSpec> params,
                Map<String, List<Override>> scenarios, Map<String, CellSym> valuesByName, List<Correlation> correlations,
                Checker checker) {
    this.program = program;
    this.reports = List.copyOf(reports);
    this.asserts = List.copyOf(asserts);
    this.params = List.copyOf(params);
    this.scenarios = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(scenarios));
    this.valuesByName = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(valuesByName));
    this.sources = Map.copyOf(checker.diags.sources());
    this.units = checker.display;
    this.frozen = checker.freeze();
    this.cells = frozen.cells();
    this.correlations = List.copyOf(correlations);
  }

  /** A copy with other reports (the rest shared): {@link #withReports}. */
  private CompiledModel(CompiledModel m, List<ReportSpec> reports) {
    this.program = m.program;
    this.reports = List.copyOf(reports);
    this.asserts = m.asserts;
    this.params = m.params;
    this.scenarios = m.scenarios;
    this.valuesByName = m.valuesByName;
    this.sources = m.sources;
    this.units = m.units;
    this.frozen = m.frozen;
    this.cells = m.cells;
    this.correlations = m.correlations;
  }

  /**
   * This model reporting the named values instead of its reports: each a report of the model, or
   * a param, let or instance attribute ({@code h100}, {@code site.pue}) shown in the unit its
   * literal is written in (a distribution's first argument), else a readable unit of its values.
   * Nothing is recompiled: the program is shared. Null after adding the name that is none of these
   * to {@code unknown}.
   *
   * @param names   the values to report, in order
   * @param unknown receives the first name that is neither a report nor a named value
   * @return the copy, or null
   */
  public CompiledModel withReports(List<String> names, List<String> unknown) {
    List<ReportSpec> out = new java.util.ArrayList<>();
    for (String n : names) {
      ReportSpec r = reports.stream().filter(x -> x.name().equals(n)).findFirst().orElse(null);
      if (r == null) {
        CellSym c = valuesByName.get(n);
        if (c == null) {
          unknown.add(n);
          return null;
        }
        r = valueReport(n, c);
      }
      out.add(r);
    }
    return new CompiledModel(this, out);
  }

  private ReportSpec valueReport(String name, CellSym c) {
    Type type = c.type();
    if (!type.isNumber()) {
      return new ReportSpec(name, c.slot(), type, null, null, c.nameSpan());
    }
    ParamSpec p = params.stream().filter(x -> x.slot() == c.slot()).findFirst().orElse(null);
    Unit unit = null;
    if (p != null && p.defaultText() != null) {
      unit = units.fromLiteral((p.dist() != null ? DisplayUnits.firstArgument(p.defaultText()) : p.defaultText()).strip(),
          type.dim());
    }
    Span span = c.nameSpan();
    if (unit != null && c.expr() != null && c.expr().span() != null && span != null) {
      // the literal's unit is kept as a report's `as` unit is: run.ReportUnits tells one by a
      // report span that ends after its expression
      Span e = c.expr().span();
      span = new Span(span.file(), span.line(), span.column(), e.endLine(), e.endColumn() + 1, span.start(), e.end() + 1);
    }
    if (unit == null) {
      double[] v = {Double.NaN};
      try {
        v = program.newFrame().values(c.slot());
      } catch (org.tokenomics.eval.EvalError e) {
        // a value that fails deterministically still gets a unit of its dimension
      }
      unit = units.forValues(type.dim(), v);
    }
    return new ReportSpec(name, c.slot(), type, unit, unit.name(), span);
  }

  /** The {@code correlate} declarations, checked consistent (LANGUAGE.md §17), in source order. */
  public List<Correlation> correlations() {
    return correlations;
  }

  /** The evaluable program. */
  public Program program() {
    return program;
  }

  /** Every report, in source order. */
  public List<ReportSpec> reports() {
    return reports;
  }

  /** Every assertion, in source order. */
  public List<AssertSpec> asserts() {
    return asserts;
  }

  /** The overridable params. */
  public List<ParamSpec> params() {
    return params;
  }

  /** Declared scenarios: name → compiled overrides. */
  public Map<String, List<Override>> scenarios() {
    return scenarios;
  }

  /** Params, lets and instance attributes by name ({@code capex}, {@code site.pue}). */
  public Map<String, CellSym> valuesByName() {
    return valuesByName;
  }

  /** The source files of the compile (prelude, imports, main), by name, for rendering diagnostics. */
  public Map<String, SourceFile> sources() {
    return sources;
  }

  /** The one place display units are chosen. */
  public DisplayUnits units() {
    return units;
  }

  /** Every checked cell, by slot. */
  public List<CellSym> cells() {
    return cells;
  }

  /**
   * A report: its name, the cell computing it, and its display unit ({@code unit} null for dates
   * and bools; {@code unitText} as written after {@code as}, or the chosen readable unit).
   */
  /**
   * A report. {@code periods} is null for a report over the timeline's periods, or the labels of
   * a roll-up's years or quarters (LANGUAGE.md §13): its cell's first {@code periods.size()}
   * values are the groups' values.
   */
  public record ReportSpec(String name, int slot, Type type, Unit unit, String unitText, Span span, List<String> periods) {
    /** A report over the timeline's periods. */
    public ReportSpec(String name, int slot, Type type, Unit unit, String unitText, Span span) {
      this(name, slot, type, unit, unitText, span, null);
    }

    /** Whether it is a roll-up with periods of its own. */
    public boolean rolledUp() {
      return periods != null;
    }
  }

  /**
   * One {@code assert}: its message, the cell of its condition, where it is written, and its file
   * when that is not the main file (an amended base), as diagnostics name it.
   */
  public record AssertSpec(String message, int slot, int line, Span span, String file) {}

  /** An overridable param: top-level {@code x} or {@code inst.attr}. */
  public record ParamSpec(String name, int slot, Type type, String defaultText, DistSpec dist) {}

  /** {@code correlate a, b = r}: the Spearman rank correlation {@code r} of two drawn params' draws. */
  public record Correlation(String a, String b, double r, Span span) {
    /** True when this is the pair {x, y} in either order. */
    public boolean pairs(String x, String y) {
      return a.equals(x) && b.equals(y) || a.equals(y) && b.equals(x);
    }
  }

  /** A compiled override of one param: a new computer for its slot. */
  public record Override(String target, int slot, org.tokenomics.eval.Cell cell, List<org.tokenomics.eval.Cell> hidden,
                         DistSpec dist) {}
}

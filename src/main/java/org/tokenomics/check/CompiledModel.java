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

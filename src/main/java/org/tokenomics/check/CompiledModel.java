package org.tokenomics.check;

import java.util.List;
import java.util.Map;
import org.tokenomics.eval.Program;
import org.tokenomics.syntax.Span;
import org.tokenomics.units.Unit;

/**
 * The product of a successful check: the program and what the API needs to run it. Immutable
 * once built; {@link #checker()} compiles overrides later under its lock.
 */
public record CompiledModel(Program program, List<ReportSpec> reports, List<AssertSpec> asserts,
                            List<ParamSpec> params, Map<String, List<Override>> scenarios,
                            Map<String, CellSym> valuesByName, Checker checker) {

  /**
   * A report: its name, the cell computing it, and its display unit ({@code unit} null for dates
   * and bools; {@code unitText} as written after {@code as}, or the chosen readable unit).
   */
  public record ReportSpec(String name, int slot, Type type, Unit unit, String unitText, Span span) {}

  public record AssertSpec(String message, int slot, int line, Span span) {}

  /** An overridable param: top-level {@code x} or {@code inst.attr}. */
  public record ParamSpec(String name, int slot, Type type, String defaultText, DistSpec dist) {}

  /** A compiled override of one param: a new computer for its slot. */
  public record Override(String target, int slot, org.tokenomics.eval.Cell cell, List<org.tokenomics.eval.Cell> hidden,
                         DistSpec dist) {}
}

package org.tokenomics.xlsx;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tokenomics.check.CellSym;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.check.TExpr;
import org.tokenomics.check.Type;
import org.tokenomics.eval.EvalError;
import org.tokenomics.eval.Frame;
import org.tokenomics.run.ReportUnits;
import org.tokenomics.syntax.SourceFile;
import org.tokenomics.syntax.Span;
import org.tokenomics.units.Unit;

/**
 * What the workbook holds, before POI writes it: the Inputs rows (a column per scenario), the
 * calculations rows with their formulas and Tok's values, and the reports. Built from the checked
 * model and one Tok run per scenario column; the run of the selected scenario gives the cached
 * values and the values of what cannot be a formula.
 */
final class Plan {
  static final int INPUT_FIRST_ROW = 5;

  /**
   * One report: its calculations row (or input), display unit, and factor from sheet units; a
   * roll-up's group labels ({@code 2026}, {@code 2026-Q1}), whose values are the row's first columns.
   */
  record Report(String name, String unit, Row row, String input, double factor, double[] values, boolean series,
                List<String> groups) {}

  /** A label row of the Inputs sheet that starts a family member's block. */
  record Heading(int row, String label) {}

  /** One assertion: its message and calculations row. */
  record Check(String message, Row row) {}

  final CompiledModel cm;
  final List<String> scenarios;
  final int selected;
  final Calc calc;
  final Formulas formulas;
  final List<Input> inputs = new ArrayList<>();
  final List<Report> reports = new ArrayList<>();
  final List<Check> checks = new ArrayList<>();
  final List<Heading> inputHeadings = new ArrayList<>();
  /** The Reports sheet's row of each report (set when the workbook is written). */
  int[] reportRows;
  /** Why parts of the workbook are values and not formulas (for the CLI and the tests). */
  final List<String> notes = new ArrayList<>();
  private final Names names = new Names();

  Plan(CompiledModel cm, List<String> scenarios, int selected, List<Frame> frames, List<Set<Integer>> overridden) {
    this.cm = cm;
    this.scenarios = List.copyOf(scenarios);
    this.selected = selected;
    this.calc = new Calc(cm.program().timeline());
    this.formulas = new Formulas(calc, this::source);
    Frame run = frames.get(selected);
    List<CellSym> rowCells = new ArrayList<>();
    Map<String, Row> hidden = new java.util.HashMap<>();
    int inputRow = INPUT_FIRST_ROW;
    String inputBlock = null;
    String rowBlock = null;
    for (CellSym c : inBlocks(cm.cells())) {
      String member = member(c.name());
      if (c.isParam() && !c.type().series()) {
        if (member != null && !member.equals(inputBlock)) {
          inputHeadings.add(new Heading(inputRow++, member));
        }
        inputBlock = member;
        Input in = new Input(c.name(), inputRow++, SheetUnits.text(c.type()), scenarios.size(),
            c.expr() == null ? "" : source(c.expr().span()), where(c.nameSpan()));
        in.name = names.name(c.name());
        inputs.add(in);
        calc.input(c.slot(), in.name != null ? in.name : "Inputs!$B$" + (in.row + 1));
      } else if (c.role() == CellSym.Role.HIDDEN && hidden.containsKey(sameAs(c))) {
        calc.place(c.slot(), hidden.get(sameAs(c))); // the same text reading the same cells: the same value
      } else {
        if (member != null && !member.equals(rowBlock)) {
          calc.heading(member);
        }
        rowBlock = member;
        Row r = calc.add(label(c), SheetUnits.text(c.type()), c.type().series(), c.type());
        if (c.role() == CellSym.Role.HIDDEN) {
          hidden.put(sameAs(c), r);
        }
        calc.place(c.slot(), r);
        if (!r.series && named(c)) {
          r.name = names.name(c.name());
        }
        rowCells.add(c);
      }
    }
    for (int i = 0; i < inputs.size(); i++) {
      fillInput(inputs.get(i), cellNamed(inputs.get(i).label), frames, overridden);
    }
    for (int i = 0; i < rowCells.size(); i++) {
      CellSym c = rowCells.get(i);
      fillRow(calc.row(c.slot()), c, run, overridden.get(selected).contains(c.slot()));
    }
    for (CompiledModel.ReportSpec r : cm.reports()) {
      double[] base = values(run, r.slot());
      Unit unit = base == null ? r.unit() : ReportUnits.of(cm, r, base);
      double factor = unit == null ? 1 : unit.factor() / SheetUnits.factor(r.type());
      String unitText = unit == null ? SheetUnits.text(r.type()) : unit.name();
      double[] shown = null;
      if (base != null) {
        shown = new double[base.length];
        for (int p = 0; p < base.length; p++) {
          shown[p] = unit == null ? SheetUnits.toSheet(base[p], r.type()) : unit.fromBase(base[p]);
        }
      }
      Row row = calc.row(r.slot());
      String input = row == null ? calc.ref(r.slot(), false, -1) : null;
      List<String> groups = r.rolledUp() ? r.periods() : null;
      if (groups != null && shown != null) {
        shown = java.util.Arrays.copyOf(shown, Math.min(shown.length, groups.size()));
        if (row != null && row.note == null) {
          row.note = "A roll-up: its columns are " + String.join(", ", groups.subList(0, Math.min(3, groups.size())))
              + (groups.size() > 3 ? " …" : "") + " (one per group, not the periods above; the columns after the "
              + "last group repeat it, as Tok's value does). The Reports sheet labels them.";
        }
      }
      reports.add(new Report(r.name(), unitText, row, input, factor, shown, r.type().series(), groups));
    }
    for (CompiledModel.AssertSpec a : cm.asserts()) {
      Row row = calc.row(a.slot());
      if (row != null) {
        checks.add(new Check(a.message() == null || a.message().isEmpty() ? source(a.span()) : a.message(), row));
      }
    }
  }

  /**
   * What makes two hidden cells one value: their typed trees without source places (a family's
   * members share the text {@code plan[y]} but not the key y), running sum or not.
   */
  private static String sameAs(CellSym c) {
    StringBuilder b = new StringBuilder();
    shape(c.typed(), b);
    return b.append(c.runningSum()).append(c.type()).toString();
  }

  private static void shape(TExpr e, StringBuilder b) {
    if (e == null) {
      b.append("_");
    } else if (e instanceof TExpr.Lit l) {
      b.append(l.value()).append(l.type());
    } else if (e instanceof TExpr.CellRef r) {
      b.append('#').append(r.slot());
    } else if (e instanceof TExpr.Time t) {
      b.append(t.which());
    } else {
      TExpr.Op o = (TExpr.Op) e;
      // data without a value's equality (arrays …) prints its identity: such trees are never merged
      b.append(o.op()).append('{').append(o.data()).append("}(");
      o.args().forEach(a -> shape(a, b.append(',')));
      b.append(')');
    }
  }

  /** The family member a cell belongs to ({@code vintage[2026]} for {@code vintage[2026].cash}), or null. */
  static String member(String name) {
    java.util.regex.Matcher m = MEMBER.matcher(name);
    return m.lookingAt() ? m.group(1) : null;
  }

  private static final java.util.regex.Pattern MEMBER = java.util.regex.Pattern.compile("([A-Za-z_][A-Za-z0-9_]*\\[[^\\]]*\\])[.@]");

  /**
   * The shown cells in model order, except that a family member's cells (its hidden values too)
   * form one block where the member's first cell is.
   */
  private static List<CellSym> inBlocks(List<CellSym> cells) {
    Map<String, List<CellSym>> blocks = new java.util.LinkedHashMap<>();
    List<Object> order = new ArrayList<>();
    for (CellSym c : cells) {
      if (!shown(c)) {
        continue;
      }
      String m = member(c.name());
      if (m == null) {
        order.add(c);
      } else {
        blocks.computeIfAbsent(m, k -> {
          order.add(k);
          return new ArrayList<>();
        }).add(c);
      }
    }
    List<CellSym> out = new ArrayList<>();
    for (Object o : order) {
      if (o instanceof CellSym c) {
        out.add(c);
      } else {
        out.addAll(blocks.get((String) o));
      }
    }
    return out;
  }

  private CellSym cellNamed(String name) {
    for (CellSym c : cm.cells()) {
      if (c.name().equals(name) && c.isParam()) {
        return c;
      }
    }
    throw new IllegalStateException("no param " + name);
  }

  /** Values the workbook shows: numbers, bools and dates that are computed (not instances). */
  private static boolean shown(CellSym c) {
    Type t = c.type();
    if (t.isError() || t.tag() == Type.Tag.INSTANCE) {
      return false;
    }
    return c.typed() != null || c.role() == CellSym.Role.SOLVE;
  }

  private static boolean named(CellSym c) {
    return switch (c.role()) {
      case LET, ATTR_LET, SOLVE, PARAM, ATTR_PARAM -> true;
      default -> false;
    };
  }

  private String label(CellSym c) {
    return switch (c.role()) {
      case HIDDEN -> "↳ " + source(c.span());
      case ASSERT -> "assert " + source(c.span());
      case SOLVE -> "solve " + c.name();
      default -> c.name();
    };
  }

  private void fillInput(Input in, CellSym c, List<Frame> frames, List<Set<Integer>> overridden) {
    String formula = null;
    String because = null;
    boolean constant = TExpr.constant(c.typed()) != null || TExpr.refs(c.typed()).length == 0 && !readsTime(c.typed());
    if (!constant) {
      try {
        calc.crossSheet = true;
        formula = formulas.formula(c.typed(), -1);
      } catch (Formulas.Inexpressible e) {
        because = e.getMessage();
      } finally {
        calc.crossSheet = false;
      }
    } else if (c.dist() != null) {
      because = "the median of " + c.dist() + "(…), the value of a deterministic run; Monte Carlo draws are not formulas";
    }
    for (int s = 0; s < scenarios.size(); s++) {
      double[] v = values(frames.get(s), c.slot());
      in.values[s] = v == null ? Double.NaN : SheetUnits.toSheet(v[0], c.type());
      boolean set = overridden.get(s).contains(c.slot());
      in.formulas[s] = set || formula == null ? null : formula;
      if (set && !constant) {
        in.note = "scenario " + scenarios.get(s) + " sets this param: its column holds the value Tok computed";
      }
    }
    if (because != null) {
      in.note = because;
      notes.add(c.name() + ": " + because);
    }
  }

  private static boolean readsTime(TExpr e) {
    if (e == null) {
      return false;
    }
    if (e instanceof TExpr.Time) {
      return true;
    }
    for (TExpr a : e.args()) {
      if (readsTime(a)) {
        return true;
      }
    }
    return false;
  }

  private void fillRow(Row r, CellSym c, Frame run, boolean overridden) {
    double[] v = values(run, c.slot());
    if (v != null) {
      r.values = new double[v.length];
      for (int i = 0; i < v.length; i++) {
        r.values[i] = SheetUnits.toSheet(v[i], c.type());
      }
    }
    if (c.role() == CellSym.Role.SOLVE) {
      solve(r, c);
      return;
    }
    if (overridden) {
      valuesOnly(r, c, "the run's scenario or --set replaces this param; the row holds the values Tok computed");
      return;
    }
    if (c.dist() != null) {
      r.note = "The median path of " + c.dist() + "(…), the value of a deterministic run; its Monte Carlo paths are "
          + "not formulas.";
    }
    try {
      if (!r.series) {
        r.formulas[0] = formulas.formula(c.typed(), -1);
      } else if (c.runningSum()) {
        for (int p = 0; p < calc.periods; p++) {
          String x = formulas.emit(c.typed(), p).text();
          r.formulas[1 + p] = p == 0 ? x : Calc.ref(r, p - 1) + "+" + Formulas.wrap(formulas.emit(c.typed(), p), Formulas.ADD + 1);
        }
      } else {
        for (int p = 0; p < calc.periods; p++) {
          r.formulas[1 + p] = formulas.formula(c.typed(), p);
        }
      }
    } catch (Formulas.Inexpressible e) {
      java.util.Arrays.fill(r.formulas, null);
      valuesOnly(r, c, e.getMessage());
    }
  }

  private void valuesOnly(Row r, CellSym c, String why) {
    r.valuesBecause = "Not a formula: " + why + ".";
    notes.add(c.name() + ": " + why);
  }

  /** A goal seek's result is a value; a helper row holds its equation so Excel's Goal Seek can redo it. */
  private void solve(Row r, CellSym c) {
    String why = "solve " + c.name() + " is Tok's goal seek (Brent's method); Excel has no formula that solves";
    r.valuesBecause = "Not a formula: " + why + ".";
    notes.add(c.name() + ": " + why);
    List<TExpr> sides = c.solveSides();
    CellSym target = c.solveTarget();
    if (sides.size() != 2 || target == null) {
      return;
    }
    try {
      Row eq = calc.add("↳ " + c.name() + ": left − right of its equation", SheetUnits.text(sides.get(0).type()), false,
          sides.get(0).type());
      eq.formulas[0] = formulas.text(sides.get(0), -1) + "-" + Formulas.wrap(formulas.emit(sides.get(1), -1), Formulas.ADD + 1);
      Input in = inputs.stream().filter(i -> i.label.equals(target.name())).findFirst().orElse(null);
      String changing = in == null ? target.name() : "Inputs!" + Row.column(3 + selected) + (in.row + 1);
      r.note = "To redo this goal seek in Excel: Data > What-If Analysis > Goal Seek; set cell " + Calc.SHEET + "!"
          + Row.column(Calc.VALUE_COL) + (eq.index + 1) + " to value 0 by changing cell " + changing + " ("
          + target.name() + "). The result is the value of " + target.name() + " that makes the equation hold.";
    } catch (Formulas.Inexpressible e) {
      r.note = "Its equation cannot be written as a formula (" + e.getMessage() + "), so Goal Seek cannot redo it here.";
    }
  }

  private static double[] values(Frame f, int slot) {
    try {
      return f.values(slot);
    } catch (EvalError e) {
      return null;
    }
  }

  String source(Span span) {
    if (span == null) {
      return "";
    }
    SourceFile f = cm.sources().get(span.file());
    if (f == null) {
      return "";
    }
    String s = f.slice(span).replaceAll("\\s+", " ").strip();
    return s.length() > 80 ? s.substring(0, 77) + "…" : s;
  }

  private String where(Span span) {
    return span == null ? "" : java.nio.file.Path.of(span.file()).getFileName() + ":" + span.line();
  }

  /** The Inputs row of each param, by name (for tests). */
  Map<String, Input> inputsByName() {
    Map<String, Input> m = new java.util.LinkedHashMap<>();
    inputs.forEach(i -> m.put(i.label, i));
    return m;
  }

  static Set<Integer> slots(List<CompiledModel.Override> overrides) {
    Set<Integer> s = new HashSet<>();
    overrides.forEach(o -> s.add(o.slot()));
    return s;
  }
}

package org.tokenomics.explain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tokenomics.diag.Diagnostic;
import org.tokenomics.diag.Severity;
import org.tokenomics.run.Runner;
import org.tokenomics.check.CellSym;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.check.DisplayUnits;
import org.tokenomics.check.Type;
import org.tokenomics.diag.Code;
import org.tokenomics.syntax.Diagnostics;
import org.tokenomics.diag.Suggest;
import org.tokenomics.eval.EvalError;
import org.tokenomics.eval.Frame;
import org.tokenomics.eval.Program;
import org.tokenomics.syntax.SourceFile;
import org.tokenomics.syntax.Span;
import org.tokenomics.units.Unit;

/**
 * {@code tok explain}: the derivation tree of a value, built from the checker's cells. Each node
 * is a named value (report, let, param, instance attribute, solve) with its value, unit, source
 * place and expression; its children are the named values its expression reads (hidden
 * intermediates are looked through). A value met a second time is shown once and then referred
 * to; the tree stops at a depth limit, saying how many inputs it left out.
 */
public final class Explainer {
  private final CompiledModel cm;
  private final Program program;
  private final Set<Integer> overridden;
  private final int maxDepth;
  private final Set<String> shown = new HashSet<>();
  private final Map<Integer, List<Integer>> inputsMemo = new HashMap<>();

  private Explainer(CompiledModel cm, List<CompiledModel.Override> overrides, int maxDepth) {
    this.cm = cm;
    this.program = Runner.apply(cm.program(), overrides);
    this.overridden = new HashSet<>();
    overrides.forEach(o -> overridden.add(o.slot()));
    this.maxDepth = maxDepth;
  }

  /** Explains {@code name} (a report, or any named value); null after adding a diagnostic. */
  public static ExplainNode explain(CompiledModel cm, List<CompiledModel.Override> overrides, String name, int maxDepth,
                                    List<Diagnostic> errors) {
    Explainer ex = new Explainer(cm, overrides, maxDepth);
    for (CompiledModel.ReportSpec r : cm.reports()) {
      if (r.name().equals(name)) {
        CellSym cell = cm.cells().get(r.slot());
        // `report x as $B` explains x itself, in the report's unit.
        List<Integer> inputs = ex.inputs(cell);
        boolean bare = cell.expr() instanceof org.tokenomics.syntax.Expr.Name && inputs.size() == 1;
        CellSym target = bare ? cm.cells().get(inputs.get(0)) : cell;
        // A report without `as` is shown as tok run shows it: in a unit chosen for its values.
        Unit unit = r.unit();
        if (!org.tokenomics.run.ReportUnits.written(cm, r) && unit != null) {
          try {
            unit = org.tokenomics.run.ReportUnits.of(cm, r, ex.program.newFrame().values(r.slot()));
          } catch (EvalError e) {
            // the node shows the error
          }
        }
        return ex.node(target, bare ? target.name() : name, bare ? null : "report", unit, ex.program.newFrame(), 0, null);
      }
    }
    CellSym cell = cm.valuesByName().get(name);
    if (cell == null || cell.type().tag() == Type.Tag.INSTANCE) {
      Set<String> names = new LinkedHashSet<>();
      cm.reports().forEach(r -> names.add(r.name()));
      cm.valuesByName().forEach((k, v) -> {
        if (v.type().tag() != Type.Tag.INSTANCE) {
          names.add(k);
        }
      });
      String near = Suggest.closest(name, names);
      String what = cell == null ? "no report or value named '" + name + "'" : name + " is an instance; explain one of its attributes";
      errors.add(Diagnostics.make(cm.sources(), Severity.ERROR,
          cell == null ? Code.TOK200 : Code.TOK302, null, what, near != null && cell == null ? "did you mean " + near + "?" : null, null));
      return null;
    }
    return ex.node(cell, name, null, null, ex.program.newFrame(), 0, null);
  }

  private ExplainNode node(CellSym cell, String label, String role, Unit unit, Frame frame, int depth, String note) {
    Span span = cell.role() == CellSym.Role.SOLVE && cell.solveSpan() != null ? cell.solveSpan() : cell.span();
    SourceFile file = span == null ? null : cm.sources().get(span.file());
    String where = span == null || span.line() <= 0 ? "" : span.file() + ":" + span.line();
    String expr = file == null || span == null ? null : oneLine(balanced(file, span));
    String kind = role != null ? role : roleName(cell, file);
    if (overridden.contains(cell.slot())) {
      kind += ", overridden";
      expr = null;
    } else if (cell.dist() != null) {
      kind += ", median of a distribution";
    }
    if (cell.domain() != null) {
      kind += ", within " + cell.domain().text();
    }
    String key = System.identityHashCode(frame) + ":" + cell.slot();
    boolean repeat = !shown.add(key);
    Value v = value(cell, unit == null ? literalUnit(cell, expr) : unit, frame);
    List<Integer> inputs = inputs(cell);
    List<ExplainNode> children = new ArrayList<>();
    int hidden = 0;
    if (!repeat && depth < maxDepth) {
      Frame childFrame = frame;
      String childNote = null;
      if (cell.role() == CellSym.Role.SOLVE && cell.solveTarget() != null && v.base != null) {
        childFrame = program.newFrame();
        childFrame.set(cell.solveTarget().slot(), v.base.clone());
        childNote = "evaluated at the solution of " + cell.solveTarget().name();
      }
      for (int slot : inputs) {
        children.add(node(cm.cells().get(slot), shownName(cm.cells().get(slot)), null, null, childFrame,
            depth + 1, childNote));
      }
      children.addAll(Earlier.of(cm, program, cell.slot(), childFrame));
    } else if (!repeat) {
      hidden = inputs.size();
    }
    String dimension = cell.type().isNumber() && cell.type().dim().isNone() ? "" : cell.type().shortName();
    // a roll-up report: one value per year or quarter, under its own labels (LANGUAGE.md §13)
    List<String> periods = cm.reports().stream().filter(r -> r.slot() == cell.slot() && r.rolledUp())
        .map(CompiledModel.ReportSpec::periods).findFirst().orElse(null);
    double[] base = periods != null && v.base != null ? java.util.Arrays.copyOf(v.base, periods.size()) : v.base;
    return new ExplainNode(label, kind, cell.type().tag(), dimension, v.unit, base,
        program.cell(cell.slot()).series(), where, expr, note, v.error, repeat, hidden, List.copyOf(children), periods);
  }

  /** The named values a cell reads: hidden cells and instances looked through, in first-read order. */
  private List<Integer> inputs(CellSym cell) {
    return inputsMemo.computeIfAbsent(cell.slot(), s -> {
      Set<Integer> out = new LinkedHashSet<>();
      Set<Integer> seen = new HashSet<>();
      List<Integer> todo = new ArrayList<>();
      int[] deps = cell.role() == CellSym.Role.SOLVE ? concat(cell.equationDeps(), cell.deps()) : cell.deps();
      for (int d : deps) {
        todo.add(d);
      }
      while (!todo.isEmpty()) {
        int d = todo.remove(0);
        if (!seen.add(d) || d == cell.slot()) {
          continue;
        }
        CellSym c = cm.cells().get(d);
        if (c.role() == CellSym.Role.HIDDEN || c.type().tag() == Type.Tag.INSTANCE) {
          int at = 0;
          for (int dd : c.deps()) {
            todo.add(at++, dd);
          }
          continue;
        }
        out.add(d);
      }
      return new ArrayList<>(out);
    });
  }

  private static int[] concat(int[] a, int[] b) {
    int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** The unit the value's own literal is written in ({@code $50B/GW}, {@code 50 %}), or null. */
  private Unit literalUnit(CellSym cell, String expr) {
    if (expr == null || !cell.type().isNumber()) {
      return null;
    }
    String literal = cell.dist() != null ? DisplayUnits.firstArgument(expr) : expr;
    Unit u = cm.units().fromLiteral(literal, cell.type().dim());
    if (u == null && cell.type().dim().isNone() && expr.contains("%")) {
      u = cm.units().fromLiteral("1 %", cell.type().dim());
    }
    return u;
  }

  /** A cell's name as the model writes it: a named report read by another value is its NAME (LANGUAGE.md §4). */
  private static String shownName(CellSym cell) {
    return cell.role() == CellSym.Role.REPORT && cell.name().startsWith("report ") ? cell.name().substring(7) : cell.name();
  }

  private record Value(Unit unit, double[] base, String error) {}

  private Value value(CellSym cell, Unit unit, Frame frame) {
    try {
      double[] base = frame.values(cell.slot()).clone();
      Unit u = !cell.type().isNumber() ? null
          : unit != null ? unit : cm.units().forValues(cell.type().dim(), base);
      return new Value(u, base, null);
    } catch (EvalError e) {
      Diagnostic d = Runner.diagnostic(cm, e);
      return new Value(null, null, d.code() + ": " + d.message());
    }
  }

  private static String roleName(CellSym cell, SourceFile file) {
    String base = switch (cell.role()) {
      case PARAM -> "param";
      case LET -> "let";
      case ATTR_PARAM -> "attribute (param)";
      case ATTR_LET -> "attribute";
      case REPORT -> "report";
      case SOLVE -> "solve";
      case ASSERT -> "assert";
      case HIDDEN -> "intermediate";
    };
    if (cell.isDefault()) {
      base += ", " + (file != null && file.isLibrary() ? "library default" : "kind default");
    }
    return base;
  }

  /**
   * The source text of a span, extended over closing parentheses it leaves open (the span of
   * {@code a / (b * c)} ends where {@code b * c} does).
   */
  static String balanced(SourceFile file, Span span) {
    String text = file.text();
    int end = Math.min(span.end(), text.length());
    int open = 0;
    for (int i = Math.max(0, span.start()); i < end; i++) {
      char c = text.charAt(i);
      open += c == '(' ? 1 : c == ')' ? -1 : 0;
    }
    while (open > 0 && end < text.length()) {
      char c = text.charAt(end);
      if (c == ')') {
        open--;
      } else if (!Character.isWhitespace(c)) {
        break;
      }
      end++;
    }
    return text.substring(Math.max(0, Math.min(span.start(), end)), end);
  }

  /** Source text on one line, at most 120 characters. */
  static String oneLine(String text) {
    String s = text.replaceAll("//[^\n]*", "").replaceAll("\\s+", " ").strip();
    return s.length() <= 120 ? s : s.substring(0, 117) + "...";
  }
}

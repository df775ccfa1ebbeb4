package org.tokenomics.lsp;

import java.util.List;
import org.tokenomics.check.CellSym;
import org.tokenomics.check.Type;
import org.tokenomics.text.Fmt;
import org.tokenomics.eval.EvalError;
import org.tokenomics.syntax.Decl;
import org.tokenomics.syntax.Printer;
import org.tokenomics.syntax.Span;
import org.tokenomics.time.Dates;
import org.tokenomics.units.DimensionFormat;
import org.tokenomics.units.Unit;

/** The hover text of a name: what it is, its dimension, its value if the model evaluates, where it is defined. */
final class Hovers {
  private Hovers() {}

  private static final int SHOWN_PERIODS = 6;

  /** Markdown for the word at the cursor, or null when there is nothing to say. */
  static String hover(Analysis a, Positions.Word w, int offset) {
    Index.Symbol s = a.resolve(w, offset);
    if (s != null) {
      return symbol(a, s);
    }
    String word = w.text();
    if (BuiltIns.SERIES.containsKey(word)) {
      return "**built-in series** `" + word + "` — " + BuiltIns.SERIES.get(word);
    }
    if (BuiltIns.FUNCTIONS.containsKey(word) && a.text.startsWith("(", skipSpaces(a.text, w.end()))) {
      return "**function** " + BuiltIns.FUNCTIONS.get(word);
    }
    if (BuiltIns.UNITS.contains(word)) {
      Unit u = new org.tokenomics.units.Units().get(word);
      return "**unit** `" + word + "` — " + DimensionFormat.describe(u.dim())
          + (u.factor() == 1 ? " (base unit)" : " = " + Fmt.number(u.factor()) + " " + DimensionFormat.unitText(u.dim()));
    }
    return null;
  }

  private static int skipSpaces(String text, int i) {
    while (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private static String symbol(Analysis a, Index.Symbol s) {
    StringBuilder b = new StringBuilder();
    switch (s.what()) {
      case KIND -> {
        b.append("**kind** `").append(s.name()).append("`\n\n");
        for (Decl.Member m : s.kind().members()) {
          b.append("- ").append(m.isParam() ? "param " : "let ").append('`').append(m.name()).append('`')
              .append(m.type() == null ? "" : ": " + Printer.unit(m.type()))
              .append(m.isParam() && m.value() == null ? " (required)" : "").append('\n');
        }
      }
      case INSTANCE -> {
        Decl.Instance in = (Decl.Instance) s.decl();
        b.append("**instance** `").append(s.name()).append("` of kind `").append(in.kind()).append("`\n");
      }
      case ATTRIBUTE -> {
        Decl.Member m = s.member();
        String owner = s.qualified() != null ? s.qualified() : s.kind().name() + "." + s.name();
        b.append("**").append(m.isParam() ? "param" : "let").append("** `").append(owner).append('`');
        if (m.type() != null) {
          b.append(": ").append(Printer.unit(m.type()));
        }
        b.append('\n');
        if (s.setting() == null && m.value() != null) {
          b.append("\ndefault: `").append(Printer.expr(m.value())).append("`\n");
        } else if (s.setting() == null && m.isParam()) {
          b.append("\nrequired: every ").append(s.kind().name()).append(" must set it\n");
        }
      }
      case FN -> b.append("**fn** `").append(firstLine(a, s)).append("`\n");
      case FN_PARAM -> b.append("**parameter** `").append(s.name()).append("` of this function\n");
      default -> b.append("**").append(s.what().name().toLowerCase(java.util.Locale.ROOT)).append("** `")
          .append(s.name()).append("`\n");
    }
    if (s.decl() instanceof Decl.Param p && p.domain() != null) {
      // Its domain (LANGUAGE.md §16): what overrides and tok test may give it.
      b.append("\nwithin `").append(Printer.expr(p.domain().low())).append(" to ")
          .append(Printer.expr(p.domain().high())).append("`\n");
    }
    value(a, s, b);
    where(a, s, b);
    return b.toString();
  }

  /** The dimension and, when the model evaluates, the value. */
  private static void value(Analysis a, Index.Symbol s, StringBuilder b) {
    CellSym cell = a.cell(s.qualified());
    if (cell == null || cell.type().isError()) {
      if (a.model == null && s.what() != Index.What.KIND && s.what() != Index.What.FN) {
        b.append("\n*no value: the file has errors*\n");
      }
      return;
    }
    Type t = cell.type();
    if (t.tag() == Type.Tag.INSTANCE) {
      b.append("\nan instance of `").append(t.instance().kind().name()).append("`: `").append(t.instance().name()).append("`\n");
      return;
    }
    b.append("\ndimension: ").append(t.describe()).append(t.series() ? ", a series" : "").append('\n');
    try {
      double[] v = a.values(cell);
      // a roll-up report: one value per year or quarter, under its own labels (LANGUAGE.md §13)
      List<String> periods = a.model.reports().stream().filter(r -> r.slot() == cell.slot() && r.rolledUp())
          .map(org.tokenomics.check.CompiledModel.ReportSpec::periods).findFirst()
          .orElse(a.model.program().timeline().labelList());
      b.append("\nvalue: ").append(show(a, t, java.util.Arrays.copyOf(v, Math.min(v.length, t.series() ? periods.size() : 1)),
          periods)).append('\n');
    } catch (EvalError e) {
      b.append("\ndoes not evaluate: ").append(e.getMessage()).append('\n');
    }
  }

  private static String show(Analysis a, Type t, double[] v, List<String> periods) {
    StringBuilder out = new StringBuilder();
    Unit unit = t.isNumber() ? a.model.units().fromText(DimensionFormat.unitText(t.dim())) : null;
    unit = unit == null ? null : scaled(unit, v);
    String unitText = unit != null ? unit.name() : t.isNumber() ? DimensionFormat.unitText(t.dim()) : "";
    int n = t.series() ? v.length : 1;
    for (int i = 0; i < n && i < SHOWN_PERIODS; i++) {
      String one = switch (t.tag()) {
        case DATE -> Dates.format(v[i]);
        case BOOL -> String.valueOf(v[i] != 0);
        default -> Fmt.quantity(unit != null ? unit.fromBase(v[i]) : v[i], unitText);
      };
      out.append(i == 0 ? "" : ", ").append(t.series() && i < periods.size() ? periods.get(i) + ": " : "").append('`')
          .append(one).append('`');
    }
    if (n > SHOWN_PERIODS) {
      out.append(", … (").append(n).append(" periods)");
    }
    return out.toString();
  }

  /** For W, J, tok, FLOP, byte: the prefixed unit that shows the values between 1 and 1000 (MW, GWh …). */
  private static Unit scaled(Unit readable, double[] v) {
    if (readable.dim().equals(org.tokenomics.units.Units.TIME)) {
      return readable;
    }
    double big = 0;
    for (double x : v) {
      big = Double.isFinite(x) ? Math.max(big, Math.abs(x)) : big;
    }
    org.tokenomics.units.Units units = new org.tokenomics.units.Units();
    Unit best = readable;
    for (String name : BuiltIns.UNITS) {
      Unit u = units.get(name);
      if (u != null && u.dim().equals(readable.dim()) && !name.startsWith("$") && !name.equals("%") && !name.equals("bp")
          && u.factor() <= big && u.factor() > best.factor()) {
        best = u;
      }
    }
    return best;
  }

  private static void where(Analysis a, Index.Symbol s, StringBuilder b) {
    Span span = s.span();
    if (span == null || span.line() <= 0 || s.source() == null) {
      return;
    }
    String line = s.source().file().line(span.line()).strip();
    b.append("\n```tok\n").append(line).append("\n```\n");
    boolean here = s.source().uri() != null && a.name.equals(s.source().file().name());
    b.append(here ? "defined at line " + span.line() : "defined in " + s.source().label() + ", line " + span.line());
  }

  private static String firstLine(Analysis a, Index.Symbol s) {
    String line = s.source().file().line(s.span().line()).strip();
    return line.startsWith("fn ") ? line.substring(3) : s.name();
  }
}

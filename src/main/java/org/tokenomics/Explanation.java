package org.tokenomics;

import java.util.ArrayList;
import java.util.List;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.check.Type;
import org.tokenomics.explain.ExplainNode;
import org.tokenomics.explain.Explainer;
import org.tokenomics.time.Dates;

/**
 * How a value is derived ({@code tok explain}): the value, its unit, role and source, and the
 * values its expression reads, down to a depth. From {@link Model#explain}. Immutable.
 *
 * @param name         {@code capex}, {@code site.chips}, or a report's name
 * @param role         {@code let}, {@code param, median of a distribution}, {@code report} …
 * @param kind         {@code number}, {@code date} or {@code bool}
 * @param unit         the unit {@code values} are in (for a number: a readable unit, or its
 *                     dimension when it has none); {@code date} or {@code bool} otherwise
 * @param values       its values (one, or one per period) in {@code unit}; for dates model time,
 *                     for bools 1 or 0 (see {@code text}); null when it could not be evaluated
 * @param text         the values as text for dates ({@code 2027-06}) and bools; null for numbers
 * @param series       one value per period?
 * @param where        {@code file:line} of its definition ({@code ""} when unknown)
 * @param expression   its source text on one line (null when overridden or unknown)
 * @param note         why its value may differ from the model's (e.g. evaluated at a solve's solution), or null
 * @param error        the evaluation error, or null
 * @param repeat       already shown above in the tree: its inputs are not repeated
 * @param hiddenInputs inputs left out at the depth limit
 * @param inputs       the values its expression reads
 * @param periods      a roll-up report's own period labels (years {@code 2026} or quarters
 *                     {@code 2026-Q1}), or null when its values are per period of the timeline
 */
public record Explanation(String name, String role, String kind, String unit, double[] values, String[] text,
                          boolean series, String where, String expression, String note, String error, boolean repeat,
                          int hiddenInputs, List<Explanation> inputs, List<String> periods) {
  /**
   * An explanation whose values are per period of the timeline.
   *
   * @param name         {@code capex}, {@code site.chips}, or a report's name
   * @param role         {@code let}, {@code param, median of a distribution}, {@code report} …
   * @param kind         {@code number}, {@code date} or {@code bool}
   * @param unit         the unit {@code values} are in; {@code date} or {@code bool} for those
   * @param values       its values (one, or one per period), or null when it could not be evaluated
   * @param text         the values as text for dates and bools; null for numbers
   * @param series       one value per period?
   * @param where        {@code file:line} of its definition ({@code ""} when unknown)
   * @param expression   its source text on one line (null when overridden or unknown)
   * @param note         why its value may differ from the model's, or null
   * @param error        the evaluation error, or null
   * @param repeat       already shown above in the tree: its inputs are not repeated
   * @param hiddenInputs inputs left out at the depth limit
   * @param inputs       the values its expression reads
   */
  public Explanation(String name, String role, String kind, String unit, double[] values, String[] text,
                     boolean series, String where, String expression, String note, String error, boolean repeat,
                     int hiddenInputs, List<Explanation> inputs) {
    this(name, role, kind, unit, values, text, series, where, expression, note, error, repeat, hiddenInputs, inputs, null);
  }

  /**
   * Copies the arrays and the list.
   *
   * @param name         {@code capex}, {@code site.chips}, or a report's name
   * @param role         {@code let}, {@code param, median of a distribution}, {@code report} …
   * @param kind         {@code number}, {@code date} or {@code bool}
   * @param unit         the unit {@code values} are in; {@code date} or {@code bool} for those
   * @param values       its values (one, or one per period), or null when it could not be evaluated
   * @param text         the values as text for dates and bools; null for numbers
   * @param series       one value per period?
   * @param where        {@code file:line} of its definition ({@code ""} when unknown)
   * @param expression   its source text on one line (null when overridden or unknown)
   * @param note         why its value may differ from the model's, or null
   * @param error        the evaluation error, or null
   * @param repeat       already shown above in the tree: its inputs are not repeated
   * @param hiddenInputs inputs left out at the depth limit
   * @param inputs       the values its expression reads
   * @param periods      a roll-up's own period labels, or null
   */
  public Explanation {
    periods = periods == null ? null : List.copyOf(periods);
    values = values == null ? null : values.clone();
    text = text == null ? null : text.clone();
    inputs = List.copyOf(inputs);
  }

  /**
   * A copy of the values, or null.
   *
   * @return a copy of the values in {@code unit}, or null when it could not be evaluated
   */
  @Override
  public double[] values() {
    return values == null ? null : values.clone();
  }

  /**
   * A copy of the text values, or null.
   *
   * @return a copy of the values as text (dates and bools), or null for numbers
   */
  @Override
  public String[] text() {
    return text == null ? null : text.clone();
  }

  /**
   * The tree of {@code name} (a report, param, let or {@code inst.attr}), or the diagnostic saying
   * why there is none.
   */
  static Result of(CompiledModel cm, List<CompiledModel.Override> overrides, String name, int depth) {
    List<org.tokenomics.diag.Diagnostic> errors = new ArrayList<>();
    ExplainNode root = Explainer.explain(cm, overrides, name, depth, errors);
    return root == null ? new Result(null, Diagnostic.of(errors)) : new Result(of(root), List.of());
  }

  private static Explanation of(ExplainNode n) {
    String kind = n.tag().name().toLowerCase(java.util.Locale.ROOT);
    String unit = n.tag() == Type.Tag.NUMBER ? n.unit() == null ? n.dimension() : n.unit().name() : kind;
    double[] values = n.values() == null ? null : n.values().clone();
    String[] text = null;
    String note = n.note();
    if (values != null) {
      if (n.tag() == Type.Tag.NUMBER) {
        boolean overflow = false;
        for (int i = 0; i < values.length; i++) {
          double shown = n.unit().fromBase(values[i]);
          overflow |= !Double.isFinite(shown) && Double.isFinite(values[i]);
          values[i] = shown;
        }
        if (overflow) { // too large for the display unit: the numbers in base units, never Infinity
          values = n.values().clone();
          note = (note == null ? "" : note + "; ") + org.tokenomics.diag.SafetyMessages.tooLargeFor(unit)
              + ", shown in base units";
          unit = n.dimension();
        }
      } else {
        text = new String[values.length];
        for (int i = 0; i < values.length; i++) {
          text[i] = n.tag() == Type.Tag.DATE ? Dates.format(values[i]) : String.valueOf(values[i] != 0);
        }
      }
    }
    List<Explanation> inputs = n.children().stream().map(Explanation::of).toList();
    return new Explanation(n.name(), n.role(), kind, unit, values, text, n.series(), n.where(), n.expression(), note,
        n.error(), n.repeat(), n.hiddenInputs(), inputs, n.periods());
  }

  /** An explanation, or why there is none. */
  record Result(Explanation tree, List<Diagnostic> diagnostics) {}
}

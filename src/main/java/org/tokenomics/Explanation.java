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
 * @param contributions a cost stack: when the value is made of a {@code total(…)}, what each member
 *                     adds to it, in the members' order; empty otherwise
 */
public record Explanation(String name, String role, String kind, String unit, double[] values, String[] text,
                          boolean series, String where, String expression, String note, String error, boolean repeat,
                          int hiddenInputs, List<Explanation> inputs, List<String> periods,
                          List<Contribution> contributions) {
  /**
   * One member's part of a {@code total(…)} (issue 16's cost stack).
   *
   * @param over   the family or kind the total adds up ({@code campus})
   * @param member the member ({@code campus[2]})
   * @param values its term's values in the explanation's unit (one, or one per period)
   * @param share  its part of the total, 0 to 1 for members of one sign: the sum of its values over
   *               the periods divided by the sum of all members'; NaN when that sum is zero
   */
  public record Contribution(String over, String member, double[] values, double share) {
    /**
     * Copies the values.
     *
     * @param over   the family or kind the total adds up
     * @param member the member
     * @param values its term's values in the explanation's unit
     * @param share  its part of the total, or NaN
     */
    public Contribution {
      values = values.clone();
    }

    /**
     * A copy of the values.
     *
     * @return its term's values in the explanation's unit
     */
    @Override
    public double[] values() {
      return values.clone();
    }
  }

  /**
   * An explanation without a cost stack.
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
  public Explanation(String name, String role, String kind, String unit, double[] values, String[] text,
                     boolean series, String where, String expression, String note, String error, boolean repeat,
                     int hiddenInputs, List<Explanation> inputs, List<String> periods) {
    this(name, role, kind, unit, values, text, series, where, expression, note, error, repeat, hiddenInputs, inputs,
        periods, List.of());
  }

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
   * @param contributions what each member adds to the value's {@code total(…)}, or empty
   */
  public Explanation {
    contributions = contributions == null ? List.of() : List.copyOf(contributions);
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
    List<Contribution> stack = new ArrayList<>();
    if (n.tag() == Type.Tag.NUMBER && n.unit() != null && unit.equals(n.unit().name())) {
      for (org.tokenomics.explain.ExplainNode.Share s : n.stack()) {
        double[] v = s.values().clone();
        for (int i = 0; i < v.length; i++) {
          v[i] = n.unit().fromBase(v[i]);
        }
        if (java.util.Arrays.stream(v).anyMatch(x -> !Double.isFinite(x))) {
          stack.clear(); // too large for the display unit: no stack rather than Infinity
          break;
        }
        stack.add(new Contribution(s.over(), s.member(), v, s.share()));
      }
    }
    return new Explanation(n.name(), n.role(), kind, unit, values, text, n.series(), n.where(), n.expression(), note,
        n.error(), n.repeat(), n.hiddenInputs(), inputs, n.periods(), stack);
  }

  /** An explanation, or why there is none. */
  record Result(Explanation tree, List<Diagnostic> diagnostics) {}
}

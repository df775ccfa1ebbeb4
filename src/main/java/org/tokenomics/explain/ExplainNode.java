package org.tokenomics.explain;

import java.util.List;
import org.tokenomics.check.Type;
import org.tokenomics.units.Unit;

/**
 * One value in a derivation tree.
 *
 * @param name         {@code capex}, {@code site.chips}, or a report's name
 * @param role         {@code let}, {@code param, median of a distribution}, {@code attribute, library default} …
 * @param tag          number, date or bool
 * @param dimension    its dimension as a unit ({@code $/yr}), {@code date} or {@code bool}
 * @param unit         the unit its value is shown in (null for dates and bools, or on error)
 * @param values       its values in base units (one, or one per period); null on error
 * @param series       one value per period?
 * @param where        {@code file:line} of its definition ("" when unknown)
 * @param expression   its source text on one line (null when overridden or unknown)
 * @param note         why its value may differ from the model's (e.g. evaluated at a solve's solution)
 * @param error        the evaluation error, or null
 * @param repeat       already shown above: its inputs are not repeated
 * @param hiddenInputs inputs left out at the depth limit
 * @param children     the values its expression reads
 * @param periods      a roll-up report's own period labels (years or quarters), or null for the timeline's
 */
public record ExplainNode(String name, String role, Type.Tag tag, String dimension, Unit unit, double[] values,
                          boolean series, String where, String expression, String note, String error, boolean repeat,
                          int hiddenInputs, List<ExplainNode> children, List<String> periods) {}

package org.tokenomics.eval;

import org.tokenomics.syntax.Span;

/**
 * One value of a compiled model: a param, a let, an instance attribute, a report, an assertion
 * or a hidden intermediate. Cells live in slots of a {@link Program}.
 *
 * @param slot     its index in the program
 * @param name     {@code capex}, {@code site.pue}, {@code report npv} …
 * @param span     where its expression is, for TOK500
 * @param computer fills its values
 * @param series   one value per period, or one value
 * @param deps     slots it reads
 * @param checkFinite whether NaN/infinity in its values is an error (false for dates and bools)
 */
public record Cell(int slot, String name, Span span, Computer computer, boolean series, int[] deps,
                   boolean checkFinite) {

  public Cell withComputer(Computer c, int[] newDeps, boolean isSeries) {
    return new Cell(slot, name, span, c, isSeries, newDeps, checkFinite);
  }
}

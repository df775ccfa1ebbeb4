package org.tokenomics.spi;

import java.util.List;

/**
 * Extra units and dimensions, available to every model as if declared with {@code unit} in the
 * prelude: a {@linkplain UnitDefinition#base base} unit introduces a new dimension
 * ({@code unit rack_slot}), a {@linkplain UnitDefinition#derived derived} unit names a quantity of
 * existing units ({@code unit rack = 72 GPU}). A name must not clash with a built-in unit or
 * another plugin's (TOK201).
 */
public interface TokUnits {

  /**
   * The units, in declaration order (a derived unit may use the units before it).
   *
   * @return the units, in declaration order (a derived unit may use the units before it)
   */
  List<UnitDefinition> units();

  /**
   * A fixed list of units.
   *
   * @param units the units
   * @return a fixed list of units
   */
  static TokUnits of(UnitDefinition... units) {
    List<UnitDefinition> list = List.of(units);
    return () -> list;
  }
}

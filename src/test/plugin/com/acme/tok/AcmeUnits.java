package com.acme.tok;

import java.util.List;
import org.tokenomics.spi.TokUnits;
import org.tokenomics.spi.UnitDefinition;

/** A rack of 72 accelerators, and a new dimension: the widget. */
public final class AcmeUnits implements TokUnits {
  @Override
  public List<UnitDefinition> units() {
    return List.of(UnitDefinition.derived("rack", "72 GPU"), UnitDefinition.base("widget"));
  }
}

package org.tokenomics.check;

/** A top-level name of a model: a value (param, let, report, solve) or an instance. */
public sealed interface Symbol permits CellSym, InstanceSym, FamilySym {
  /** The name as declared. */
  String name();
}

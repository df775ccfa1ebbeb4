package org.tokenomics.check;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tokenomics.syntax.Decl;

/** An instance of a kind: its declaration and one cell per attribute, in the kind's order. */
public final class InstanceSym implements Symbol {
  private final String name;
  private final Decl.Kind kind;
  private final Decl.Instance decl;
  final Map<String, CellSym> attrs = new LinkedHashMap<>();

  InstanceSym(String name, Decl.Kind kind, Decl.Instance decl) {
    this.name = name;
    this.kind = kind;
    this.decl = decl;
  }

  @Override
  public String name() {
    return name;
  }

  public Decl.Kind kind() {
    return kind;
  }

  public Decl.Instance decl() {
    return decl;
  }

  public Map<String, CellSym> attrs() {
    return java.util.Collections.unmodifiableMap(attrs);
  }
}

package org.tokenomics.check;

import org.tokenomics.eval.Const;
import org.tokenomics.eval.Node;

/** A checked expression: its node (null for instances and errors) and its type. */
record Typed(Node node, Type type) {
  static final Typed ERROR = new Typed(new Const(0), Type.ERROR);

  boolean isError() {
    return type.isError();
  }
}

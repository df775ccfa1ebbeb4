package org.tokenomics.eval;

/** A constant (already in base units). */
public final class Const extends Node {
    @Override
    public Node[] children() {
      return Nodes.NONE;
    }

  final double value;

  public Const(double value) {
    super(false);
    this.value = value;
  }

  @Override
  public double eval(Frame f, int p) {
    return value;
  }

  @Override
  public double constant() {
    return value;
  }

  @Override
  public boolean isConstant() {
    return true;
  }
}

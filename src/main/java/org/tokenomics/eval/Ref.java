package org.tokenomics.eval;

/** Reads another cell's value; its slot is computed before the reading cell. */
public abstract class Ref extends Node {
    @Override
    public Node[] children() {
      return Nodes.NONE;
    }

  protected final int slot;

  private Ref(int slot, boolean series) {
    super(series);
    this.slot = slot;
  }

  public int slot() {
    return slot;
  }

  public static Ref to(int slot, boolean series) {
    return series ? new SeriesRef(slot) : new ScalarRef(slot);
  }

  static final class ScalarRef extends Ref {
    ScalarRef(int slot) {
      super(slot, false);
    }

    @Override
    public double eval(Frame f, int p) {
      return f.slots[slot][0];
    }
  }

  static final class SeriesRef extends Ref {
    SeriesRef(int slot) {
      super(slot, true);
    }

    @Override
    public double eval(Frame f, int p) {
      return f.slots[slot][p];
    }
  }
}

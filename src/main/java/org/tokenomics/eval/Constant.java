package org.tokenomics.eval;

/**
 * The computer of a cell whose value is a finite constant ({@code param capacity = 2 GW}). Every
 * frame shares one array for a scalar cell (arrays in a frame are never written once computed).
 */
public final class Constant implements Computer {
  private final double value;
  private final double[] scalar;

  public Constant(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("not finite: " + value);
    }
    this.value = value;
    this.scalar = new double[] {value};
  }

  public double value() {
    return value;
  }

  /** The shared one-value array. */
  double[] scalar() {
    return scalar;
  }

  @Override
  public void compute(Frame f, double[] out) {
    java.util.Arrays.fill(out, value);
  }
}

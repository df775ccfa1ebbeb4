package org.tokenomics.eval;

/**
 * The computer of a cell whose expression is just another cell of the same shape ({@code report
 * revenue as $B/yr}): the frame shares that cell's array instead of copying it. Arrays in a frame
 * are never written once computed, so sharing is safe.
 */
public record Alias(int slot) implements Computer {
  @Override
  public void compute(Frame f, double[] out) {
    System.arraycopy(f.slots[slot], 0, out, 0, out.length);
  }
}

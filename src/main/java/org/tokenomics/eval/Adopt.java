package org.tokenomics.eval;

/**
 * The computer of a member of a recurrence group other than its leader: the leader's
 * {@link Recurrence} has already computed this cell's values period by period and installed them
 * in the frame, so the frame adopts that array ({@link Frame}).
 *
 * @param leader the slot of the group's leader, on which this cell depends
 */
public record Adopt(int leader) implements Computer {
  @Override
  public void compute(Frame f, double[] out) {
    throw new IllegalStateException("a recurrence member's values are installed by its leader, slot " + leader);
  }
}

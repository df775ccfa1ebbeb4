package org.tokenomics.eval;

import java.util.Arrays;
import java.util.Map;
import org.tokenomics.time.Timeline;

/**
 * The evaluable form of a model: a timeline and its cells by slot. Immutable; overrides make a
 * new program that shares the unchanged cells.
 */
public final class Program {
  private final Timeline timeline;
  private final Cell[] cells;
  /** The last plan made (most callers ask for the same roots every time). */
  private volatile Plan plan;

  public Program(Timeline timeline, Cell[] cells) {
    this.timeline = timeline;
    this.cells = cells.clone();
  }

  public Timeline timeline() {
    return timeline;
  }

  public int size() {
    return cells.length;
  }

  public Cell cell(int slot) {
    return cells[slot];
  }

  /** A program with some cells replaced (and maybe new hidden cells appended). */
  public Program with(Map<Integer, Cell> replaced) {
    int size = cells.length;
    for (int slot : replaced.keySet()) {
      size = Math.max(size, slot + 1);
    }
    Cell[] copy = Arrays.copyOf(cells, size);
    replaced.forEach((slot, cell) -> copy[slot] = cell);
    return new Program(timeline, copy);
  }

  public Frame newFrame() {
    return new Frame(this);
  }

  /**
   * The cells a fresh frame computes, in order, for {@code values(roots[0])}, {@code
   * values(roots[1])}, …: the walk of {@link Frame} done once, without computing anything.
   *
   * @param complete false when the walk would meet a cycle (the order then stops before it)
   * @param fusion   the plan's fused form, made once it is hot ({@link Fusion})
   */
  public record Plan(Program program, int[] roots, int[] order, boolean complete, Fusion fusion) {
    /**
     * @return true once the plan runs fused ({@link Fusion}): its groups, recurrences among them,
     *         are generated loops from then on (for tests and benchmarks)
     */
    public boolean isFused() {
      return fusion != null && fusion.isFused();
    }
  }

  /** The plan for {@code roots} (cached for the last roots asked for). */
  public Plan plan(int[] roots) {
    Plan p = plan;
    if (p == null || !Arrays.equals(p.roots(), roots)) {
      p = makePlan(roots.clone());
      plan = p;
    }
    return p;
  }

  private Plan makePlan(int[] roots) {
    byte[] state = new byte[cells.length]; // as in Frame: 0 new, 1 in progress, 2 done
    int[] order = new int[cells.length];
    int count = 0;
    int[] stack = new int[16];
    for (int root : roots) {
      int top = 0;
      stack[top++] = root;
      while (top > 0) {
        int s = stack[top - 1];
        if (state[s] == 2) {
          top--;
          continue;
        }
        boolean ready = true;
        for (int d : cells[s].deps()) {
          if (state[d] != 2) {
            if (state[d] == 1) {
              return new Plan(this, roots, Arrays.copyOf(order, count), false, new Fusion());
            }
            ready = false;
            if (top == stack.length) {
              stack = Arrays.copyOf(stack, top * 2);
            }
            stack[top++] = d;
          }
        }
        state[s] = 1;
        if (ready) {
          top--;
          state[s] = 2;
          order[count++] = s;
        }
      }
    }
    return new Plan(this, roots, Arrays.copyOf(order, count), true, new Fusion());
  }
}

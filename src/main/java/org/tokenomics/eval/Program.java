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
}

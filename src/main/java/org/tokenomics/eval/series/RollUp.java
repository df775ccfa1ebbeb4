package org.tokenomics.eval.series;

import org.tokenomics.eval.Frame;
import org.tokenomics.eval.Node;
import org.tokenomics.eval.Nodes;
import org.tokenomics.time.Groups;
import org.tokenomics.time.Step;
import org.tokenomics.time.Timeline;

/**
 * A roll-up of a report (LANGUAGE.md §13): {@code sum|mean|min|max|first|last(x, by: yr|quarter)}.
 * Its cell keeps one value per period like any series, so programs, frames and Monte Carlo stay
 * unchanged: period {@code g} holds group {@code g}'s value, and the periods past the last group
 * repeat it (the report shows only the groups, under their own labels, and the repeat leaves the
 * choice of display unit alone).
 */
public final class RollUp extends Node {
  private final Reductions.Reduce reduce;
  private final Node x;
  private final Step by;
  /** The groups of the last timeline seen (immutable; a race only computes them twice). */
  private volatile Cached cached;

  private record Cached(Timeline timeline, Groups groups) {}

  /**
   * A roll-up of {@code x}.
   *
   * @param kind how a group's periods combine
   * @param x    the series rolled up
   * @param by   YEARLY or QUARTERLY
   */
  public RollUp(Reductions.Kind kind, Node x, Step by) {
    super(true);
    this.reduce = new Reductions.Reduce(kind, x, null, null);
    this.x = x;
    this.by = by;
  }

  @Override
  public Node[] children() {
    return Nodes.of(x);
  }

  /**
   * The step it groups by.
   *
   * @return YEARLY or QUARTERLY
   */
  public Step by() {
    return by;
  }

  /**
   * The groups of {@code tl}.
   *
   * @param tl the timeline
   * @return the groups by this roll-up's step
   */
  public Groups groups(Timeline tl) {
    Cached c = cached;
    if (c == null || c.timeline() != tl) {
      c = new Cached(tl, Groups.of(tl, by));
      cached = c;
    }
    return c.groups();
  }

  @Override
  public double eval(Frame f, int p) {
    Groups g = groups(f.timeline);
    int group = Math.min(p, g.size() - 1);
    double acc = reduce.initial();
    double first = 0;
    double last = 0;
    int count = 0;
    for (int q = g.firstOf(group); q < g.endOf(group); q++) {
      double v = x.eval(f, q);
      if (count == 0) {
        first = v;
      }
      last = v;
      count++;
      acc = reduce.step(acc, v);
    }
    return reduce.finish(acc, count, first, last);
  }
}

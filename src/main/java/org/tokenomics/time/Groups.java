package org.tokenomics.time;

import java.util.ArrayList;
import java.util.List;

/**
 * The calendar years or quarters a timeline's periods fall in, for roll-ups (LANGUAGE.md §13):
 * group {@code g} is the periods {@code [first(g), end(g))}, labelled {@code 2026} or
 * {@code 2026-Q1}. A timeline that starts or ends inside a year gives a partial first or last group.
 *
 * @param first  the first period of each group
 * @param end    one past the last period of each group
 * @param labels each group's label
 */
public record Groups(int[] first, int[] end, List<String> labels) {
  /** Copies the lists. */
  public Groups {
    first = first.clone();
    end = end.clone();
    labels = List.copyOf(labels);
  }

  /**
   * The groups of {@code tl} by {@code by} (YEARLY or QUARTERLY; a step no coarser than the
   * timeline's is the caller's error to report).
   *
   * @param tl the timeline
   * @param by the calendar step to group by
   * @return the groups, in order
   */
  public static Groups of(Timeline tl, Step by) {
    List<Integer> firsts = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    String current = null;
    for (int p = 0; p < tl.size(); p++) {
      int year = Dates.year(tl.start(p));
      String label = by == Step.QUARTERLY ? year + "-Q" + ((Dates.month(tl.start(p)) - 1) / 3 + 1) : String.valueOf(year);
      if (!label.equals(current)) {
        firsts.add(p);
        labels.add(label);
        current = label;
      }
    }
    int[] first = firsts.stream().mapToInt(Integer::intValue).toArray();
    int[] end = new int[first.length];
    for (int g = 0; g < first.length; g++) {
      end[g] = g + 1 < first.length ? first[g + 1] : tl.size();
    }
    return new Groups(first, end, labels);
  }

  /**
   * How many groups there are.
   *
   * @return the number of groups
   */
  public int size() {
    return first.length;
  }

  /**
   * The first period of group {@code g}.
   *
   * @param g a group
   * @return its first period
   */
  public int firstOf(int g) {
    return first[g];
  }

  /**
   * One past the last period of group {@code g}.
   *
   * @param g a group
   * @return one past its last period
   */
  public int endOf(int g) {
    return end[g];
  }
}

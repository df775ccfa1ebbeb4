package org.tokenomics.time;

/**
 * The built-in series {@code t}, {@code dt}, {@code date}, {@code year}, {@code period}
 * (LANGUAGE.md §6): their names and their value in a period of a timeline.
 */
public enum TimeVar {
  T("t"), DT("dt"), DATE("date"), YEAR("year"), PERIOD("period");

  private final String word;

  TimeVar(String word) {
    this.word = word;
  }

  /** The name as written in Tok. */
  public String word() {
    return word;
  }

  /** The built-in series named {@code name}, or null. */
  public static TimeVar named(String name) {
    for (TimeVar v : values()) {
      if (v.word.equals(name)) {
        return v;
      }
    }
    return null;
  }

  /** Its value in period {@code p} of {@code tl} (model time for dates, years for t and dt). */
  public double in(Timeline tl, int p) {
    return switch (this) {
      case T -> tl.start(p) - tl.first();
      case DT -> tl.length();
      case DATE -> tl.start(p);
      case YEAR -> tl.year(p);
      case PERIOD -> p;
    };
  }
}

package org.tokenomics.diag;

import java.util.Collection;

/** "Did you mean": the closest candidate by edit distance, if it is close enough to help. */
public final class Suggest {
  private Suggest() {}

  /**
   * The unit a modeler meant by a word Tok does not know: English names and abbreviations of
   * time units first ({@code year}, {@code hours}, {@code mo} are {@code yr}, {@code h},
   * {@code month}: spelling distance would offer {@code yr} for nothing and {@code MB} for
   * {@code mo}), then the closest unit by spelling.
   */
  public static String unit(String word, Collection<String> units) {
    String meant = UNIT_WORDS.get(word.toLowerCase(java.util.Locale.ROOT));
    if (meant != null && units.contains(meant)) {
      return meant;
    }
    return closest(word, units);
  }

  private static final java.util.Map<String, String> UNIT_WORDS = words(
      "yr: year years yrs annum",
      "h: hour hours hr hrs",
      "month: months mo mos mon mth mths",
      "day: days d",
      "week: weeks wk wks",
      "min: minute minutes mins",
      "s: second seconds sec secs",
      "quarter: quarters qtr qtrs");

  private static java.util.Map<String, String> words(String... lines) {
    java.util.Map<String, String> m = new java.util.HashMap<>();
    for (String line : lines) {
      String[] parts = line.split(":\\s*");
      for (String w : parts[1].split(" ")) {
        m.put(w, parts[0]);
      }
    }
    return java.util.Map.copyOf(m);
  }

  public static String closest(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(word.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
      if (c.equals(word)) {
        continue;
      }
      if (d < bestDistance || (d == bestDistance && best != null && c.compareTo(best) < 0)) {
        bestDistance = d;
        best = c;
      }
    }
    int allowed = Math.max(1, Math.min(3, word.length() / 3));
    return best != null && bestDistance <= allowed ? best : null;
  }

  /** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
  public static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}

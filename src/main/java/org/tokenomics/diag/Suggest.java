package org.tokenomics.diag;

import java.util.Collection;
import java.util.Locale;
import org.apache.commons.lang3.StringUtils;

/**
 * "Did you mean": the closest candidate by edit distance, if it is close enough to help.
 *
 * <p>It is called once per unknown name, and a hostile file can hold tens of thousands of unknown
 * names against tens of thousands of declared ones, so every call is bounded: words and
 * candidates longer than {@link #MAX_LENGTH} are not compared (nobody is helped by a suggestion
 * for a 1,000-character name), candidates whose length alone rules them out are skipped, the
 * distance is computed only up to a threshold (Commons Lang's banded Levenshtein,
 * {@code StringUtils.getLevenshteinDistance(a, b, threshold)}: linear in length and memory; the
 * same algorithm Commons Text later moved into {@code LevenshteinDistance}, which would be a
 * second dependency for one method), and at most {@link #MAX_COMPARED} candidates are compared per call, in the
 * collection's order. A call therefore costs at most a few hundred thousand character steps.
 */
@SuppressWarnings("deprecation") // StringUtils' Levenshtein: see above
public final class Suggest {
  /** Words and candidates longer than this get no suggestion. */
  public static final int MAX_LENGTH = 40;
  /** At most this many candidates are compared by edit distance per call. */
  public static final int MAX_COMPARED = 500;

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
      // by hand, not split(":\\s*"): that regular expression was the first a compile compiled,
      // a millisecond or two on a cold JVM before any model is read (issue 22)
      int colon = line.indexOf(':');
      for (String w : line.substring(colon + 1).strip().split(" ")) {
        m.put(w, line.substring(0, colon));
      }
    }
    return java.util.Map.copyOf(m);
  }

  /**
   * Comparisons left for the current compile on this thread ({@link #budget}); unbounded
   * outside one. A file of 40,000 unknown names makes 40,000 calls: this bounds their sum.
   */
  private static final ThreadLocal<long[]> BUDGET = new ThreadLocal<>();

  /**
   * Two collections as one, without copying either (the candidates of "did you mean" are a
   * function's few parameters and a scope's many names).
   *
   * @param first  iterated first
   * @param second iterated after {@code first}
   * @return a read-only view of both, in that order (a name in both appears twice)
   */
  public static Collection<String> concat(Collection<String> first, Collection<String> second) {
    return new java.util.AbstractCollection<>() {
      @Override
      public java.util.Iterator<String> iterator() {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).iterator();
      }

      @Override
      public int size() {
        return first.size() + second.size();
      }
    };
  }

  /** Bounds the comparisons of every call on this thread until the returned scope is closed. */
  public static AutoCloseable budget(long comparisons) {
    long[] previous = BUDGET.get();
    BUDGET.set(new long[] {comparisons});
    return () -> BUDGET.set(previous);
  }

  public static String closest(String word, Collection<String> candidates) {
    if (word == null || word.isEmpty() || word.length() > MAX_LENGTH) {
      return null;
    }
    long[] budget = BUDGET.get();
    if (budget != null && budget[0] <= 0) {
      return null; // this compile has spent its suggestions
    }
    String w = word.toLowerCase(Locale.ROOT);
    int allowed = Math.max(1, Math.min(3, word.length() / 3));
    int[] counts = new int[BUCKETS];
    for (int i = 0; i < w.length(); i++) {
      counts[bucket(w.charAt(i))]++;
    }
    int[] scratch = new int[BUCKETS];
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    int compared = 0;
    for (String c : candidates) {
      if (c == null || c.equals(word) || c.length() > MAX_LENGTH || Math.abs(c.length() - word.length()) > allowed) {
        continue;
      }
      if (++compared > MAX_COMPARED) {
        break;
      }
      if (budget != null && --budget[0] < 0) {
        break;
      }
      // Characters one string has and the other lacks bound the distance from below, for the
      // price of a copy of 64 counters: most candidates stop here.
      System.arraycopy(counts, 0, scratch, 0, BUCKETS);
      int extra = 0;
      for (int i = 0; i < c.length(); i++) {
        if (scratch[bucket(Character.toLowerCase(c.charAt(i)))]-- <= 0) {
          extra++;
        }
      }
      int missing = w.length() - (c.length() - extra);
      if (Math.max(extra, missing) > allowed) { // each edit adds at most one to each; a transposition none
        continue;
      }
      String lc = c.toLowerCase(Locale.ROOT);
      // Levenshtein counts a transposition as 2 where the alignment distance counts 1, so the
      // banded filter lets through twice the allowed distance and the exact distance decides.
      if (StringUtils.getLevenshteinDistance(w, lc, 2 * allowed) < 0) {
        continue;
      }
      int d = distance(w, lc);
      if (d < bestDistance || (d == bestDistance && best != null && c.compareTo(best) < 0)) {
        bestDistance = d;
        best = c;
      }
    }
    return best != null && bestDistance <= allowed ? best : null;
  }

  private static final int BUCKETS = 64;

  private static int bucket(char ch) {
    return ch & (BUCKETS - 1);
  }

  /**
   * Optimal string alignment distance (Levenshtein plus adjacent transpositions). Quadratic: only
   * for short strings ({@link #closest} calls it on at most {@value #MAX_LENGTH} characters).
   */
  public static int distance(String a, String b) {
    if (a.length() > MAX_LENGTH || b.length() > MAX_LENGTH) {
      return StringUtils.getLevenshteinDistance(a, b);
    }
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

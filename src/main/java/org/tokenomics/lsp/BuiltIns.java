package org.tokenomics.lsp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tokenomics.units.Units;

/** What the language itself defines, for hover and completion (LANGUAGE.md §3, §6, §7). */
final class BuiltIns {
  private BuiltIns() {}

  static final Map<String, String> SERIES = new LinkedHashMap<>();
  static final Map<String, String> FUNCTIONS = new LinkedHashMap<>();
  static final List<String> KEYWORDS = List.of("timeline", "to", "yearly", "quarterly", "monthly", "param", "let", "report",
      "assert", "kind", "fn", "import", "scenario", "solve", "correlate", "for", "so", "that", "within", "if", "then", "else", "and",
      "or", "not", "as", "true", "false", "unit");
  static final Set<String> UNITS = new Units().names();

  static {
    SERIES.put("t", "time from the timeline's start to the period's start (yr); 0 in the first period");
    SERIES.put("dt", "the period's length: 1 month, 1 quarter or 1 yr");
    SERIES.put("date", "the period's start, a date");
    SERIES.put("year", "the calendar year of the period, a plain number");
    SERIES.put("period", "the period's index: 0, 1, 2 …");

    // Functions come from the one registry the checker reads.
    org.tokenomics.check.BuiltinFunctions.all().forEach(e -> FUNCTIONS.put(e.name(), e.doc()));
  }
}

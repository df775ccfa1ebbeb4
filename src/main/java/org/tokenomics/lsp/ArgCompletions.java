package org.tokenomics.lsp;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tokenomics.check.BuiltinFunctions;

/**
 * Completion inside a built-in call, read from the text (it may not parse while the user types):
 * after {@code interpolate:} or {@code aggregate:} the words the argument takes; elsewhere in the
 * call the function's labels ({@code interpolate:}, {@code column:} …) besides the usual names.
 */
final class ArgCompletions {
  private static final Pattern LABEL = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*:\\s*([A-Za-z_]*)$");
  private static final Pattern NAME = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*$");

  private ArgCompletions() {}

  /** What to offer at {@code offset}: words (only they fit), labels (besides names), or nothing. */
  record Offer(List<String> words, List<String> labels) {}

  static Offer at(String text, int offset) {
    String before = text.substring(Math.max(0, offset - 2000), Math.min(offset, text.length()));
    String fn = enclosingCall(before);
    if (fn == null || BuiltinFunctions.get(fn) == null) {
      return new Offer(List.of(), List.of());
    }
    Matcher m = LABEL.matcher(before);
    if (m.find()) {
      List<String> words = BuiltinFunctions.words(fn, m.group(1));
      if (!words.isEmpty()) {
        return new Offer(words, List.of());
      }
    }
    List<String> labels = new ArrayList<>();
    BuiltinFunctions.get(fn).params().forEach(p -> labels.add(p.label()));
    return new Offer(List.of(), labels);
  }

  /** The name before the innermost '(' still open at the end of {@code before}, or null. */
  private static String enclosingCall(String before) {
    int depth = 0;
    for (int i = before.length() - 1; i >= 0; i--) {
      char c = before.charAt(i);
      if (c == ')' || c == ']') {
        depth++;
      } else if (c == '[' && depth > 0) {
        depth--;
      } else if (c == '(') {
        if (depth > 0) {
          depth--;
          continue;
        }
        Matcher m = NAME.matcher(before.substring(Math.max(0, i - 100), i));
        return m.find() ? m.group(1) : null;
      } else if (c == '\n' && depth == 0 && i < before.length() - 1 && before.substring(i + 1).isBlank()) {
        return null;
      }
    }
    return null;
  }
}

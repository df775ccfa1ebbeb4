package org.tokenomics.check;

import java.util.List;
import java.util.Map;
import org.tokenomics.diag.Code;
import org.tokenomics.diag.Suggest;
import org.tokenomics.syntax.Expr;

/**
 * Arguments that are a word from a fixed list rather than an expression: {@code timing: end|mid|start}
 * of npv, irr and payback (LANGUAGE.md §14) and {@code by: yr|quarter} of a roll-up (§13). The
 * word is read from the syntax, never checked as a name, so {@code mid} needs no declaration and
 * {@code yr} is not taken for a unit. The language server completes the same words.
 */
public final class WordArgs {
  private static final List<String> TIMING = List.of("end", "mid", "start");
  private static final List<String> BY = List.of("yr", "quarter");
  private static final Map<String, Map<String, List<String>>> WORDS = Map.of(
      "npv", Map.of("timing", TIMING), "irr", Map.of("timing", TIMING), "payback", Map.of("timing", TIMING),
      "sum", Map.of("by", BY), "mean", Map.of("by", BY), "min", Map.of("by", BY), "max", Map.of("by", BY),
      "first", Map.of("by", BY), "last", Map.of("by", BY));

  private WordArgs() {}

  /**
   * The words the argument {@code label} of the built-in {@code fn} takes, or null when it takes
   * an expression.
   *
   * @param fn    a built-in function's name
   * @param label a parameter's label
   * @return the words, in the order the manual lists them, or null
   */
  public static List<String> of(String fn, String label) {
    Map<String, List<String>> byLabel = WORDS.get(fn);
    return byLabel == null ? null : byLabel.get(label);
  }

  /** The word written for {@code label}; reports TOK302 (with a did-you-mean) and returns null when it is not one. */
  static String word(Checker ck, Ctx ctx, String fn, String label, Expr value) {
    List<String> words = of(fn, label);
    String written = value instanceof Expr.Name n ? n.name() : null;
    if (written != null && words.contains(written)) {
      return written;
    }
    String near = written == null ? null : Suggest.closest(written, words);
    ck.error(ctx, Code.TOK302, value.span(), fn + "'s " + label + ": must be one of " + String.join(", ", words),
        near != null ? "did you mean " + label + ": " + near + "?" : "e.g. " + fn + "(…, " + label + ": " + words.get(0) + ")");
    return null;
  }
}

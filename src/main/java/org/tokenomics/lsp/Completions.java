package org.tokenomics.lsp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.tokenomics.syntax.Decl;
import org.tokenomics.syntax.Printer;

/**
 * Completion: after {@code inst.} the instance's attributes; at the start of a setting inside an
 * instance block the kind's params not yet set; elsewhere the names in scope (the block's own
 * attributes first), functions, built-in series, units and keywords.
 */
final class Completions {
  private Completions() {}

  static List<CompletionItem> at(Analysis a, int offset) {
    Positions.Word w = Positions.wordAt(a.text, offset);
    String prefix = a.text.substring(w.start(), Math.min(offset, a.text.length()));
    Map<String, CompletionItem> items = new LinkedHashMap<>();
    String family = familyBefore(a, w.start());
    if (family != null) {
      // NAME[ of a family: its members' keys (LANGUAGE.md §15), read off the compiled model's cells
      for (String key : memberKeys(a, family)) {
        add(items, item(key, CompletionItemKind.EnumMember, "member " + family + "[" + key + "]", "0"));
      }
      return filter(items, prefix);
    }
    if (w.qualifier() != null) {
      // a member (vintage[2026].) or, inside total(…), the family (vintage.) has the kind's attributes
      String inst = a.index.instanceAt(w.qualifier().replaceAll("\\[[^\\]]*\\]", ""));
      Decl.Kind kind = inst == null ? null : a.index.kindOf(inst);
      if (kind != null) {
        kind.members().forEach(m -> add(items, member(m, "0")));
      }
      return filter(items, prefix);
    }
    List<String> words = wordArgument(a.text, w.start());
    if (words != null) { // timing: end|mid|start, by: yr|quarter (LANGUAGE.md §13–§14): only the words fit
      words.forEach(x -> add(items, item(x, CompletionItemKind.EnumMember, "word", "0")));
      return filter(items, prefix);
    }
    ArgCompletions.Offer inCall = ArgCompletions.at(a.text, offset);
    if (!inCall.words().isEmpty()) {
      inCall.words().forEach(x -> add(items, item(x, CompletionItemKind.EnumMember, "interpolation or aggregation", "0")));
      return filter(items, prefix);
    }
    inCall.labels().forEach(x -> add(items, item(x + ":", CompletionItemKind.Property, "argument label", "0")));
    Block block = Block.at(a.text, offset);
    if (block != null && block.kind().equals("kind")) {
      Decl.Kind k = a.index.kinds.get(block.name());
      if (k != null) {
        k.members().forEach(m -> add(items, member(m, "0")));
      }
    } else if (block != null && !block.kind().equals("scenario")) {
      Decl.Kind kind = a.index.kinds.get(block.kind());
      if (kind != null) {
        if (atTarget(a.text, offset, w.start())) {
          java.util.Set<String> set = block.targets(a.text, offset);
          for (Decl.Member m : kind.members()) {
            if (m.isParam() && !set.contains(m.name())) {
              add(items, member(m, "0"));
            }
          }
          return filter(items, prefix);
        }
        kind.members().forEach(m -> add(items, member(m, "0")));
        if (block.key() != null) {
          add(items, item(block.key(), CompletionItemKind.Variable, "the member's key", "0"));
        }
      }
    } else if (a.enclosing(offset) instanceof Decl.Fn f) {
      f.params().forEach(p -> add(items, item(p.name(), CompletionItemKind.Variable, "parameter", "0")));
    }
    for (Index.Symbol s : a.index.globals.values()) {
      add(items, item(s.name(), kindOf(s.what()), s.what().name().toLowerCase(java.util.Locale.ROOT), "1"));
    }
    a.index.kinds.keySet().forEach(k -> add(items, item(k, CompletionItemKind.Class, "kind", "2")));
    BuiltIns.FUNCTIONS.forEach((n, doc) -> add(items, item(n, CompletionItemKind.Function, doc, "3")));
    BuiltIns.SERIES.forEach((n, doc) -> add(items, item(n, CompletionItemKind.Constant, doc, "3")));
    BuiltIns.UNITS.forEach(u -> add(items, item(u, CompletionItemKind.Unit, "unit", "4")));
    BuiltIns.KEYWORDS.forEach(k -> add(items, item(k, CompletionItemKind.Keyword, "keyword", "5")));
    return filter(items, prefix);
  }

  /**
   * The block around the cursor, read from the text (it may not parse while the user types):
   * {@code KIND NAME {} or {@code kind NAME {} or {@code scenario NAME {}, with where its '{' is.
   */
  record Block(String kind, String name, int open, String key) {
    /** {@code KIND NAME}, or a family's {@code KIND NAME[KEY in RANGE]} (group 3: KEY). */
    private static final java.util.regex.Pattern HEADER = java.util.regex.Pattern.compile(
        "([A-Za-z_][A-Za-z0-9_]*)\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*(?:\\[\\s*([A-Za-z_][A-Za-z0-9_]*)\\s+in\\b[^\\]]*\\]\\s*)?$");
    private static final java.util.regex.Pattern TARGET =
        java.util.regex.Pattern.compile("(?:^|[{;\\n])\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*=(?!=)");

    static Block at(String text, int offset) {
      int depth = 0;
      for (int i = Math.min(offset, text.length()) - 1; i >= 0; i--) {
        char c = text.charAt(i);
        if (c == '}') {
          depth++;
        } else if (c == '{') {
          if (depth == 0) {
            int lineStart = text.lastIndexOf('\n', i - 1) + 1;
            java.util.regex.Matcher m = HEADER.matcher(text.substring(lineStart, i));
            return m.find() ? new Block(m.group(1), m.group(2), i, m.group(3)) : null;
          }
          depth--;
        }
      }
      return null;
    }

    /** The attributes the block sets, apart from the one being typed at {@code offset}. */
    java.util.Set<String> targets(String text, int offset) {
      int close = text.indexOf('}', open);
      String body = text.substring(open, close < 0 ? text.length() : close);
      java.util.Set<String> out = new java.util.HashSet<>();
      java.util.regex.Matcher m = TARGET.matcher(body);
      while (m.find()) {
        int at = open + m.start(1);
        if (at > offset || open + m.end(1) < offset) {
          out.add(m.group(1));
        }
      }
      return out;
    }
  }

  /** The family whose members' keys go at {@code wordStart} ({@code NAME[} just before it), or null. */
  private static String familyBefore(Analysis a, int wordStart) {
    int i = wordStart;
    while (i > 0 && a.text.charAt(i - 1) == ' ') {
      i--;
    }
    if (i == 0 || a.text.charAt(i - 1) != '[') {
      return null;
    }
    int end = i - 1;
    int s = end;
    while (s > 0 && (Character.isLetterOrDigit(a.text.charAt(s - 1)) || a.text.charAt(s - 1) == '_')) {
      s--;
    }
    String name = a.text.substring(s, end);
    Decl.Instance in = a.index.instances.get(name);
    return in != null && in.family() != null ? name : null;
  }

  /** The keys of a family's members, in order, from its declaration (at most 1,000 offered). */
  private static List<String> memberKeys(Analysis a, String family) {
    List<String> keys = org.tokenomics.check.FamilySym.keys(a.index.instances.get(family).family());
    return keys.size() > 1000 ? keys.subList(0, 1000) : keys;
  }

  private static final java.util.regex.Pattern LABEL =
      java.util.regex.Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*:\\s*$");
  private static final java.util.regex.Pattern CALLEE =
      java.util.regex.Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*$");

  /**
   * The words an argument takes when the cursor is at its value ({@code npv(x, 8 %, timing: |)}):
   * the label before the cursor and the function whose '(' is open there, looked up in
   * {@link org.tokenomics.check.WordArgs}; null elsewhere.
   */
  static List<String> wordArgument(String text, int wordStart) {
    java.util.regex.Matcher label = LABEL.matcher(text.substring(Math.max(0, wordStart - 40), wordStart));
    if (!label.find()) {
      return null;
    }
    int depth = 0;
    for (int i = wordStart - 1; i >= 0 && text.charAt(i) != '\n'; i--) {
      char c = text.charAt(i);
      if (c == ')') {
        depth++;
      } else if (c == '(') {
        if (depth == 0) {
          java.util.regex.Matcher fn = CALLEE.matcher(text.substring(Math.max(0, i - 40), i));
          return fn.find() ? org.tokenomics.check.WordArgs.of(fn.group(1), label.group(1)) : null;
        }
        depth--;
      }
    }
    return null;
  }

  /** True where a setting's target goes: nothing but spaces since the block's '{', a ';' or a line break. */
  private static boolean atTarget(String text, int offset, int wordStart) {
    for (int i = wordStart - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (c == '{' || c == ';' || c == '\n') {
        return true;
      }
      if (c != ' ' && c != '\t' && c != '\r') {
        return false;
      }
    }
    return true;
  }

  private static CompletionItem member(Decl.Member m, String rank) {
    String detail = (m.isParam() ? "param" : "let") + (m.type() == null ? "" : ": " + Printer.unit(m.type()))
        + (m.isParam() && m.value() == null ? " (required)" : m.value() != null ? " = " + Printer.expr(m.value()) : "");
    return item(m.name(), CompletionItemKind.Property, detail, rank);
  }

  private static CompletionItem item(String label, CompletionItemKind kind, String detail, String rank) {
    CompletionItem c = new CompletionItem(label);
    c.setKind(kind);
    c.setDetail(detail);
    c.setSortText(rank + label);
    return c;
  }

  private static void add(Map<String, CompletionItem> items, CompletionItem c) {
    items.putIfAbsent(c.getLabel(), c);
  }

  private static List<CompletionItem> filter(Map<String, CompletionItem> items, String prefix) {
    List<CompletionItem> out = new ArrayList<>();
    for (CompletionItem c : items.values()) {
      if (c.getLabel().startsWith(prefix)) {
        out.add(c);
      }
    }
    return out;
  }

  private static CompletionItemKind kindOf(Index.What what) {
    return switch (what) {
      case FN -> CompletionItemKind.Function;
      case INSTANCE -> CompletionItemKind.Module;
      case KIND -> CompletionItemKind.Class;
      case UNIT -> CompletionItemKind.Unit;
      case PARAM, LET, SOLVE -> CompletionItemKind.Variable;
      default -> CompletionItemKind.Value;
    };
  }
}

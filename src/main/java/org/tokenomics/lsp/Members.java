package org.tokenomics.lsp;

import java.util.List;
import org.tokenomics.check.CellSym;
import org.tokenomics.eval.EvalError;
import org.tokenomics.syntax.Decl;

/**
 * A family's member written {@code NAME[KEY]} (LANGUAGE.md §15) under the cursor, on the name or
 * on the key: hover says which member it is and what its block sets it to; go to definition
 * jumps to the family's declaration.
 */
final class Members {
  private Members() {}

  /** A member reference: the family's declaration, and the key as written. */
  record Member(Decl.Instance family, String key) {
    String name() {
      return family.name() + "[" + key + "]";
    }
  }

  /** The member at the word ({@code vintage} or {@code 2026} in {@code vintage[2026]}), or null. */
  static Member at(Analysis a, Positions.Word w) {
    String text = a.text;
    if (w == null || w.text().isEmpty() || w.qualifier() != null) {
      return null;
    }
    int open = w.end();
    while (open < text.length() && text.charAt(open) == ' ') {
      open++;
    }
    String name = w.text();
    if (open >= text.length() || text.charAt(open) != '[') {
      // on the key: NAME[ before the word
      open = w.start() - 1;
      while (open >= 0 && text.charAt(open) == ' ') {
        open--;
      }
      if (open <= 0 || text.charAt(open) != '[') {
        return null;
      }
      int s = open;
      while (s > 0 && (Character.isLetterOrDigit(text.charAt(s - 1)) || text.charAt(s - 1) == '_')) {
        s--;
      }
      name = text.substring(s, open);
    }
    int close = text.indexOf(']', open);
    int eol = text.indexOf('\n', open);
    if (close < 0 || (eol >= 0 && eol < close)) {
      return null;
    }
    Decl.Instance in = a.index.instances.get(name);
    String key = text.substring(open + 1, close).strip();
    return in == null || in.family() == null || key.isEmpty() || key.contains(" in ") ? null : new Member(in, key);
  }

  /** Markdown for a member: which one it is, and the values of what its block sets. */
  static String hover(Analysis a, Member m) {
    Decl.Instance in = m.family();
    List<String> keys = org.tokenomics.check.FamilySym.keys(in.family());
    int at = keys.indexOf(m.key());
    StringBuilder b = new StringBuilder();
    b.append("**member** `").append(m.name()).append("` of the family `").append(in.name()).append("` (kind `")
        .append(in.kind()).append("`)\n\n");
    if (at >= 0) {
      b.append("member ").append(at + 1).append(" of ").append(keys.size()).append(": `").append(in.family().var())
          .append("` = ").append(m.key()).append('\n');
    } else {
      b.append("keys: ").append(keys.isEmpty() ? "none" : keys.get(0) + " to " + keys.get(keys.size() - 1)).append('\n');
    }
    if (at >= 0 && a.model != null) {
      for (Decl.Assign set : in.sets()) {
        CellSym cell = a.cell(m.name() + "." + set.target());
        if (cell == null || cell.type().isError() || !cell.type().isNumber()) {
          continue;
        }
        try {
          b.append("\n- `").append(set.target()).append("` = ").append(Hovers.show(a, cell.type(), a.values(cell),
              a.model.program().timeline().labelList()));
        } catch (EvalError e) {
          b.append("\n- `").append(set.target()).append("` does not evaluate: ").append(e.getMessage());
        }
      }
      b.append('\n');
    }
    Index.Symbol family = a.index.globals.get(in.name());
    if (family != null && family.span() != null && family.span().line() > 0 && family.source() != null) {
      b.append("\n```tok\n").append(family.source().file().line(family.span().line()).strip()).append("\n```\n");
    }
    return b.toString();
  }
}

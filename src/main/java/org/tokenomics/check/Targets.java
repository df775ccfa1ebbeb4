package org.tokenomics.check;

import org.tokenomics.diag.Code;
import org.tokenomics.diag.Suggest;
import org.tokenomics.syntax.Span;

/** Finds the param a scenario, {@code --set}, an API override or a solve names: {@code x} or {@code inst.attr}. */
final class Targets {
  private Targets() {}

  static CellSym find(Checker ck, String target, Span span, Ctx ctx, String what) {
    String[] parts = target.split("\\.", 2);
    String member = Families.targetMember(ck, parts[0], span, ctx);
    if (member != null && member.isEmpty()) {
      return null; // NAME[KEY] with a key that is not a member: reported
    }
    if (member != null) {
      parts[0] = member;
    }
    CellSym cell = null;
    Object global = ck.globals.get(parts[0]);
    if (parts.length == 2) {
      if (global instanceof InstanceSym inst) {
        cell = inst.attrs.get(parts[1]);
        if (cell == null) {
          String near = Suggest.closest(parts[1], inst.attrs.keySet());
          ck.error(ctx, Code.TOK402, span, inst.kind().name() + " " + inst.name() + " has no attribute '" + parts[1] + "'",
              near == null ? null : "did you mean " + parts[0] + "." + near + "?");
          return null;
        }
      }
    } else if (global instanceof CellSym c) {
      cell = c;
    }
    if (cell == null) {
      java.util.List<String> names = new java.util.ArrayList<>();
      ck.globals.forEach((k, v) -> {
        if (v instanceof CellSym c && c.isParam()) {
          names.add(k);
        } else if (v instanceof InstanceSym inst) {
          inst.attrs.forEach((attr, c) -> {
            if (c.isParam()) {
              names.add(k + "." + attr);
            }
          });
        }
      });
      String near = Suggest.closest(target, names);
      ck.error(ctx, Code.TOK200, span, "unknown param '" + target + "'", near == null ? null : "did you mean " + near + "?");
      return null;
    }
    if (!cell.isParam()) {
      ck.error(ctx, Code.TOK403, span, "cannot " + what + " " + target + ": it is derived (a let), not a param",
          "declare it with 'param' to make it an input");
      return null;
    }
    return cell;
  }
}

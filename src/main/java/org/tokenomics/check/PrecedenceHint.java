package org.tokenomics.check;

import java.util.ArrayDeque;
import java.util.Deque;
import org.tokenomics.syntax.Expr;
import org.tokenomics.syntax.SourceFile;
import org.tokenomics.syntax.Span;

/**
 * The precedence trap of a compound unit after a divisor: a number takes only the first unit
 * written after it, so {@code spot / 6.98 $/GPU/h} is {@code spot / (6.98 $) / GPU / h}. When a
 * dimension check fails (TOK300) on an expression holding such a division, its help suggests the
 * parentheses. Only unit names (not values) after the literal count, so {@code x / 2 GPU / gpus}
 * is not taken for the trap.
 */
final class PrecedenceHint {
  /** How many syntax nodes are looked at at most: the search is a hint, never a cost. */
  private static final int BUDGET = 10_000;

  private PrecedenceHint() {}

  /** The help for a TOK300 on {@code root}, or null when it holds no division by a literal followed by units. */
  static String help(Checker ck, Expr root) {
    if (root == null || root.span() == null) {
      return null;
    }
    SourceFile src = ck.diags.source(root.span().file());
    if (src == null) {
      return null;
    }
    Deque<Expr> todo = new ArrayDeque<>();
    todo.push(root);
    int budget = BUDGET;
    while (!todo.isEmpty() && budget-- > 0) {
      Expr e = todo.pop();
      Expr.Binary trap = e instanceof Expr.Binary b ? trap(ck, b) : null;
      if (trap != null) {
        Span lit = trap.right().span();
        Span whole = new Span(lit.file(), lit.line(), lit.column(), e.span().endLine(), e.span().endColumn(),
            lit.start(), e.span().end()); // from the literal to the chain's last unit
        String left = src.slice(trap.left().span()).strip();
        if (trap.left() instanceof Expr.Binary && !left.startsWith("(")) {
          left = "(" + left + ")";
        }
        return Messages.precedenceHelp(src.slice(lit).strip(), src.slice(whole).strip(), left);
      }
      children(e, todo);
    }
    return null;
  }

  /** The division by a literal at the bottom of {@code top}'s chain of units, or null. */
  private static Expr.Binary trap(Checker ck, Expr.Binary top) {
    if (!isUnitStep(ck, top)) {
      return null;
    }
    Expr cur = top.left();
    while (cur instanceof Expr.Binary b && isUnitStep(ck, b)) {
      cur = b.left();
    }
    return cur instanceof Expr.Binary d && d.op().equals("/")
        && (d.right() instanceof Expr.Quantity || d.right() instanceof Expr.Money) ? d : null;
  }

  /** {@code … * UNIT} or {@code … / UNIT} with a name that is a unit and no value. */
  private static boolean isUnitStep(Checker ck, Expr.Binary b) {
    return (b.op().equals("*") || b.op().equals("/")) && b.right() instanceof Expr.Name n
        && ck.units.get(n.name()) != null && !ck.globals.containsKey(n.name());
  }

  private static void children(Expr e, Deque<Expr> todo) {
    if (e instanceof Expr.Binary b) {
      todo.push(b.right());
      todo.push(b.left());
    } else if (e instanceof Expr.Unary u) {
      todo.push(u.operand());
    } else if (e instanceof Expr.Call c) {
      c.args().forEach(a -> todo.push(a.value()));
    } else if (e instanceof Expr.If i) {
      todo.push(i.otherwise());
      todo.push(i.then());
      todo.push(i.cond());
    }
  }
}

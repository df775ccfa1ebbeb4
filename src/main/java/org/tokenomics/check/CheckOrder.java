package org.tokenomics.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tokenomics.syntax.Expr;

/**
 * An order to check cells in so that each cell's references are usually checked before it:
 * a post-order over the names each expression mentions, found without recursion. Checking in
 * this order keeps the checker's own recursion shallow even for a chain of 50,000 lets.
 */
final class CheckOrder {
  private CheckOrder() {}

  static List<CellSym> of(Checker ck) {
    List<CellSym> order = new ArrayList<>();
    Set<CellSym> done = new HashSet<>();
    Deque<Object[]> stack = new ArrayDeque<>(); // {cell, iterator of its references}
    for (CellSym root : new ArrayList<>(ck.cells)) {
      if (done.contains(root)) {
        continue;
      }
      done.add(root);
      stack.push(new Object[] {root, references(ck, root).iterator()});
      while (!stack.isEmpty()) {
        @SuppressWarnings("unchecked")
        Iterator<CellSym> it = (Iterator<CellSym>) stack.peek()[1];
        if (it.hasNext()) {
          CellSym next = it.next();
          if (done.add(next)) {
            stack.push(new Object[] {next, references(ck, next).iterator()});
          }
        } else {
          order.add((CellSym) stack.pop()[0]);
        }
      }
    }
    return order;
  }

  /** The cells an expression names directly (an over- or under-approximation is harmless). */
  private static Set<CellSym> references(Checker ck, CellSym cell) {
    Set<CellSym> refs = new LinkedHashSet<>();
    List<Expr> roots = new ArrayList<>();
    if (cell.expr != null) {
      roots.add(cell.expr);
    }
    if (cell.solve != null) {
      roots.add(cell.solve.lhs());
      if (cell.solve.rhs() != null) {
        roots.add(cell.solve.rhs());
      }
    }
    Deque<Expr> todo = new ArrayDeque<>(roots);
    InstanceSym self = cell.ctx == null ? null : cell.ctx.self();
    while (!todo.isEmpty()) {
      Expr e = todo.pop();
      if (e instanceof Expr.Name n) {
        CellSym own = self == null ? null : self.attrs.get(n.name());
        Object global = ck.globals.get(n.name());
        if (own != null && own != cell) {
          refs.add(own);
        } else if (global instanceof CellSym c) {
          refs.add(c);
        }
      } else if (e instanceof Expr.Attr a) {
        if (a.target() instanceof Expr.Name n && ck.globals.get(n.name()) instanceof InstanceSym inst
            && inst.attrs.containsKey(a.name())) {
          refs.add(inst.attrs.get(a.name()));
        } else {
          todo.push(a.target());
        }
      } else {
        e.children().forEach(todo::push);
      }
    }
    return refs;
  }
}

package org.tokenomics.check;

import java.util.ArrayDeque;
import java.util.Deque;
import org.tokenomics.syntax.Expr;

/** How often a function body mentions a parameter (without recursion). */
final class Uses {
  private Uses() {}

  static int count(Expr body, String name) {
    int n = 0;
    Deque<Expr> todo = new ArrayDeque<>();
    todo.push(body);
    while (!todo.isEmpty()) {
      Expr e = todo.pop();
      if (e instanceof Expr.Name x) {
        n += x.name().equals(name) ? 1 : 0;
      } else if (e instanceof Expr.Attr a) {
        todo.push(a.target());
      } else if (e instanceof Expr.Index i) {
        todo.push(i.target());
        todo.push(i.index());
      } else if (e instanceof Expr.Call c) {
        c.args().forEach(a -> todo.push(a.value()));
      } else if (e instanceof Expr.Unary u) {
        todo.push(u.operand());
      } else if (e instanceof Expr.Binary b) {
        todo.push(b.left());
        todo.push(b.right());
      } else if (e instanceof Expr.If i) {
        todo.push(i.cond());
        todo.push(i.then());
        todo.push(i.otherwise());
      }
    }
    return n;
  }
}

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
      if (e instanceof Expr.Name x && x.name().equals(name)) {
        n++;
      }
      e.children().forEach(todo::push);
    }
    return n;
  }
}

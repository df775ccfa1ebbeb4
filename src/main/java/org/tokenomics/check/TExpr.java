package org.tokenomics.check;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tokenomics.time.TimeVar;
import org.tokenomics.syntax.Span;

/**
 * The typed form of a checked expression: names resolved to cells ({@link CellRef}), units
 * checked and erased (values in base units), user functions inlined. It is what the checker
 * produces and the {@link NodeBuilder} turns into evaluation nodes; a cell's dependencies are the
 * cells its typed form refers to ({@link #refs}).
 */
public sealed interface TExpr permits TExpr.Lit, TExpr.CellRef, TExpr.Time, TExpr.Op {
  /** Its type (a series when it varies by period). */
  Type type();

  /** Where it is written (for errors at evaluation). */
  Span span();

  /** The expressions it reads; an absent optional argument is null. */
  List<TExpr> args();

  /** A number, bool (1/0) or date (model time), in base units. */
  record Lit(double value, Type type, Span span) implements TExpr {
    @Override
    public List<TExpr> args() {
      return List.of();
    }
  }

  /** The value of another cell. */
  record CellRef(int slot, Type type, Span span) implements TExpr {
    @Override
    public List<TExpr> args() {
      return List.of();
    }
  }

  /** A built-in series: {@code t}, {@code dt}, {@code date}, {@code year}, {@code period}. */
  record Time(TimeVar which, Type type, Span span) implements TExpr {
    @Override
    public List<TExpr> args() {
      return List.of();
    }
  }

  /**
   * An operation: an operator ({@code +}, {@code <}, {@code if}, {@code neg} …), a built-in
   * function by its registry name, or one of the few internal operations ({@code at},
   * {@code inperiod}, {@code minmax}, {@code median}, {@code plugin}); {@code data} carries what
   * the operation needs besides its arguments (a reduction's kind, a plugin function …).
   */
  record Op(String op, List<TExpr> args, Type type, Span span, Object data) implements TExpr {
    public Op {
      args = Collections.unmodifiableList(Arrays.asList(args.toArray(new TExpr[0])));
    }
  }

  /** An operation without extra data. */
  static Op op(String op, Type type, Span span, TExpr... args) {
    return new Op(op, Arrays.asList(args), type, span, null);
  }

  /**
   * The slots of the cells the given expressions refer to, in first-seen order. Iterative, and
   * visits a subtree shared by several parents once (a function's arguments are shared, not copied).
   */
  static int[] refs(TExpr... roots) {
    Set<Integer> slots = new LinkedHashSet<>();
    Set<TExpr> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<TExpr> todo = new ArrayDeque<>();
    for (int i = roots.length - 1; i >= 0; i--) {
      if (roots[i] != null) {
        todo.push(roots[i]);
      }
    }
    while (!todo.isEmpty()) {
      TExpr e = todo.pop();
      if (!seen.add(e)) {
        continue;
      }
      if (e instanceof CellRef r) {
        slots.add(r.slot());
        continue;
      }
      List<TExpr> kids = e.args();
      for (int i = kids.size() - 1; i >= 0; i--) {
        if (kids.get(i) != null) {
          todo.push(kids.get(i));
        }
      }
    }
    return slots.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The value of an expression of literals and arithmetic on them, or null (used for exponents). */
  static Double constant(TExpr e) {
    if (e instanceof Lit l) {
      return l.value();
    }
    if (!(e instanceof Op o)) {
      return null;
    }
    Double a = o.args().isEmpty() || o.args().get(0) == null ? null : constant(o.args().get(0));
    Double b = o.args().size() < 2 || o.args().get(1) == null ? null : constant(o.args().get(1));
    return switch (o.op()) {
      case "neg" -> a == null ? null : -a;
      case "+" -> a == null || b == null ? null : a + b;
      case "-" -> a == null || b == null ? null : a - b;
      case "*" -> a == null || b == null ? null : a * b;
      case "/" -> a == null || b == null || b == 0 ? null : a / b;
      case "^" -> a == null || b == null ? null : Math.pow(a, b);
      default -> null;
    };
  }
}

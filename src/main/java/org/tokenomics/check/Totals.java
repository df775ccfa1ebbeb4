package org.tokenomics.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tokenomics.diag.Code;
import org.tokenomics.syntax.Expr;

/**
 * {@code total(EXPR)} (LANGUAGE.md §15): EXPR names one family ({@code vintage.cash}) or one kind
 * ({@code rental.cash}: every instance of it, family members included); it is checked once per
 * member with that name bound to the member, and the terms are added in the members' order (one
 * {@code total} operation, so explain shows what each member contributes).
 */
final class Totals {
  private Totals() {}

  static Typed check(Checker ck, ExprChecker ex, Expr.Call c, Ctx ctx) {
    Map<String, Expr> bound = ex.calls().bind(c, ctx, BuiltinFunctions.get("total").binderNames());
    if (bound == null) {
      return Typed.ERROR;
    }
    Expr x = bound.get("x");
    Set<String> names = wide(ck, x, ctx, true);
    String text = ctx.file() == null || x.span() == null ? "…" : ctx.file().slice(x.span()).strip();
    if (names.isEmpty()) {
      ck.error(ctx, Code.TOK302, c.span(), FamilyMessages.totalOfNothing(text), FamilyMessages.TOTAL_NOTHING_HELP);
      return Typed.ERROR;
    }
    if (names.size() > 1) {
      List<String> two = new ArrayList<>(names);
      ck.error(ctx, Code.TOK302, c.span(), FamilyMessages.totalMixes(two.get(0), two.get(1)),
          FamilyMessages.totalMixesHelp(two.get(0), two.get(1)));
      return Typed.ERROR;
    }
    String name = names.iterator().next();
    // Nested in another total over the same name, it does not depend on the outer member: check it once.
    Map<String, Typed> rest = new HashMap<>(ctx.fnArgs());
    Typed outer = rest.remove(name);
    boolean independent = outer != null && ck.totalBindings.contains(outer) && rest.isEmpty();
    Object key = List.of(c, ctx.self() == null ? "" : ctx.self());
    if (independent && ck.totals.containsKey(key)) {
      return ck.totals.get(key);
    }
    Typed sum = sum(ck, ex, c, ctx, x, name, text);
    if (independent && !sum.isError()) {
      sum = ex.calls().hoist(c.span(), sum);
      ck.totals.put(key, sum);
    }
    return sum;
  }

  private static Typed sum(Checker ck, ExprChecker ex, Expr.Call c, Ctx ctx, Expr x, String name, String text) {
    List<InstanceSym> members = members(ck, name);
    if (members.isEmpty() && ck.globals.get(name) instanceof FamilySym) {
      return Typed.ERROR; // a family whose declaration failed: reported there
    }
    if (members.isEmpty()) {
      ck.error(ctx, Code.TOK302, c.span(), FamilyMessages.totalNoInstances(name), null);
      return Typed.ERROR;
    }
    TExpr[] terms = new TExpr[members.size()];
    Type first = null;
    boolean series = false;
    for (int i = 0; i < terms.length; i++) {
      Map<String, Typed> args = new HashMap<>(ctx.fnArgs());
      Typed binding = new Typed(null, Type.instance(members.get(i)));
      ck.totalBindings.add(binding);
      args.put(name, binding);
      Ctx one = new Ctx(ctx.file(), ctx.self(), args, ctx.fnStack(), ctx.anchor(), ctx.anchorWhat());
      Typed t = ex.check(x, one);
      if (t.isError()) {
        return Typed.ERROR; // reported for this member; the others would say the same
      }
      if (!t.type().isNumber()) {
        ck.error(ctx, Code.TOK302, x.span(), FamilyMessages.totalNotNumber(t.type().describe()), null);
        return Typed.ERROR;
      }
      if (first == null) {
        first = t.type();
      } else if (!t.type().dim().equals(first.dim())) {
        ck.error(ctx, Code.TOK300, x.span(), "cannot add up " + text + ": it is " + first.describe() + " for "
            + members.get(0).name() + " and " + t.type().describe() + " for " + members.get(i).name(),
            "give every member the same unit, or add up members with the same one");
        return Typed.ERROR;
      }
      series |= t.type().series();
      terms[i] = t.expr();
    }
    Type type = first.asSeries(series);
    return new Typed(new TExpr.Op("total", java.util.Arrays.asList(terms), type, c.span(), name), type);
  }

  /** The members a family name or a kind name stands for, in declaration order. */
  static List<InstanceSym> members(Checker ck, String name) {
    if (ck.globals.get(name) instanceof FamilySym f) {
      return f.members();
    }
    List<InstanceSym> out = new ArrayList<>();
    for (Symbol s : ck.globals.values()) {
      if (s instanceof InstanceSym inst && inst.kind().name().equals(name)) {
        out.add(inst);
      }
    }
    return out;
  }

  /**
   * The families (and, with {@code kinds}, the kinds) that {@code e} reads as a whole, outside any
   * {@code total(…)} inside it and other than as {@code NAME[KEY]}; names hidden by a local name
   * (a function parameter, an attribute of the enclosing instance) or by a value do not count.
   */
  static Set<String> wide(Checker ck, Expr e, Ctx ctx, boolean kinds) {
    // A name an enclosing total bound to one member still means the whole family (or kind) here.
    Ctx outer = ctx;
    if (ctx.fnArgs().values().stream().anyMatch(ck.totalBindings::contains)) {
      Map<String, Typed> args = new HashMap<>(ctx.fnArgs());
      args.values().removeIf(ck.totalBindings::contains);
      outer = new Ctx(ctx.file(), ctx.self(), args, ctx.fnStack(), ctx.anchor(), ctx.anchorWhat());
    }
    Ctx look = outer;
    java.util.function.Predicate<String> family = n -> Families.named(ck, new Expr.Name(n, null), look) != null;
    java.util.function.Predicate<String> kind = n -> kinds && ck.kinds.containsKey(n) && !ck.globals.containsKey(n)
        && !look.fnArgs().containsKey(n) && (look.self() == null || !look.self().attrs.containsKey(n));
    return walk(e, family.or(kind), family);
  }

  /** The names of {@code families} that {@code e} reads as a whole (a syntactic look, before checking). */
  static Set<String> wideNames(Expr e, Set<String> families) {
    return walk(e, families::contains, families::contains);
  }

  private static Set<String> walk(Expr e, java.util.function.Predicate<String> wideName,
                                  java.util.function.Predicate<String> familyName) {
    Set<String> out = new LinkedHashSet<>();
    java.util.Deque<Expr> todo = new java.util.ArrayDeque<>();
    todo.push(e);
    while (!todo.isEmpty()) {
      Expr x = todo.pop();
      if (x instanceof Expr.Name n) {
        if (wideName.test(n.name())) {
          out.add(n.name());
        }
      } else if (x instanceof Expr.Attr a) {
        todo.push(a.target());
      } else if (x instanceof Expr.Index i) {
        if (!(i.target() instanceof Expr.Name n && familyName.test(n.name()))) {
          todo.push(i.target());
        }
        todo.push(i.index());
      } else if (x instanceof Expr.Call c) {
        if (!c.name().equals("total")) {
          c.args().forEach(a -> todo.push(a.value()));
        }
      } else if (x instanceof Expr.Unary u) {
        todo.push(u.operand());
      } else if (x instanceof Expr.Binary b) {
        todo.push(b.right());
        todo.push(b.left());
      } else if (x instanceof Expr.If i) {
        todo.push(i.otherwise());
        todo.push(i.then());
        todo.push(i.cond());
      }
    }
    return out;
  }
}

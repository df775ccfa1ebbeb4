package org.tokenomics.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tokenomics.diag.Code;
import org.tokenomics.diag.Suggest;
import org.tokenomics.syntax.Decl;
import org.tokenomics.syntax.Expr;

/** Function calls: the built-ins of LANGUAGE.md §6 and user functions, inlined at each call. */
final class Calls {
  private final Checker ck;
  private final ExprChecker ex;

  Calls(Checker ck, ExprChecker ex) {
    this.ck = ck;
    this.ex = ex;
  }

  Typed call(Expr.Call c, Ctx ctx) {
    if (c.name().equals("total") && !ck.fns.containsKey("total") && !ck.pluginFunctions.containsKey("total")) {
      return Totals.check(ck, ex, c, ctx);
    }
    BuiltinFunctions.Entry entry = BuiltinFunctions.get(c.name());
    // prev, and lag in its delayed form, read an earlier period without checking x now (LANGUAGE.md §10).
    if ((c.name().equals("prev") || c.name().equals("lag")) && !ck.fns.containsKey(c.name())
        && !ck.pluginFunctions.containsKey(c.name())) {
      Typed delayed = Prevs.call(ck, ex, this, c, ctx);
      if (delayed != null) {
        return delayed;
      }
    }
    // A whole-series operator is a cell of its own (cumsum and lag make theirs in their rule).
    boolean ownCell = entry != null && entry.shape() == BuiltinFunctions.Shape.WHOLE_SERIES
        && !c.name().equals("cumsum") && !c.name().equals("lag");
    if (ownCell && !ck.fns.containsKey(c.name()) && c.args().size() >= 1
        && !elementWise(c)) {
      return hoisted(c, () -> direct(c, ctx));
    }
    return direct(c, ctx);
  }

  /**
   * Checks {@code body} into a hidden cell of its own, so that a reduction inside a series
   * expression is computed once, not once per period (keeping evaluation linear), and so that
   * an argument a function body uses several times is computed once.
   */
  Typed hoisted(Expr e, java.util.function.Supplier<Typed> body) {
    return hoist(e.span(), body.get());
  }

  /** {@code t} as a hidden cell read through a reference (unless it is already that cheap). */
  Typed hoist(org.tokenomics.syntax.Span span, Typed t) {
    if (t.isError() || t.expr() == null || t.expr() instanceof TExpr.Lit || t.expr() instanceof TExpr.CellRef
        || t.type().tag() == Type.Tag.INSTANCE) {
      return t;
    }
    CellSym user = ck.current();
    String name = (user == null ? "" : user.name + "@") + span.line() + ":" + span.column();
    return ck.hidden(name, span, t.expr(), false, t.type());
  }

  private Typed direct(Expr.Call c, Ctx ctx) {
    Checker.FnDef user = ck.fns.get(c.name());
    if (user != null) {
      return userFunction(user, c, ctx);
    }
    org.tokenomics.spi.TokFunction plugin = ck.pluginFunctions.get(c.name());
    if (plugin != null) {
      return PluginCalls.call(ck, ex, this, plugin, c, ctx);
    }
    BuiltinFunctions.Entry entry = BuiltinFunctions.get(c.name());
    if (entry == null) {
      Set<String> names = new LinkedHashSet<>(BuiltinFunctions.names());
      names.addAll(ck.fns.keySet());
      names.addAll(ck.pluginFunctions.keySet());
      String near = Suggest.closest(c.name(), names);
      ck.error(ctx, Code.TOK200, c.nameSpan(), "unknown function '" + c.name() + "'",
          near == null ? null : "did you mean " + near + "(…)?");
      return Typed.ERROR;
    }
    if (entry.shape() == BuiltinFunctions.Shape.DISTRIBUTION) {
      ck.error(ctx, Code.TOK302, c.span(), "a distribution can only be the whole value of a param",
          "declare it as a param: param x = " + c.name() + "(…)");
      return Typed.ERROR;
    }
    if (elementWise(c)) {
      return minMax(c, ctx);
    }
    Map<String, Expr> bound = bind(c, ctx, entry.binderNames());
    if (bound == null) {
      return Typed.ERROR;
    }
    Map<String, Typed> args = new HashMap<>();
    boolean failed = false;
    for (Map.Entry<String, Expr> e : bound.entrySet()) {
      if (WordArgs.of(c.name(), e.getKey()) != null) { // a word (timing: mid), read by the rule from the syntax
        failed |= WordArgs.word(ck, ctx, c.name(), e.getKey(), e.getValue()) == null;
        continue;
      }
      if (BuiltinFunctions.raw(c.name(), e.getKey())) {
        continue; // a keyed list, word or string: the rule reads it as written
      }
      Typed t = ex.check(e.getValue(), ctx);
      failed |= t.isError();
      args.put(e.getKey(), t);
    }
    if (failed) {
      return Typed.ERROR;
    }
    return new BuiltIns(ck, ex, c, ctx, bound, args).build(entry);
  }

  /** {@code min(a, b, …)}/{@code max(a, b, …)}: element-wise (a roll-up's {@code by:} does not count as a value). */
  private static boolean elementWise(Expr.Call c) {
    return (c.name().equals("min") || c.name().equals("max"))
        && c.args().stream().filter(a -> !"by".equals(a.label())).count() > 1;
  }

  private Typed minMax(Expr.Call c, Ctx ctx) {
    List<Typed> xs = new ArrayList<>();
    for (Expr.Arg a : c.args()) {
      if (a.label() != null) {
        ck.error(ctx, Code.TOK302, a.span(), c.name() + " of several values takes no labels", null);
        return Typed.ERROR;
      }
      Typed t = ex.check(a.value(), ctx);
      if (t.isError()) {
        return Typed.ERROR;
      }
      xs.add(t);
    }
    for (int i = 1; i < xs.size(); i++) { // an unknown prev unit takes the others' (LANGUAGE.md §10)
      Typed[] u = PrevUnits.unify(ck, xs.get(0), xs.get(i));
      xs.set(0, u[0]);
      xs.set(i, u[1]);
    }
    Type first = xs.get(0).type();
    boolean series = false;
    TExpr[] args = new TExpr[xs.size()];
    for (int i = 0; i < xs.size(); i++) {
      Type t = xs.get(i).type();
      if (!(t.isNumber() || t.tag() == Type.Tag.DATE) || !t.sameShape(first)) {
        if (PrevUnits.unknown(t) || PrevUnits.unknown(first)) {
          return PrevUnits.silenced(ck); // PrevUnits.verify reports the prev whose unit is not known
        }
        ck.error(ctx, t.isNumber() && first.isNumber() ? Code.TOK300 : Code.TOK302, c.args().get(i).span(),
            c.name() + " needs values of one dimension: " + first.shortName() + " and " + t.shortName(), null);
        return Typed.ERROR;
      }
      series |= t.series();
      args[i] = xs.get(i).expr();
    }
    Type type = first.asSeries(series);
    return new Typed(new TExpr.Op("minmax", java.util.Arrays.asList(args), type, c.span(), c.name().equals("max")), type);
  }

  /** Matches positional and labelled arguments to parameter names; null after reporting TOK302. */
  Map<String, Expr> bind(Expr.Call c, Ctx ctx, String[] params) {
    Map<String, Expr> bound = new LinkedHashMap<>();
    List<String> names = new ArrayList<>();
    for (String p : params) {
      names.add(p.replace("?", ""));
    }
    int position = 0;
    for (Expr.Arg a : c.args()) {
      String name;
      if (a.label() == null) {
        if (position >= names.size()) {
          ck.error(ctx, Code.TOK302, a.span(), c.name() + " takes at most " + names.size() + " argument"
              + (names.size() == 1 ? "" : "s"), "its parameters: " + String.join(", ", names));
          return null;
        }
        name = names.get(position++);
      } else {
        name = a.label();
        if (!names.contains(name)) {
          String near = Suggest.closest(name, names);
          ck.error(ctx, Code.TOK302, a.span(), c.name() + " has no parameter '" + name + "'",
              near != null ? "did you mean " + near + ":?" : "its parameters: " + String.join(", ", names));
          return null;
        }
      }
      if (bound.containsKey(name)) {
        ck.error(ctx, Code.TOK302, a.span(), "'" + name + "' is given twice", null);
        return null;
      }
      bound.put(name, a.value());
    }
    for (String p : params) {
      if (!p.endsWith("?") && !bound.containsKey(p)) {
        ck.error(ctx, Code.TOK302, c.span(), c.name() + " needs '" + p + "'",
            "call it as " + c.name() + "(" + String.join(", ", names.stream().map(n -> n + ": …").toList()) + ")");
        return null;
      }
    }
    return bound;
  }

  private Typed userFunction(Checker.FnDef def, Expr.Call c, Ctx ctx) {
    Decl.Fn fn = def.decl();
    if (ctx.fnStack().contains(fn.name())) {
      List<String> path = new ArrayList<>(ctx.fnStack().subList(ctx.fnStack().indexOf(fn.name()), ctx.fnStack().size()));
      path.add(fn.name());
      ck.error(ctx, Code.TOK400, c.nameSpan(), "recursive function: " + String.join(" -> ", path),
          "Tok functions cannot call themselves; every evaluation must terminate");
      return Typed.ERROR;
    }
    if (ctx.fnStack().size() >= Checker.MAX_FUNCTION_DEPTH) {
      ck.error(ctx, Code.TOK600, c.span(), "functions call functions more than " + Checker.MAX_FUNCTION_DEPTH
          + " deep here (limit: max function depth " + Checker.MAX_FUNCTION_DEPTH + ")",
          "functions are inlined at each call; call the inner ones from a let instead");
      return Typed.ERROR;
    }
    String[] params = fn.params().stream().map(p -> p.defaultValue() == null ? p.name() : p.name() + "?")
        .toArray(String[]::new);
    Map<String, Expr> bound = bind(c, ctx, params);
    if (bound == null) {
      return Typed.ERROR;
    }
    if (++ck.inlined > ck.maxInlined) {
      if (ck.inlined == ck.maxInlined + 1) {
        ck.error(ctx, Code.TOK600, c.span(), "functions expand to more than " + ck.maxInlined
            + " calls (limit: max function expansions " + ck.maxInlined + ")", "functions are inlined at each call; nest them less");
      }
      return Typed.ERROR;
    }
    Map<String, Typed> args = new HashMap<>();
    for (Decl.FnParam p : fn.params()) {
      Expr given = bound.get(p.name());
      boolean reused = Uses.count(fn.body(), p.name()) > 1;
      Typed t = given == null ? ex.check(p.defaultValue(), Ctx.top(def.file()))
          : reused ? hoisted(given, () -> ex.check(given, ctx)) : ex.check(given, ctx);
      if (t.isError()) {
        return Typed.ERROR;
      }
      if (p.type() != null) {
        Type want = ck.unitResolver.type(p.type(), ck.reporter(Ctx.top(def.file())));
        if (!want.isError() && !(want.tag() == t.type().tag() && want.dim().equals(t.type().dim()))) {
          ck.error(ctx, Code.TOK300, given != null ? given.span() : c.span(), "argument " + p.name() + " of "
              + fn.name() + " is " + want.describe() + ", found " + t.type().describe(), null);
          return Typed.ERROR;
        }
      }
      args.put(p.name(), t);
    }
    Ctx inner = ctx.inFunction(def.file(), fn.name(), args);
    Typed result = ex.check(fn.body(), inner);
    // Every few levels of functions calling functions, the result becomes a cell of its own, so
    // that no node tree is deeper than a few bodies: evaluation never depends on the caller's stack.
    return inner.fnStack().size() % Checker.CELL_EVERY_FUNCTION_LEVELS == 0 ? hoist(c.span(), result) : result;
  }
}

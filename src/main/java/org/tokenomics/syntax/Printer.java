package org.tokenomics.syntax;

import java.util.List;

/**
 * AST → canonical Tok source, with the fewest parentheses that keep the tree. Parsing the output
 * gives an equal AST (spans aside), provided an unnamed report's label is its expression's printed
 * text, as it is for every report the parser builds from printed source. Comments are not in the
 * AST; {@link Formatter} is the tool that keeps them.
 */
public final class Printer {
  private Printer() {}

  // Binding strength, loose to tight (LANGUAGE.md §4).
  private static final int IF = 1;
  private static final int OR = 2;
  private static final int AND = 3;
  private static final int NOT = 4;
  private static final int CMP = 5;
  private static final int ADD = 6;
  private static final int MUL = 7;
  private static final int NEG = 8;
  private static final int POW = 9;
  private static final int POSTFIX = 10;

  /** A whole file: one declaration per line (blocks over several). */
  public static String print(List<Decl> decls) {
    StringBuilder out = new StringBuilder();
    for (Decl d : decls) {
      out.append(decl(d)).append('\n');
    }
    return out.toString();
  }

  public static String decl(Decl d) {
    if (d instanceof Decl.Timeline t) {
      return "timeline " + t.start().text() + " to " + t.end().text() + " " + t.step();
    } else if (d instanceof Decl.Param p) {
      return "param " + p.name() + typed(p.type()) + " = " + expr(p.value())
          + (p.domain() == null ? "" : " within " + expr(p.domain().low()) + " to " + expr(p.domain().high()));
    } else if (d instanceof Decl.Let l) {
      return "let " + l.name() + typed(l.type()) + " = " + expr(l.value());
    } else if (d instanceof Decl.Fn f) {
      StringBuilder b = new StringBuilder("fn ").append(f.name()).append('(');
      for (int i = 0; i < f.params().size(); i++) {
        Decl.FnParam p = f.params().get(i);
        b.append(i == 0 ? "" : ", ").append(p.name()).append(typed(p.type()));
        if (p.defaultValue() != null) {
          b.append(" = ").append(expr(p.defaultValue()));
        }
      }
      return b.append(") = ").append(expr(f.body())).toString();
    } else if (d instanceof Decl.Unit u) {
      return "unit " + u.name() + (u.value() == null ? "" : " = " + expr(u.value()));
    } else if (d instanceof Decl.Import i) {
      return "import " + string(i.path());
    } else if (d instanceof Decl.Amends a) {
      return "amends " + string(a.path());
    } else if (d instanceof Decl.Report r) {
      return "report " + (r.name() == null ? "" : r.name() + " = ") + expr(r.value())
          + (r.as() == null ? "" : " as " + unit(r.as()));
    } else if (d instanceof Decl.Assert a) {
      return "assert " + expr(a.cond()) + (a.message() == null ? "" : " " + string(a.message()));
    } else if (d instanceof Decl.Scenario s) {
      return "scenario " + s.name() + " " + block(s.sets().stream().map(Printer::assign).toList(), false);
    } else if (d instanceof Decl.Solve s) {
      return "solve " + s.name() + " for " + s.target() + " so that "
          + (s.rhs() == null ? expr(s.lhs()) : expr(s.lhs(), CMP + 1) + " == " + expr(s.rhs(), CMP + 1)) + " within " + expr(s.low()) + " to " + expr(s.high());
    } else if (d instanceof Decl.Correlate c) {
      return "correlate " + c.a() + ", " + c.b() + " = " + expr(c.r());
    } else if (d instanceof Decl.Kind k) {
      return "kind " + k.name() + " " + block(k.members().stream().map(Printer::member).toList(), true);
    } else if (d instanceof Decl.Instance in && in.family() != null) {
      Decl.Family f = in.family();
      return in.kind() + " " + in.name() + "[" + f.var() + " in " + expr(f.start()) + " to " + expr(f.end())
          + (f.step() == null ? "" : " " + f.step()) + "] " + block(in.sets().stream().map(Printer::assign).toList(), false);
    } else if (d instanceof Decl.Instance in) {
      return in.kind() + " " + in.name() + " " + block(in.sets().stream().map(Printer::assign).toList(), false);
    }
    throw new IllegalArgumentException("unknown declaration " + d);
  }

  /** Short blocks of settings on one line; kinds and longer blocks one item per line. */
  private static String block(List<String> items, boolean alwaysSplit) {
    if (items.isEmpty()) {
      return "{}";
    }
    String oneLine = "{ " + String.join("; ", items) + " }";
    if (!alwaysSplit && items.size() <= 3 && oneLine.length() <= 80) {
      return oneLine;
    }
    StringBuilder b = new StringBuilder("{\n");
    items.forEach(i -> b.append("  ").append(i).append('\n'));
    return b.append('}').toString();
  }

  private static String member(Decl.Member m) {
    return (m.isParam() ? "param " : "let ") + m.name() + typed(m.type())
        + (m.value() == null ? "" : " = " + expr(m.value()));
  }

  private static String assign(Decl.Assign a) {
    return a.target() + " = " + expr(a.value());
  }

  private static String typed(UnitExpr type) {
    return type == null ? "" : ": " + unit(type);
  }

  /** A string literal with {@code \"} and {@code \\} escaped. */
  public static String string(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  // ---- expressions ------------------------------------------------------------------------

  public static String expr(Expr e) {
    return expr(e, 0);
  }

  /** {@code e}, in parentheses when it binds looser than {@code min}. */
  private static String expr(Expr e, int min) {
    int p = strength(e);
    String s = bare(e);
    return p < min ? "(" + s + ")" : s;
  }

  private static int strength(Expr e) {
    if (e instanceof Expr.If) {
      return IF;
    } else if (e instanceof Expr.Unary u) {
      return u.op().equals("not") ? NOT : NEG;
    } else if (e instanceof Expr.Binary b) {
      return switch (b.op()) {
        case "or" -> OR;
        case "and" -> AND;
        case "==", "!=", "<", "<=", ">", ">=" -> CMP;
        case "+", "-" -> ADD;
        case "*", "/" -> MUL;
        case "^" -> POW;
        default -> throw new IllegalArgumentException("unknown operator " + b.op());
      };
    } else if (e instanceof Expr.Attr || e instanceof Expr.Index) {
      return POSTFIX;
    }
    return POSTFIX + 1;
  }

  private static String bare(Expr e) {
    if (e instanceof Expr.Num n) {
      return n.text();
    } else if (e instanceof Expr.Quantity q) {
      return q.number().text() + " " + q.unit() + (q.exponent() == 1 ? "" : "^" + q.exponent());
    } else if (e instanceof Expr.Money m) {
      return m.text();
    } else if (e instanceof Expr.Date d) {
      return d.text();
    } else if (e instanceof Expr.Bool b) {
      return b.value() ? "true" : "false";
    } else if (e instanceof Expr.Name n) {
      return n.name();
    } else if (e instanceof Expr.Attr a) {
      return expr(a.target(), POSTFIX) + "." + a.name();
    } else if (e instanceof Expr.Index i) {
      return expr(i.target(), POSTFIX) + "[" + expr(i.index()) + "]";
    } else if (e instanceof Expr.Call c) {
      StringBuilder b = new StringBuilder(c.name()).append('(');
      for (int i = 0; i < c.args().size(); i++) {
        Expr.Arg a = c.args().get(i);
        b.append(i == 0 ? "" : ", ").append(a.label() == null ? "" : a.label() + ": ").append(expr(a.value()));
      }
      return b.append(')').toString();
    } else if (e instanceof Expr.Unary u) {
      return u.op().equals("not") ? "not " + expr(u.operand(), NOT) : "-" + expr(u.operand(), NEG);
    } else if (e instanceof Expr.Binary b) {
      int p = strength(b);
      // Left-associative operators take a looser right operand in parentheses; ^ the left one;
      // comparisons do not chain, so a comparison operand of a comparison is always bracketed.
      int left = p == POW || p == CMP ? p + 1 : p;
      int right = p == POW ? p : p + 1;
      String l = expr(b.left(), left);
      if (p == POW && b.left() instanceof Expr.Quantity) {
        l = "(" + l + ")"; // `5 m ^ 2` would read as the literal 5 m^2
      }
      return l + " " + b.op() + " " + expr(b.right(), right);
    } else if (e instanceof Expr.If i) {
      return "if " + expr(i.cond()) + " then " + expr(i.then()) + " else " + expr(i.otherwise());
    } else if (e instanceof Expr.Str s) {
      return string(s.value());
    } else if (e instanceof Expr.KeyedList k) {
      StringBuilder b = new StringBuilder("[");
      for (int i = 0; i < k.entries().size(); i++) {
        Expr.Entry en = k.entries().get(i);
        b.append(i == 0 ? "" : ", ").append(expr(en.key())).append(": ").append(expr(en.value()));
      }
      return b.append(']').toString();
    }
    throw new IllegalArgumentException("unknown expression " + e);
  }

  // ---- unit expressions -------------------------------------------------------------------

  public static String unit(UnitExpr u) {
    if (u instanceof UnitExpr.Atom a) {
      return a.name();
    } else if (u instanceof UnitExpr.Num n) {
      return n.text();
    } else if (u instanceof UnitExpr.Bin b) {
      String right = unit(b.right());
      return unit(b.left()) + b.op() + (b.right() instanceof UnitExpr.Bin ? "(" + right + ")" : right);
    } else if (u instanceof UnitExpr.Pow p) {
      String base = unit(p.base());
      return (p.base() instanceof UnitExpr.Atom || p.base() instanceof UnitExpr.Num ? base : "(" + base + ")")
          + "^" + p.exponent();
    }
    throw new IllegalArgumentException("unknown unit " + u);
  }
}

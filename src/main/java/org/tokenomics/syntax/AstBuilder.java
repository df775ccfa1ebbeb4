package org.tokenomics.syntax;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.tokenomics.internal.parser.TokParser;
import org.tokenomics.internal.parser.TokParser.*;

/**
 * The one visitor that turns an error-free ANTLR parse tree into AST records. ANTLR types stay
 * inside this package.
 */
final class AstBuilder {
  private final SourceFile source;
  private int nodes;
  /** Number literals too large for a double (they would silently become Infinity): each is a TOK100. */
  private final List<Span> tooLarge = new ArrayList<>();

  AstBuilder(SourceFile source) {
    this.source = source;
  }

  /** The number literals, in order, whose value is beyond the largest double (about 1.8e308). */
  List<Span> tooLarge() {
    return tooLarge;
  }

  /** A literal's value; one beyond the largest double is recorded for a TOK100 at {@code span}. */
  private double literal(String text, Span span) {
    double v = Literals.number(text);
    if (Double.isInfinite(v)) {
      tooLarge.add(span);
    }
    return v;
  }

  /** Expression nodes built so far (for the node limit). */
  int nodes() {
    return nodes;
  }

  TokFile file(FileContext ctx) {
    List<Decl> decls = new ArrayList<>();
    for (StatementContext s : ctx.statement()) {
      Decl d = statement(s);
      if (d != null) {
        decls.add(d);
      }
    }
    return new TokFile(source, decls);
  }

  // ---- statements -------------------------------------------------------------------------

  private Decl statement(StatementContext s) {
    Span span = span(s);
    if (s instanceof TimelineStmtContext t) {
      return new Decl.Timeline(dateLit(t.start), dateLit(t.end), t.step.getText(), span);
    } else if (s instanceof ParamStmtContext p) {
      Decl.Domain domain = p.low == null ? null : new Decl.Domain(expr(p.low), expr(p.high), span(p.low).to(span(p.high)));
      return new Decl.Param(p.name.getText(), span(p.name), unit(p.type), expr(p.value), domain, span);
    } else if (s instanceof LetStmtContext l) {
      return new Decl.Let(l.name.getText(), span(l.name), unit(l.type), expr(l.expr()), span);
    } else if (s instanceof FnStmtContext f) {
      List<Decl.FnParam> params = new ArrayList<>();
      for (FnParamContext p : f.fnParam()) {
        params.add(new Decl.FnParam(p.name.getText(), unit(p.type),
            p.expr() == null ? null : expr(p.expr()), span(p)));
      }
      return new Decl.Fn(f.name.getText(), span(f.name), params, expr(f.expr()), span);
    } else if (s instanceof UnitStmtContext u) {
      return new Decl.Unit(u.name.getText(), span(u.name), u.expr() == null ? null : expr(u.expr()), span);
    } else if (s instanceof ImportStmtContext i) {
      return new Decl.Import(string(i.STRING().getSymbol()), span);
    } else if (s instanceof AmendsStmtContext a) {
      return new Decl.Amends(string(a.STRING().getSymbol()), span);
    } else if (s instanceof ReportStmtContext r) {
      Expr value = expr(r.expr());
      String label;
      if (r.name != null) {
        label = r.name.getText();
      } else {
        // Named by its canonical text, so `report a*b` and `report a * b` are the same report.
        label = Printer.expr(value);
      }
      String asText = r.unit == null ? null : source.slice(span(r.unit)).replaceAll("\\s+", "");
      return new Decl.Report(r.name == null ? null : r.name.getText(), label, value, unit(r.unit), asText, span,
          r.name == null ? span : span(r.name));
    } else if (s instanceof AssertStmtContext a) {
      return new Decl.Assert(expr(a.expr()), a.STRING() == null ? null : string(a.STRING().getSymbol()), span);
    } else if (s instanceof ScenarioStmtContext sc) {
      List<Decl.Assign> sets = new ArrayList<>();
      for (AssignmentContext a : sc.assignment()) {
        sets.add(assign(a));
      }
      return new Decl.Scenario(sc.name.getText(), span(sc.name), sets, span);
    } else if (s instanceof SolveStmtContext sv) {
      Expr cond = expr(sv.cond);
      Expr lhs = cond;
      Expr rhs = null;
      if (cond instanceof Expr.Binary b && b.op().equals("==")) {
        lhs = b.left();
        rhs = b.right();
      }
      return new Decl.Solve(sv.name.getText(), span(sv.name), sv.target().getText(), span(sv.target()),
          lhs, rhs, expr(sv.low), expr(sv.high), span);
    } else if (s instanceof CorrelateStmtContext c) {
      return new Decl.Correlate(c.a.getText(), span(c.a), c.b.getText(), span(c.b), expr(c.expr()), span);
    } else if (s instanceof KindStmtContext k) {
      List<Decl.Member> members = new ArrayList<>();
      for (MemberContext m : k.member()) {
        if (m instanceof ParamMemberContext p) {
          members.add(new Decl.Member(true, p.name.getText(), span(p.name), unit(p.type),
              p.expr() == null ? null : expr(p.expr()), span(p)));
        } else if (m instanceof LetMemberContext l) {
          members.add(new Decl.Member(false, l.name.getText(), span(l.name), unit(l.type), expr(l.expr()), span(l)));
        }
      }
      return new Decl.Kind(k.name.getText(), span(k.name), members, span);
    } else if (s instanceof InstanceStmtContext in) {
      List<Decl.Assign> sets = new ArrayList<>();
      for (AssignmentContext a : in.assignment()) {
        sets.add(assign(a));
      }
      return new Decl.Instance(in.kindName.getText(), span(in.kindName), in.name.getText(), span(in.name), sets, span);
    } else if (s instanceof FamilyStmtContext fs) {
      List<Decl.Assign> sets = new ArrayList<>();
      for (AssignmentContext a : fs.assignment()) {
        sets.add(assign(a));
      }
      FamilyRangeContext r = fs.familyRange();
      Decl.Family family = new Decl.Family(fs.var.getText(), span(fs.var), memberKey(r.start), memberKey(r.end),
          r.step == null ? null : r.step.getText(), span(r));
      return new Decl.Instance(fs.kindName.getText(), span(fs.kindName), fs.name.getText(), span(fs.name), sets, span,
          family);
    }
    return null; // an empty statement
  }

  private Decl.Assign assign(AssignmentContext a) {
    return new Decl.Assign(a.target().getText(), span(a.target()), expr(a.expr()), span(a));
  }

  /** One end of a family's range: a date, or a (possibly negative) whole number. */
  private Expr memberKey(MemberKeyContext k) {
    Token t = k.DATE() != null ? k.DATE().getSymbol() : k.NUMBER().getSymbol();
    if (t.getType() == TokParser.DATE) {
      return date(t);
    }
    double v = Literals.number(t.getText());
    boolean negative = k.getStart() != t;
    return new Expr.Num(negative ? -v : v, k.getText(), span(k));
  }

  private Expr.Date dateLit(DateLitContext d) {
    Token t = d.getStart();
    if (t.getType() == TokParser.NUMBER) {
      return new Expr.Date((int) Literals.number(t.getText()), 1, 0, span(t));
    }
    return date(t);
  }

  // ---- expressions ------------------------------------------------------------------------

  Expr expr(ExprContext e) {
    nodes++;
    Span span = span(e);
    if (e instanceof PrimaryExprContext p) {
      return primary(p.primary());
    } else if (e instanceof AttrExprContext a) {
      return new Expr.Attr(expr(a.expr()), a.IDENT().getText(), span(a.IDENT().getSymbol()), span);
    } else if (e instanceof IndexExprContext i) {
      return new Expr.Index(expr(i.expr(0)), expr(i.expr(1)), span);
    } else if (e instanceof PowExprContext p) {
      return new Expr.Binary("^", expr(p.expr(0)), expr(p.expr(1)), span);
    } else if (e instanceof NegExprContext n) {
      return new Expr.Unary("-", expr(n.expr()), span);
    } else if (e instanceof MulExprContext || e instanceof AddExprContext) {
      return Chains.build(this, e);
    } else if (e instanceof CmpExprContext c) {
      return new Expr.Binary(c.op.getText(), expr(c.expr(0)), expr(c.expr(1)), span);
    } else if (e instanceof NotExprContext n) {
      return new Expr.Unary("not", expr(n.expr()), span);
    } else if (e instanceof AndExprContext || e instanceof OrExprContext) {
      return Chains.build(this, e);
    } else if (e instanceof IfExprContext i) {
      return new Expr.If(expr(i.expr(0)), expr(i.expr(1)), expr(i.expr(2)), span);
    }
    throw new IllegalStateException("unknown expression " + e.getClass().getSimpleName());
  }

  private Expr primary(PrimaryContext p) {
    Span span = span(p);
    if (p instanceof NumberLitContext n) {
      Token numberToken = n.NUMBER().getSymbol();
      Expr.Num number = new Expr.Num(literal(numberToken.getText(), span(numberToken)), numberToken.getText(), span(numberToken));
      if (n.unitAtom() == null) {
        return number;
      }
      int exponent = n.exponent() == null ? 1 : exponent(n.exponent());
      return new Expr.Quantity(number, n.unitAtom().getText(), exponent, span(n.unitAtom()), span);
    } else if (p instanceof MoneyLitContext m) {
      String text = m.MONEY().getText();
      return new Expr.Money(literal(text.substring(1), span), text, span);
    } else if (p instanceof DateExprContext d) {
      return date(d.DATE().getSymbol());
    } else if (p instanceof BoolLitContext b) {
      return new Expr.Bool(b.TRUE() != null, span);
    } else if (p instanceof CallExprContext c) {
      List<Expr.Arg> args = new ArrayList<>();
      for (ArgContext a : c.arg()) {
        args.add(new Expr.Arg(a.label() == null ? null : a.label().getText(), expr(a.expr()), span(a)));
      }
      return new Expr.Call(c.IDENT().getText(), args, span(c.IDENT().getSymbol()), span);
    } else if (p instanceof NameExprContext n) {
      return new Expr.Name(n.IDENT().getText(), span);
    } else if (p instanceof DollarExprContext d) {
      return new Expr.Name(d.DOLLAR().getText(), span);
    } else if (p instanceof ParenExprContext pe) {
      return expr(pe.expr());
    } else if (p instanceof StringLitContext st) {
      return new Expr.Str(string(st.STRING().getSymbol()), span);
    } else if (p instanceof KeyedListContext k) {
      List<Expr.Entry> entries = new ArrayList<>();
      for (KeyedEntryContext en : k.keyedEntry()) {
        entries.add(new Expr.Entry(expr(en.key), expr(en.value), span(en)));
      }
      return new Expr.KeyedList(entries, span);
    }
    throw new IllegalStateException("unknown primary " + p.getClass().getSimpleName());
  }

  private int exponent(ExponentContext e) {
    int value = (int) Literals.number(e.NUMBER().getText());
    return e.getChildCount() > 1 ? -value : value;
  }

  // ---- unit expressions -------------------------------------------------------------------

  UnitExpr unit(UnitExprContext u) {
    if (u == null) {
      return null;
    }
    UnitExpr result = unitFactor(u.unitFactor(0));
    for (int i = 1; i < u.unitFactor().size(); i++) {
      UnitExpr right = unitFactor(u.unitFactor(i));
      char op = u.op.get(i - 1).getText().charAt(0);
      result = new UnitExpr.Bin(op, result, right, result.span().to(right.span()));
    }
    return result;
  }

  private UnitExpr unitFactor(UnitFactorContext f) {
    Span span = span(f);
    UnitExpr base;
    if (f.unitExpr() != null) {
      base = unit(f.unitExpr());
    } else if (f.NUMBER() != null) {
      Token t = f.NUMBER().getSymbol();
      base = new UnitExpr.Num(literal(t.getText(), span(t)), t.getText(), span(t));
    } else {
      Token t = f.getStart();
      base = new UnitExpr.Atom(t.getText(), span(t));
    }
    if (f.exponent() != null) {
      return new UnitExpr.Pow(base, exponent(f.exponent()), span);
    }
    return base;
  }

  // ---- tokens and spans -------------------------------------------------------------------

  private Expr.Date date(Token t) {
    String[] parts = t.getText().split("-");
    int day = parts.length > 2 ? Integer.parseInt(parts[2]) : 0;
    return new Expr.Date(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), day, span(t));
  }

  private static String string(Token t) {
    return DirectPrimaries.string(t); // one reading of a string literal for both parsers
  }

  Span span(ParserRuleContext ctx) {
    Token start = ctx.getStart();
    Token stop = ctx.getStop() == null || ctx.getStop().getTokenIndex() < start.getTokenIndex()
        ? start : ctx.getStop();
    return Spans.of(source, start, stop);
  }

  private Span span(Token t) {
    return Spans.of(source, t, t);
  }

  private Span span(TerminalNode node) {
    return span(node.getSymbol());
  }
}

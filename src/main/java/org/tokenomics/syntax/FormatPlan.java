package org.tokenomics.syntax;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.tokenomics.internal.parser.TokParser.*;

/**
 * What the formatter needs to know about each token of an error-free parse: where statements and
 * block items start and end, which blocks stay on one line, which {@code =} to align, which
 * tokens are inside unit expressions, and which report expressions must keep their spacing
 * (their source text is the report's name). Keyed by token index.
 */
final class FormatPlan {
  final Set<Integer> stmtStarts = new HashSet<>();
  final Set<Integer> stmtEnds = new HashSet<>();
  final Set<Integer> dropped = new HashSet<>();
  /** Multi-line blocks: one item per line. */
  final Set<Integer> multiOpen = new HashSet<>();
  final Set<Integer> multiClose = new HashSet<>();
  final Set<Integer> itemStarts = new HashSet<>();
  final Set<Integer> itemEnds = new HashSet<>();
  /** One-line blocks: {@code { a = 1; b = 2 }}. */
  final Set<Integer> oneLineBraces = new HashSet<>();
  final Set<Integer> semiAfter = new HashSet<>();
  /** Token index of a declaration's first token → alignment key; of its {@code =} → the same key. */
  final Map<Integer, String> keyAt = new HashMap<>();
  final Map<Integer, String> alignEq = new HashMap<>();
  /** Token index → id of the unit expression it belongs to. */
  final Map<Integer, Integer> unitExpr = new HashMap<>();
  /** Token index → id of an unnamed report's expression, written as it was. */
  final Map<Integer, Integer> verbatim = new HashMap<>();
  final Set<Integer> unary = new HashSet<>();
  final Set<Integer> callParens = new HashSet<>();
  /** A unit written against a number ({@code 50%}, {@code 700 W}): keeps the gap the author chose. */
  final Set<Integer> keepGapBefore = new HashSet<>();

  private int ids;

  FormatPlan(FileContext file) {
    for (StatementContext s : file.statement()) {
      statement(s);
    }
    walk(file);
  }

  private void statement(StatementContext s) {
    if (s instanceof EmptyStmtContext) {
      dropped.add(s.getStart().getTokenIndex());
      return;
    }
    stmtStarts.add(s.getStart().getTokenIndex());
    stmtEnds.add(s.getStop().getTokenIndex());
    if (s instanceof ParamStmtContext) {
      align(s, "param");
    } else if (s instanceof LetStmtContext) {
      align(s, "let");
    } else if (s instanceof ReportStmtContext r) {
      if (r.name != null) {
        align(s, "report");
      } else if (!isBareName(r.expr())) {
        int id = ++ids;
        for (int i = r.expr().getStart().getTokenIndex(); i <= r.expr().getStop().getTokenIndex(); i++) {
          verbatim.put(i, id);
        }
      }
    } else if (s instanceof CorrelateStmtContext) {
      align(s, "correlate");
    } else if (s instanceof KindStmtContext k) {
      // the settings of a block written on one line align with nothing: padding them to the
      // lines around would tear the line apart (purchase gpus { price = $1B; life      = 5 yr })
      if (block(k, k.member())) {
        for (MemberContext m : k.member()) {
          align(m, m instanceof ParamMemberContext ? "member-param" : "member-let");
        }
      }
    } else if (s instanceof InstanceStmtContext in) {
      if (block(in, in.assignment())) {
        in.assignment().forEach(a -> align(a, "set"));
      }
    } else if (s instanceof FamilyStmtContext fs) {
      if (block(fs, fs.assignment())) {
        fs.assignment().forEach(a -> align(a, "set"));
      }
    } else if (s instanceof ScenarioStmtContext sc) {
      if (block(sc, sc.assignment())) {
        sc.assignment().forEach(a -> align(a, "set"));
      }
    }
  }

  private static boolean isBareName(ExprContext e) {
    return e instanceof PrimaryExprContext p && p.primary() instanceof NameExprContext;
  }

  /** Aligns the declaration's own {@code =} (a direct child) with its neighbours of the same key. */
  private void align(ParserRuleContext decl, String key) {
    keyAt.put(decl.getStart().getTokenIndex(), key);
    for (int i = 0; i < decl.getChildCount(); i++) {
      if (decl.getChild(i) instanceof TerminalNode t && t.getText().equals("=")) {
        alignEq.put(t.getSymbol().getTokenIndex(), key);
        return;
      }
    }
  }

  /** Lays out a braced block; true when it is written over several lines. */
  private boolean block(ParserRuleContext ctx, List<? extends ParserRuleContext> items) {
    Token open = null;
    Token close = null;
    for (int i = 0; i < ctx.getChildCount(); i++) {
      if (ctx.getChild(i) instanceof TerminalNode t) {
        switch (t.getText()) {
          case "{" -> open = t.getSymbol();
          case "}" -> close = t.getSymbol();
          case ";" -> dropped.add(t.getSymbol().getTokenIndex());
          default -> { }
        }
      }
    }
    if (open == null || close == null) {
      return false;
    }
    if (open.getLine() == close.getLine()) {
      oneLineBraces.add(open.getTokenIndex());
      oneLineBraces.add(close.getTokenIndex());
      for (int i = 0; i + 1 < items.size(); i++) {
        semiAfter.add(items.get(i).getStop().getTokenIndex());
      }
      return false;
    } else {
      multiOpen.add(open.getTokenIndex());
      multiClose.add(close.getTokenIndex());
      for (ParserRuleContext item : items) {
        itemStarts.add(item.getStart().getTokenIndex());
        itemEnds.add(item.getStop().getTokenIndex());
      }
      return true;
    }
  }

  /** Unit expressions, unary minus, call parentheses and number units, found without recursion. */
  private void walk(ParseTree root) {
    Deque<ParseTree> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      ParseTree node = todo.pop();
      if (node instanceof UnitExprContext u) {
        int id = ++ids;
        for (int i = u.getStart().getTokenIndex(); i <= u.getStop().getTokenIndex(); i++) {
          unitExpr.put(i, id);
        }
        continue; // nested unit expressions belong to this one
      }
      if (node instanceof NegExprContext n) {
        unary.add(n.getStart().getTokenIndex());
      } else if (node instanceof ExponentContext e && e.getChildCount() > 1) {
        unary.add(e.getStart().getTokenIndex());
      } else if (node instanceof CallExprContext c) {
        parenAfterName(c);
      } else if (node instanceof FnStmtContext f) {
        parenAfterName(f);
      } else if (node instanceof NumberLitContext n && n.unitAtom() != null) {
        keepGapBefore.add(n.unitAtom().getStart().getTokenIndex());
      }
      for (int i = node.getChildCount() - 1; i >= 0; i--) {
        todo.push(node.getChild(i));
      }
    }
  }

  private void parenAfterName(ParserRuleContext ctx) {
    for (int i = 0; i < ctx.getChildCount(); i++) {
      if (ctx.getChild(i) instanceof TerminalNode t && t.getText().equals("(")) {
        callParens.add(t.getSymbol().getTokenIndex());
        return;
      }
    }
  }
}

package org.tokenomics.syntax;

import java.util.ArrayDeque;
import java.util.Deque;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.tokenomics.diag.Code;

import org.tokenomics.internal.parser.TokParser;

/**
 * The nesting limit as a count, not as whatever the caller's thread stack allows: a 20,000-deep
 * {@code if} chain must be the same TOK600, with the same position, on a 16 MB CLI stack and on a
 * host's 512 KiB worker thread.
 *
 * <p>Two counts. While ANTLR parses, {@link Parser} counts the nested invocations of the {@code
 * expr} rule (the only recursion that grows with the input: brackets, calls, prefix operators,
 * {@code if}, {@code ^}) and stops at the limit, so ANTLR never recurses deeper than that. After
 * the parse, {@link #check} measures the tree's nesting without recursion, including the chains
 * ANTLR builds in a loop ({@code x.a.b…}, {@code x[1][2]…}), so that the later phases, which
 * recurse over the tree, see a bounded depth. Binary operators do not count (a chain of one
 * operator, {@code a + b + …}, is balanced by {@code Chains}; operators of different precedence
 * stack only a few deep without brackets), except that comparisons do not chain at all
 * ({@code a < b < c} is TOK100).
 */
final class NestingLimit {
  private NestingLimit() {}

  /** Thrown out of the parser at the first {@code expr} nested beyond the limit. */
  static final class TooDeep extends RuntimeException {
    final transient Token at;

    TooDeep(Token at) {
      super(null, null, false, false);
      this.at = at;
    }
  }

  /**
   * ANTLR's parser, counting nested {@code expr} invocations: one per level of the expression's
   * tree (an operand of an operator, a bracket, a call's argument, a prefix operator, a branch
   * of {@code if}).
   */
  static final class Parser extends TokParser {
    private final int max;
    private int depth;

    Parser(TokenStream input, int maxNesting) {
      super(input);
      // one expr for the statement itself, one more per level of nesting
      this.max = maxNesting + 1;
    }

    @Override
    public void enterRecursionRule(ParserRuleContext ctx, int state, int ruleIndex, int precedence) {
      super.enterRecursionRule(ctx, state, ruleIndex, precedence);
      if (++depth > max) {
        throw new TooDeep(getCurrentToken());
      }
    }

    @Override
    public void unrollRecursionContexts(ParserRuleContext parent) {
      depth--;
      super.unrollRecursionContexts(parent);
    }
  }

  static String message(int maxNesting) {
    return "expression nested more than " + maxNesting + " levels deep (limit: max nesting depth " + maxNesting + ")";
  }

  static final String HELP = "split the expression into named lets";

  /**
   * Checks the nesting of a parsed tree without recursion; reports TOK600 (too deep) or TOK100 (a
   * chained comparison) at the offending token and returns false, or returns true.
   */
  static boolean check(SourceFile source, ParseTree root, int maxNesting, Diagnostics diags) {
    Deque<Frame> stack = new ArrayDeque<>();
    stack.push(new Frame(root));
    while (!stack.isEmpty()) {
      Frame f = stack.peek();
      if (f.next < f.node.getChildCount()) {
        ParseTree child = f.node.getChild(f.next++);
        if (child instanceof TerminalNode) {
          continue;
        }
        if (child instanceof TokParser.CmpExprContext inner && f.node instanceof TokParser.CmpExprContext) {
          while (inner.expr(0) instanceof TokParser.CmpExprContext deeper) {
            inner = deeper;
          }
          Token op = ((TokParser.CmpExprContext) inner.getParent()).op; // the second comparison
          diags.error(Code.TOK100, Spans.of(source, op, op), "comparisons do not chain",
              "compare two values at a time and join them with and: a < b and b < c; "
                  + "compare conditions in brackets: (a < b) == (c < d)");
          return false;
        }
        stack.push(new Frame(child));
        continue;
      }
      stack.pop();
      Frame parent = stack.peek();
      boolean chainTop = !isChain(f.node) || parent == null || parent.node.getClass() != f.node.getClass();
      int level = f.level(chainTop);
      if (chainTop && level > maxNesting) {
        Token at = ((ParserRuleContext) f.node).getStart();
        diags.error(Code.TOK600, Spans.of(source, at, at), message(maxNesting), HELP);
        return false;
      }
      if (parent != null) {
        parent.take(f, level);
      }
    }
    return true;
  }

  /** Nodes that make a level of the expression's tree. */
  private static boolean adds(ParseTree n) {
    return n instanceof TokParser.ParenExprContext || n instanceof TokParser.ArgContext
        || n instanceof TokParser.NegExprContext || n instanceof TokParser.NotExprContext
        || n instanceof TokParser.IfExprContext || n instanceof TokParser.PowExprContext
        || n instanceof TokParser.AttrExprContext || n instanceof TokParser.IndexExprContext
        || n instanceof TokParser.CmpExprContext || n instanceof TokParser.KeyedListContext || isChain(n);
  }

  /** Operators whose long chains {@code Chains} balances. */
  private static boolean isChain(ParseTree n) {
    return n instanceof TokParser.AddExprContext || n instanceof TokParser.MulExprContext
        || n instanceof TokParser.AndExprContext || n instanceof TokParser.OrExprContext;
  }

  /** One node on the walk's stack and what its finished children told it. */
  private static final class Frame {
    final ParseTree node;
    int next;
    /** The deepest level below this node. */
    int deepest;
    /** For a chain node: its terms, the deepest term, and its depth if left unbalanced. */
    int terms = 1;
    int deepestTerm;

    Frame(ParseTree node) {
      this.node = node;
    }

    /** A finished child reports in; a chain's left operand of the same operator continues the chain. */
    void take(Frame child, int childLevel) {
      if (isChain(node) && child.node.getClass() == node.getClass() && next == 1) {
        terms = child.terms + 1;
        deepestTerm = Math.max(deepestTerm, child.deepestTerm);
        deepest = Math.max(deepest, childLevel);
      } else {
        if (isChain(node)) {
          terms = Math.max(terms, 2);
          deepestTerm = Math.max(deepestTerm, childLevel);
        }
        deepest = Math.max(deepest, childLevel);
      }
    }

    /**
     * This node's level. Inside a chain (not its top) the level as written, left-deep; at the
     * top of a long chain the balanced depth (Chains.BALANCE_FROM), plus one for a negated term.
     */
    int level(boolean chainTop) {
      int asWritten = deepest + (adds(node) ? 1 : 0);
      if (!isChain(node) || !chainTop || terms <= Chains.BALANCE_FROM) {
        return asWritten;
      }
      return deepestTerm + 2 + (32 - Integer.numberOfLeadingZeros(terms - 1));
    }
  }
}

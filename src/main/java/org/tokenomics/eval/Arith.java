package org.tokenomics.eval;

import org.tokenomics.diag.Code;
import org.tokenomics.syntax.Span;

/** Arithmetic, comparison and logic nodes. Factories fold constants. */
public final class Arith {
  private Arith() {}

  public enum Op { ADD, SUB, MUL, DIV, POW, EQ, NE, LT, LE, GT, GE, AND, OR }

  public static Node binary(Op op, Node a, Node b, Span span) {
    Node n = switch (op) {
      case ADD -> new Add(a, b);
      case SUB -> new Sub(a, b);
      case MUL -> new Mul(a, b);
      case DIV -> new Div(a, b, span);
      case POW -> new Pow(a, b);
      case AND -> new And(a, b);
      case OR -> new Or(a, b);
      default -> new Cmp(op, a, b);
    };
    return fold(n, a, b);
  }

  public static Node neg(Node a) {
    return fold(new Neg(a), a);
  }

  public static Node not(Node a) {
    return fold(new Not(a), a);
  }

  public static Node cond(Node c, Node a, Node b) {
    if (c.isConstant()) {
      return c.constant() != 0 ? a : b;
    }
    return new If(c, a, b);
  }

  /** Replaces a node whose inputs are all constants by its (finite) value. */
  public static Node fold(Node n, Node... inputs) {
    for (Node in : inputs) {
      if (!in.isConstant()) {
        return n;
      }
    }
    try {
      double v = n.eval(null, 0);
      return Double.isFinite(v) ? new Const(v) : n;
    } catch (EvalError e) {
      return n; // reported when evaluated, at its own line
    }
  }

  abstract static class Bin extends Node {
    @Override
    public Node[] children() {
      return Nodes.of(a, b);
    }

    final Node a;
    final Node b;

    Bin(Node a, Node b) {
      super(a.series() || b.series());
      this.a = a;
      this.b = b;
    }
  }

  static final class Add extends Bin {
    Add(Node a, Node b) { super(a, b); }

    @Override
    public double eval(Frame f, int p) {
      return a.eval(f, p) + b.eval(f, p);
    }
  }

  static final class Sub extends Bin {
    Sub(Node a, Node b) { super(a, b); }

    @Override
    public double eval(Frame f, int p) {
      return a.eval(f, p) - b.eval(f, p);
    }
  }

  static final class Mul extends Bin {
    Mul(Node a, Node b) { super(a, b); }

    @Override
    public double eval(Frame f, int p) {
      return a.eval(f, p) * b.eval(f, p);
    }
  }

  static final class Div extends Bin {
    private final Span span;

    Div(Node a, Node b, Span span) {
      super(a, b);
      this.span = span;
    }

    @Override
    public double eval(Frame f, int p) {
      double d = b.eval(f, p);
      if (d == 0) {
        throw byZero(f, p);
      }
      return a.eval(f, p) / d;
    }

    /** The error for a zero divisor in period {@code p} (the divisor is evaluated first). */
    EvalError byZero(Frame f, int p) {
      String where = f != null && series() && f.timeline.size() > 1 ? " in period " + f.timeline.label(p) : "";
      return new EvalError(Code.TOK500, span, "division by zero" + where,
          "guard the divisor, e.g. if n > 0 then x / n else 0");
    }
  }

  static final class Pow extends Bin {
    Pow(Node a, Node b) { super(a, b); }

    @Override
    public double eval(Frame f, int p) {
      return Math.pow(a.eval(f, p), b.eval(f, p));
    }
  }

  static final class And extends Bin {
    And(Node a, Node b) { super(a, b); }

    @Override
    public double eval(Frame f, int p) {
      return a.eval(f, p) != 0 && b.eval(f, p) != 0 ? 1 : 0;
    }
  }

  static final class Or extends Bin {
    Or(Node a, Node b) { super(a, b); }

    @Override
    public double eval(Frame f, int p) {
      return a.eval(f, p) != 0 || b.eval(f, p) != 0 ? 1 : 0;
    }
  }

  static final class Cmp extends Bin implements Strict {
    private final Op op;

    Cmp(Op op, Node a, Node b) {
      super(a, b);
      this.op = op;
    }

    /** @return which comparison (the code generator branches on it, {@link NodeEmitter}) */
    Op op() {
      return op;
    }

    @Override
    public Node[] inputs() {
      return new Node[] {a, b};
    }

    @Override
    public double eval(Frame f, int p) {
      return apply(f, p, a.eval(f, p), b.eval(f, p));
    }

    public double apply(Frame f, int p, double x, double y) {
      boolean r = switch (op) {
        case EQ -> x == y;
        case NE -> x != y;
        case LT -> x < y;
        case LE -> x <= y;
        case GT -> x > y;
        default -> x >= y;
      };
      return r ? 1 : 0;
    }
  }

  static final class Neg extends Node {
    @Override
    public Node[] children() {
      return Nodes.of(a);
    }

    final Node a;

    Neg(Node a) {
      super(a.series());
      this.a = a;
    }

    @Override
    public double eval(Frame f, int p) {
      return -a.eval(f, p);
    }
  }

  static final class Not extends Node {
    @Override
    public Node[] children() {
      return Nodes.of(a);
    }

    final Node a;

    Not(Node a) {
      super(a.series());
      this.a = a;
    }

    @Override
    public double eval(Frame f, int p) {
      return a.eval(f, p) != 0 ? 0 : 1;
    }
  }

  static final class If extends Node {
    @Override
    public Node[] children() {
      return Nodes.of(c, a, b);
    }

    final Node c;
    final Node a;
    final Node b;

    If(Node c, Node a, Node b) {
      super(c.series() || a.series() || b.series());
      this.c = c;
      this.a = a;
      this.b = b;
    }

    @Override
    public double eval(Frame f, int p) {
      return c.eval(f, p) != 0 ? a.eval(f, p) : b.eval(f, p);
    }
  }
}

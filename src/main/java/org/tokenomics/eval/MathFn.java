package org.tokenomics.eval;

import org.tokenomics.diag.Code;
import org.tokenomics.syntax.Span;

/** One-argument math functions (exp, ln, sqrt, abs …), with domain errors at their call. */
public final class MathFn extends Node implements ColumnStrict {
  private enum Fn { EXP, LN, LOG10, SQRT, ABS, FLOOR, CEIL, ROUND }

  private final String name;
  private final Fn fn;
  private final Node arg;
  private final Span span;

  private MathFn(String name, Fn fn, Node arg, Span span) {
    super(arg.series());
    this.name = name;
    this.fn = fn;
    this.arg = arg;
    this.span = span;
  }

  public static Node of(String name, Node arg, Span span) {
    Fn fn = switch (name) {
      case "exp" -> Fn.EXP;
      case "ln" -> Fn.LN;
      case "log10" -> Fn.LOG10;
      case "sqrt" -> Fn.SQRT;
      case "abs" -> Fn.ABS;
      case "floor" -> Fn.FLOOR;
      case "ceil" -> Fn.CEIL;
      case "round" -> Fn.ROUND;
      default -> throw new IllegalArgumentException(name);
    };
    return Arith.fold(new MathFn(name, fn, arg, span), arg);
  }

  @Override
  public Node[] inputs() {
    return new Node[] {arg};
  }

  @Override
  public double eval(Frame f, int p) {
    return apply(f, p, arg.eval(f, p));
  }

  public double apply(Frame f, int p, double x) {
    return switch (fn) {
      case EXP -> Math.exp(x);
      case LN -> Math.log(positive(x));
      case LOG10 -> Math.log10(positive(x));
      case SQRT -> {
        if (x < 0) {
          throw new EvalError(Code.TOK500, span, "square root of a negative number (" + x + ")");
        }
        yield Math.sqrt(x);
      }
      case ABS -> Math.abs(x);
      case FLOOR -> Math.floor(x);
      case CEIL -> Math.ceil(x);
      case ROUND -> (double) Math.round(x);
    };
  }

  @Override
  public boolean applyColumns(org.tokenomics.time.Timeline tl, int p, double[][] in, double[] out, int n,
                              double[][] scratch) {
    // each sample's apply, so each value is the per-sample one; false at the first domain error
    double[] x = in[0];
    try {
      for (int k = 0; k < n; k++) {
        out[k] = apply(null, p, x[k]);
      }
    } catch (EvalError e) {
      return false;
    }
    return true;
  }

  private double positive(double x) {
    if (x <= 0) {
      throw new EvalError(Code.TOK500, span, name + " of " + (x == 0 ? "zero" : "a negative number") + " (" + x + ")");
    }
    return x;
  }
}

package org.tokenomics.eval;

import java.util.function.DoubleUnaryOperator;
import org.tokenomics.diag.Code;
import org.tokenomics.syntax.Span;

/** One-argument math functions (exp, ln, sqrt, abs …), with domain errors at their call. */
public final class MathFn extends Node {
  private final String name;
  private final DoubleUnaryOperator fn;
  private final Node arg;
  private final Span span;

  private MathFn(String name, DoubleUnaryOperator fn, Node arg, Span span) {
    super(arg.series());
    this.name = name;
    this.fn = fn;
    this.arg = arg;
    this.span = span;
  }

  public static Node of(String name, Node arg, Span span) {
    DoubleUnaryOperator fn = switch (name) {
      case "exp" -> Math::exp;
      case "ln" -> Math::log;
      case "log10" -> Math::log10;
      case "sqrt" -> Math::sqrt;
      case "abs" -> Math::abs;
      case "floor" -> Math::floor;
      case "ceil" -> Math::ceil;
      case "round" -> x -> (double) Math.round(x);
      default -> throw new IllegalArgumentException(name);
    };
    return Arith.fold(new MathFn(name, fn, arg, span), arg);
  }

  @Override
  public double eval(Frame f, int p) {
    double x = arg.eval(f, p);
    if ((name.equals("ln") || name.equals("log10")) && x <= 0) {
      throw new EvalError(Code.TOK500, span, name + " of " + (x == 0 ? "zero" : "a negative number") + " (" + x + ")");
    }
    if (name.equals("sqrt") && x < 0) {
      throw new EvalError(Code.TOK500, span, "square root of a negative number (" + x + ")");
    }
    return fn.applyAsDouble(x);
  }
}

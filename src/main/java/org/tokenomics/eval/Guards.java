package org.tokenomics.eval;

import org.tokenomics.time.TimeVar;

/**
 * What a condition tells the code generator ({@link NodeEmitter}): the cell it proves is not 0 in
 * a branch ({@code if revenue > $0 then profit / revenue else 0} divides without testing the
 * divisor again), and a comparison of {@code period} with a whole number, which needs no
 * conversion to a double ({@code period >= 18} compares ints: the same answer for every period).
 */
final class Guards {
  private Guards() {}

  /**
   * The slot of the cell that cannot be 0 where {@code condition} is known to hold (or, with
   * {@code holds} false, where it is known not to), or -1. The condition is a cell tested as a
   * number ({@code if x then}: x is not 0 in the first branch; NaN is not 0 either), or a
   * comparison of a cell with a constant. A NaN cell makes a comparison false, but NaN is not 0, so
   * the other branch may divide by it without a test too.
   *
   * @param condition an {@code if}'s condition
   * @param holds     true for the branch taken when the condition holds, false for the other
   * @return the slot of the cell known not to be 0 there, or -1
   */
  static int nonZero(Node condition, boolean holds) {
    if (condition instanceof Ref r) {
      return holds ? r.slot() : -1;
    }
    if (!(condition instanceof Arith.Cmp c)) {
      return -1;
    }
    Ref r;
    double k;
    Arith.Op op = c.op();
    if (c.a instanceof Ref x && c.b instanceof Const y) {
      r = x;
      k = y.value;
    } else if (c.a instanceof Const y && c.b instanceof Ref x) {
      r = x;
      k = y.value;
      op = flipped(op);
    } else {
      return -1;
    }
    boolean nonZero = switch (op) { // r OP k holds (or fails, NaN included)
      case EQ -> holds ? k != 0 : k == 0;
      case NE -> holds ? k == 0 : k != 0;
      case GT -> holds ? k >= 0 : k < 0;
      case GE -> holds ? k > 0 : k <= 0;
      case LT -> holds ? k <= 0 : k > 0;
      case LE -> holds ? k < 0 : k >= 0;
      default -> false;
    };
    return nonZero ? r.slot() : -1;
  }

  /**
   * The comparison as {@code period OP k} when it compares the built-in {@code period} with a
   * constant whole number k ({@link #whole}), else null.
   *
   * @param c a comparison
   * @return its operator with the period on the left, or null
   */
  static Arith.Op periodAgainstWhole(Arith.Cmp c) {
    if (period(c.a) && whole(c.b)) {
      return c.op();
    } else if (whole(c.a) && period(c.b)) {
      return flipped(c.op());
    }
    return null;
  }

  /**
   * The whole number a {@link #periodAgainstWhole} comparison compares the period with.
   *
   * @param c the comparison
   * @return its constant, as an int
   */
  static int whole(Arith.Cmp c) {
    return (int) ((Const) (c.b instanceof Const ? c.b : c.a)).value;
  }

  private static boolean period(Node n) {
    return n instanceof BuiltinSeries b && b.which() == TimeVar.PERIOD;
  }

  private static boolean whole(Node n) {
    return n instanceof Const k && k.value == Math.rint(k.value) && Math.abs(k.value) <= Integer.MAX_VALUE;
  }

  /** The operator with its operands swapped: {@code k < x} is {@code x > k}. */
  private static Arith.Op flipped(Arith.Op op) {
    return switch (op) {
      case LT -> Arith.Op.GT;
      case LE -> Arith.Op.GE;
      case GT -> Arith.Op.LT;
      case GE -> Arith.Op.LE;
      default -> op;
    };
  }
}

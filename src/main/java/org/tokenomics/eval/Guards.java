package org.tokenomics.eval;

/**
 * What a condition tells the code generator ({@link NodeEmitter}): the cell it proves is not 0 in
 * a branch ({@code if revenue > $0 then profit / revenue else 0} divides without testing the
 * divisor again). (Comparing {@code period} with a whole number as ints instead of doubles was
 * tried and dropped: it gives the same answers, but the JIT then made the recurrence benchmark's
 * loop about 6 % slower.)
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

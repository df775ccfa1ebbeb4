package org.tokenomics.eval;

import java.util.Map;
import org.tokenomics.time.TimeVar;

/**
 * Which values of a generated loop ({@link FusedStep#checks}) cannot be NaN or infinite in a period
 * whose earlier values are all finite, so need no test of their own: a bound on a node's magnitude
 * when its inputs are finite. {@code min}, {@code max}, {@code if} and comparisons of finite values
 * are finite; {@code +}, {@code -}, {@code *} and a division by a constant are when the bounds of
 * their operands rule out an overflow (a finite value plus one below 1e290 rounds to a finite value;
 * one times a value at most 1 in magnitude is no larger). A read of a cell computed before the loop,
 * or of an earlier period of a loop's cell, is finite when the cell is checked finite, since a loop
 * stops in the period where any of its checked values is not.
 *
 * <p>The bound is {@code NaN} when the value may not be finite, {@code +∞} when it is finite but of
 * any magnitude, else the largest magnitude.
 */
final class FiniteBounds {
  /** Below this a finite value added to any finite value gives a finite sum (half an ulp of MAX_VALUE is 2^970). */
  private static final double SMALL = 1e290;
  private static final double ANY = Double.POSITIVE_INFINITY;
  private static final double UNKNOWN = Double.NaN;

  private final Program program;
  private final Map<Integer, Double> registers; // slot → bound of a value computed earlier in the period
  private final Map<Integer, Boolean> members;  // slot → whether the loop's cell is checked finite

  /**
   * @param program   the program (for the cells read before the loop), or null: then no such read is trusted
   * @param registers the bounds of the values computed earlier in the same period, by slot
   * @param members   every cell of the loop, by slot: whether it must be finite
   */
  FiniteBounds(Program program, Map<Integer, Double> registers, Map<Integer, Boolean> members) {
    this.program = program;
    this.registers = registers;
    this.members = members;
  }

  /** The bound of a value checked finite or computed from such values: its node's, or any magnitude. */
  static double ofMember(double nodeBound, boolean checkFinite) {
    return Double.isNaN(nodeBound) && checkFinite ? ANY : nodeBound;
  }

  /** The bound of {@code n}'s value when every value it reads is finite where the loop says so. */
  double of(Node n) {
    if (n instanceof Const c) {
      return Double.isFinite(c.value) ? Math.abs(c.value) : UNKNOWN;
    } else if (n instanceof Ref.ScalarRef r) {
      return outside(r.slot());
    } else if (n instanceof Ref.SeriesRef r) {
      Double b = registers.get(r.slot());
      return b != null ? b : members.containsKey(r.slot()) ? UNKNOWN : outside(r.slot());
    } else if (n instanceof Prev x) {
      Boolean member = members.get(x.slot());
      double earlier = member != null ? (member ? ANY : UNKNOWN) : outside(x.slot());
      return max(earlier, x.initial() == null ? 0 : of(x.initial()));
    } else if (n instanceof Arith.Add b) {
      return sum(of(b.a), of(b.b));
    } else if (n instanceof Arith.Sub b) {
      return sum(of(b.a), of(b.b));
    } else if (n instanceof Arith.Mul b) {
      return product(of(b.a), of(b.b));
    } else if (n instanceof Arith.Div d) {
      return quotient(of(d.a), d.b);
    } else if (n instanceof Arith.Neg x) {
      return of(x.a);
    } else if (n instanceof MinMax m) {
      double b = 0;
      for (Node x : m.xs()) {
        b = max(b, of(x));
      }
      return b;
    } else if (n instanceof Arith.If x) {
      return max(of(x.a), of(x.b)); // whatever the condition, one of them
    } else if (n instanceof Arith.Cmp || n instanceof Arith.And || n instanceof Arith.Or || n instanceof Arith.Not) {
      return 1; // 1 or 0
    } else if (n instanceof BuiltinSeries s) {
      return time(s.which());
    }
    return UNKNOWN;
  }

  /** A cell computed before the loop: finite when checked so; a constant param's own magnitude. */
  private double outside(int slot) {
    if (program == null || slot >= program.size()) {
      return UNKNOWN;
    }
    Cell c = program.cell(slot);
    if (c.computer() instanceof Constant k && !c.series()) {
      return Double.isFinite(k.value()) ? Math.abs(k.value()) : UNKNOWN;
    }
    return c.checkFinite() ? ANY : UNKNOWN;
  }

  private double time(TimeVar which) {
    if (program == null) {
      return UNKNOWN;
    }
    return switch (which) {
      case PERIOD -> program.timeline().size();
      case DT -> Math.abs(program.timeline().length());
      default -> ANY; // a year or an instant of a timeline: finite
    };
  }

  private static double max(double a, double b) {
    return Double.isNaN(a) || Double.isNaN(b) ? UNKNOWN : Math.max(a, b);
  }

  private static double sum(double a, double b) {
    if (Double.isNaN(a) || Double.isNaN(b)) {
      return UNKNOWN;
    }
    double s = a + b;
    return s <= Double.MAX_VALUE ? s : Math.min(a, b) <= SMALL ? ANY : UNKNOWN;
  }

  private static double product(double a, double b) {
    if (Double.isNaN(a) || Double.isNaN(b)) {
      return UNKNOWN;
    } else if (a == 0 || b == 0) {
      return 0;
    }
    double p = a * b;
    return p <= Double.MAX_VALUE ? p : a <= 1 || b <= 1 ? ANY : UNKNOWN;
  }

  /** A division by a nonzero constant (by zero it is an error, not a value); any other divisor may overflow. */
  private double quotient(double a, Node divisor) {
    double d = divisor instanceof Const c ? c.value : divisor instanceof Ref.ScalarRef r ? constant(r.slot()) : 0;
    if (Double.isNaN(a) || !Double.isFinite(d) || d == 0) {
      return UNKNOWN;
    }
    double q = a / Math.abs(d);
    return q <= Double.MAX_VALUE ? q : Math.abs(d) >= 1 ? ANY : UNKNOWN;
  }

  private double constant(int slot) {
    if (program != null && slot < program.size() && program.cell(slot).computer() instanceof Constant k
        && !program.cell(slot).series()) {
      return k.value();
    }
    return 0;
  }
}

package org.tokenomics.eval;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Bounds on the magnitudes of a fused loop's values ({@link FusedStep}) when the loop completes, so
 * that a report it computed need not be looked at again before it is shown ({@code run.Display}
 * checks that no value overflows its display unit: {@code 1e306 as bp}). Every evaluation pays
 * for that look, a pass over each report's values; the loop already holds every value in a
 * register.
 *
 * <p>A value the loop checks is tested against {@link #CHECKED} rather than against the largest
 * double: the test costs the same, and a value it passes is bounded as well as finite. A value
 * above {@code CHECKED} but finite (no real quantity in base units comes near 1e300) ends the loop
 * like a value that is not finite: the frame then computes the cells one by one, which gives the same
 * values, and the report is looked at as before. The other values are bounded by {@link FiniteBounds}
 * from those; a shown value that is still of unknown magnitude is checked too (one comparison in a
 * loop that has the value in a register, where the display check would read it back from memory).
 */
final class ShownBounds {
  /** The largest magnitude a checked value of a fused loop may have; above, the loop stops. */
  static final double CHECKED = 1e300;

  private ShownBounds() {}

  /**
   * The bound of each value of a loop when it completes, checking more values where a shown value
   * would otherwise have none.
   *
   * @param program the program (for the cells read before the loop)
   * @param slots   the loop's values' cells, in the order they are computed each period
   * @param nodes   their nodes
   * @param finite  whether each must be finite
   * @param check   which values the loop checks ({@link FusedStep#checks}); set for the shown
   *                values of unknown magnitude that must be finite
   * @param shown   the cells whose values are shown (the roots of the plan)
   * @return the largest magnitude of each value; NaN when unknown, +∞ when finite of any magnitude
   */
  static double[] of(Program program, int[] slots, Node[] nodes, boolean[] finite, boolean[] check, Set<Integer> shown) {
    Map<Integer, Double> registers = new HashMap<>();
    Map<Integer, Boolean> members = new HashMap<>();
    for (int i = 0; i < slots.length; i++) {
      members.put(slots[i], finite[i]);
    }
    FiniteBounds bounds = new FiniteBounds(program, registers, members);
    double[] out = new double[slots.length];
    for (int i = 0; i < slots.length; i++) {
      double b = bounds.of(nodes[i]);
      boolean known = b <= CHECKED; // false for NaN and +∞
      if (!known && !check[i] && finite[i] && shown.contains(slots[i])) {
        check[i] = true;
      }
      if (check[i]) {
        b = known ? b : CHECKED;
      } else {
        b = FiniteBounds.ofMember(b, finite[i]); // unchecked: finite (covered) of any magnitude at best
      }
      registers.put(slots[i], b);
      out[i] = b;
    }
    return out;
  }

  /**
   * The bounds of a fused plan's values, by slot ({@link Fusion#bounds}): its groups' kept cells',
   * and a root's that is another name for one of those ({@link Alias}); NaN elsewhere.
   *
   * @param plan  the plan
   * @param steps its fused steps
   * @return the largest magnitude of each slot's values when the steps ran to their end, or NaN
   */
  static double[] ofPlan(Program.Plan plan, Fusion.Step[] steps) {
    Program program = plan.program();
    double[] out = new double[program.size()];
    java.util.Arrays.fill(out, Double.NaN);
    for (Fusion.Step s : steps) {
      if (s.group() != null && s.group().keptBounds() != null) {
        for (int i = 0; i < s.group().kept().length; i++) {
          out[s.group().kept()[i]] = s.group().keptBounds()[i];
        }
      }
    }
    for (int r : plan.roots()) { // a report of a cell (report revenue as $M) shares or copies its values
      out[r] = out[shared(program, r)];
    }
    return out;
  }

  /** The roots of the plan and the cells whose values they share ({@link Alias}): the values shown. */
  static Set<Integer> shown(Program.Plan plan) {
    Set<Integer> out = new HashSet<>();
    for (int r : plan.roots()) {
      out.add(r);
      out.add(shared(plan.program(), r));
    }
    return out;
  }

  /** The cell whose values {@code slot}'s are, following {@link Alias}es. */
  private static int shared(Program program, int slot) {
    int s = slot;
    for (int hops = 0; hops < program.size() && program.cell(s).computer() instanceof Alias a; hops++) {
      s = a.slot();
    }
    return s;
  }
}

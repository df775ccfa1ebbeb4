package org.tokenomics.eval;

import static org.objectweb.asm.Opcodes.AALOAD;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ASTORE;
import static org.objectweb.asm.Opcodes.DASTORE;
import static org.objectweb.asm.Opcodes.DCMPG;
import static org.objectweb.asm.Opcodes.DLOAD;
import static org.objectweb.asm.Opcodes.DSTORE;
import static org.objectweb.asm.Opcodes.GETFIELD;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.ICONST_1;
import static org.objectweb.asm.Opcodes.IFGT;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.IRETURN;
import static org.objectweb.asm.Opcodes.ISTORE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;
import org.tokenomics.time.Timeline;

/**
 * Compiles a group of pointwise cells ({@link Fusion}) to one loop over the periods: each period,
 * each member's node in plan order, its value kept in a local that the later members read instead
 * of its array, stored into an array only when something outside the group reads it, e.g.
 *
 * <pre>{@code
 * double[] revenue = arrays[0];                 // the members something else reads
 * double price = f.slots[3][0];                 // references, read once
 * for (int p = 0; p < n; p++) {
 *   double paying = users[p] * conversion;      // a member no one else reads: a local only
 *   if (!Double.isFinite(paying)) return false;
 *   double r = paying * price;
 *   if (!Double.isFinite(r)) return false;
 *   revenue[p] = r;
 * }
 * return true;
 * }</pre>
 *
 * <p>A recurrence ({@link Recurrence}) may be part of the group: its members are computed at its
 * leader's place, in its own order, exactly as its step computes them, and a read of last period's
 * value of any member ({@code prev}) is a local too, so a balance nothing outside reads has no array,
 * as in a hand-written loop.
 *
 * <p>Nodes are emitted by {@link NodeEmitter}, exactly as for a cell of their own, except that a
 * read of a {@link Constant} scalar cell is the constant itself. A value that is
 * not finite (or beyond {@link ShownBounds#CHECKED}), or any error, ends the loop: the frame then computes the members one by one as if
 * nothing had been fused, and meets the interpreter's errors in the interpreter's order.
 */
final class FusedStep {
  /** The generated method. */
  interface Code {
    /**
     * Computes the group into {@code arrays} (the kept members', in order).
     *
     * @param f      the frame
     * @param arrays the kept members' arrays, one value per period each
     * @return false when a value was not finite
     */
    boolean run(Frame f, double[][] arrays);
  }

  /**
   * A compiled group.
   *
   * @param members     the members' slots, in the order they are computed each period (a
   *                    recurrence's members where its leader is in the plan)
   * @param nodes       the members' nodes, in that order
   * @param kept        the slots whose arrays are stored, in the order of {@code arrays}
   * @param uninstalled the recurrence members ({@link Adopt}) whose arrays are not stored: the frame
   *                    marks them so a read computes their recurrence again ({@link Frame#runGroup})
   * @param code        the generated loop
   * @param keptBounds  the largest magnitude of each kept array's values when the loop completes
   *                    ({@link ShownBounds}; NaN when unknown), or null when nothing is known
   */
  record Compiled(int[] members, Node[] nodes, int[] kept, int[] uninstalled, Code code, double[] keptBounds) {
    /** A compiled group whose values' magnitudes are not known. */
    Compiled(int[] members, Node[] nodes, int[] kept, int[] uninstalled, Code code) {
      this(members, nodes, kept, uninstalled, code, null);
    }
  }

  /** One value computed each period: a pointwise cell, or a member of a recurrence. */
  private record Member(int slot, String name, Node node, boolean checkFinite) {}

  private static final String FRAME = Type.getInternalName(Frame.class);
  private static final String TIMELINE = Type.getInternalName(Timeline.class);

  // Locals of run(Frame f, double[][] arrays) beside NodeEmitter.F and the arrays (2).
  private static final int N = 3;
  private static final int P = 4;
  private static final int FIRST_FREE = 5;

  private FusedStep() {}

  /**
   * The group's code, or null when it is too large for the JIT.
   *
   * @param group the group's cells in plan order: pointwise series cells, or the leaders of
   *              recurrences ({@link Recurrence}), whose members are computed in their group's
   *              order at that place, their last period's values in locals
   * @param keep  the cells read from outside the group (more are kept when a member reads
   *              another's value further back than the last period)
   */
  static Compiled define(Program program, int[] group, Set<Integer> keep) throws ReflectiveOperationException {
    return define(program, group, keep, Set.of());
  }

  /**
   * {@link #define(Program, int[], Set)}, bounding the values of {@code shown} cells (checking them
   * where nothing else bounds them), so that showing them needs no pass over them ({@link ShownBounds}).
   */
  static Compiled define(Program program, int[] group, Set<Integer> keep, Set<Integer> shown)
      throws ReflectiveOperationException {
    List<Member> list = new ArrayList<>();
    for (int s : group) {
      Cell c = program.cell(s);
      if (c.computer() instanceof Recurrence r) {
        for (Recurrence.Member m : r.members()) {
          list.add(new Member(m.slot(), m.name(), m.node(), m.checkFinite()));
        }
      } else {
        list.add(new Member(s, c.name(), ((NodeComputer) c.computer()).node(), c.checkFinite()));
      }
    }
    Member[] cells = list.toArray(Member[]::new);
    HiddenClass cls = new HiddenClass("org/tokenomics/eval/CompiledFusion", Code.class, "run",
        "(" + Type.getDescriptor(Frame.class) + "[[D)Z");
    NodeEmitter emitter = new NodeEmitter(cls, FIRST_FREE);
    int[] registers = new int[cells.length];
    for (int i = 0; i < cells.length; i++) {
      registers[i] = emitter.register(cells[i].slot());
      emitter.knownSeries(cells[i].slot());
    }
    for (Member c : cells) {
      constants(program, c.node(), emitter);
      emitter.collect(c.node());
    }
    List<Integer> kept = new ArrayList<>();
    List<Integer> uninstalled = new ArrayList<>();
    for (Member c : cells) {
      if (emitter.scalarSlots().contains(c.slot())) {
        throw new IllegalStateException("a scalar read of series cell " + c.name());
      }
      if (keep.contains(c.slot()) || emitter.seriesSlots().contains(c.slot())) {
        kept.add(c.slot());
      } else if (program.cell(c.slot()).computer() instanceof Adopt) {
        uninstalled.add(c.slot());
      }
    }
    int[] arrays = new int[cells.length];
    int[] slots = new int[cells.length];
    Node[] nodes = new Node[cells.length];
    boolean[] finite = new boolean[cells.length];
    for (int i = 0; i < cells.length; i++) {
      slots[i] = cells[i].slot();
      nodes[i] = cells[i].node();
      finite[i] = cells[i].checkFinite();
    }
    boolean[] check = checks(program, slots, nodes, finite);
    double[] bounds = ShownBounds.of(program, slots, nodes, finite, check, shown);
    Code code = cls.define(mv -> body(mv, emitter, slots, nodes, registers, kept, arrays, check));
    if (code == null) {
      return null;
    }
    double[] keptBounds = new double[kept.size()];
    for (int i = 0; i < cells.length; i++) {
      int j = kept.indexOf(slots[i]);
      if (j >= 0) {
        keptBounds[j] = bounds[i];
      }
    }
    return new Compiled(slots, nodes, kept.stream().mapToInt(Integer::intValue).toArray(),
        uninstalled.stream().mapToInt(Integer::intValue).toArray(), code, keptBounds);
  }

  /** Declares the {@link Constant} scalar cells the emitted nodes read as constants of the code. */
  private static void constants(Program program, Node n, NodeEmitter emitter) {
    if (n instanceof Ref.ScalarRef r && program.cell(r.slot()).computer() instanceof Constant k) {
      emitter.constantSlot(r.slot(), k.value());
    }
    Node[] inputs = Inlined.inputs(n);
    if (inputs != null) {
      for (Node in : inputs) {
        constants(program, in, emitter);
      }
    }
  }

  /**
   * Which of the values computed in this order each period the loop checks. A value that is not
   * finite stays so through {@code +}, {@code -}, {@code *}, a negation and a dividend (NaN, or ±∞
   * over a finite divisor): a value that reaches a later one only through those need not be checked
   * itself when that later value is checked (or is itself so covered), because the later one is
   * then not finite in the same period and ends the loop, and the frame finds the first culprit
   * cell by cell. Nor is a value that cannot help being finite when the values before it are
   * ({@link FiniteBounds}): the first value of a period that is not finite is then always one that
   * is checked, or one that reaches a checked one.
   *
   * @param program the program (for the cells read before the loop), or null when not known
   * @param slots   their cells
   * @param nodes   their nodes
   * @param finite  whether each must be finite
   * @return which to check
   */
  static boolean[] checks(Program program, int[] slots, Node[] nodes, boolean[] finite) {
    return checks(program, slots, nodes, finite, true);
  }

  /**
   * {@link #checks(Program, int[], Node[], boolean[])}, with {@code useBounds} false when the nodes'
   * numbers are one member's of several that share the code ({@link TotalLoop}): a bound found
   * from one member's constants need not hold for another's, so only coverage spares a check.
   */
  static boolean[] checks(Program program, int[] slots, Node[] nodes, boolean[] finite, boolean useBounds) {
    Map<Integer, Integer> index = new HashMap<>();
    Map<Integer, Boolean> members = new HashMap<>();
    for (int i = 0; i < slots.length; i++) {
      index.put(slots[i], i);
      members.put(slots[i], finite[i]);
    }
    Map<Integer, Double> registers = new HashMap<>();
    FiniteBounds bounds = new FiniteBounds(program, registers, members);
    boolean[] bounded = new boolean[slots.length];
    for (int i = 0; i < slots.length; i++) {
      double b = useBounds ? bounds.of(nodes[i]) : Double.NaN;
      bounded[i] = !Double.isNaN(b);
      registers.put(slots[i], FiniteBounds.ofMember(b, finite[i]));
    }
    boolean[] check = new boolean[slots.length];
    boolean[] detected = new boolean[slots.length];
    boolean[] covered = new boolean[slots.length];
    for (int j = slots.length - 1; j >= 0; j--) {
      check[j] = finite[j] && !covered[j] && !bounded[j];
      detected[j] = check[j] || covered[j];
      if (detected[j]) {
        Set<Integer> reached = new HashSet<>();
        propagating(nodes[j], reached);
        for (int slot : reached) {
          Integer i = index.get(slot);
          if (i != null && i < j) {
            covered[i] = true;
          }
        }
      }
    }
    return check;
  }

  /** The cells read through operations that keep a value's being NaN or infinite. */
  private static void propagating(Node n, Set<Integer> out) {
    if (n instanceof Ref.SeriesRef r) {
      out.add(r.slot());
    } else if (n instanceof Arith.Add || n instanceof Arith.Sub || n instanceof Arith.Mul) {
      propagating(((Arith.Bin) n).a, out);
      propagating(((Arith.Bin) n).b, out);
    } else if (n instanceof Arith.Div d) {
      propagating(d.a, out); // not the divisor: x / ∞ is 0
    } else if (n instanceof Arith.Neg x) {
      propagating(x.a, out);
    }
  }

  private static void body(MethodVisitor mv, NodeEmitter emitter, int[] slots, Node[] nodes, int[] registers,
      List<Integer> kept, int[] arrays, boolean[] check) {
    emitter.start(mv);
    mv.visitVarInsn(ALOAD, NodeEmitter.F); // n = f.timeline.size()
    mv.visitFieldInsn(GETFIELD, FRAME, "timeline", Type.getDescriptor(Timeline.class));
    mv.visitMethodInsn(INVOKEVIRTUAL, TIMELINE, "size", "()I", false);
    mv.visitVarInsn(ISTORE, N);
    for (int i = 0; i < slots.length; i++) {
      int j = kept.indexOf(slots[i]);
      arrays[i] = -1;
      if (j >= 0) {
        arrays[i] = emitter.newLocal(1);
        mv.visitVarInsn(ALOAD, 2);
        mv.visitLdcInsn(j);
        mv.visitInsn(AALOAD);
        mv.visitVarInsn(ASTORE, arrays[i]);
        if (emitter.seriesSlots().contains(slots[i])) {
          emitter.bindSeries(slots[i], arrays[i]); // read further back than the last period: its array
        }
      }
    }
    emitter.readReferences();
    List<Node> first = Hoisting.of(nodes, java.util.Arrays.stream(slots).boxed().collect(java.util.stream.Collectors.toSet()));
    int[] firstLocals = new int[first.size()];
    for (int h = 0; h < firstLocals.length; h++) {
      firstLocals[h] = emitter.newLocal(2);
    }
    Label abort = new Label();
    emitter.forPeriods(P, N, () -> {
      for (int h = 0; h < firstLocals.length; h++) { // the period's calls first (Hoisting)
        int local = firstLocals[h];
        emitter.emit(first.get(h), P);
        mv.visitVarInsn(DSTORE, local);
        emitter.pushWith(first.get(h), () -> mv.visitVarInsn(DLOAD, local)); // where the members read it
      }
      for (int i = 0; i < slots.length; i++) {
        emitter.emit(nodes[i], P); // with an empty stack
        mv.visitVarInsn(DSTORE, registers[i]);
        if (check[i]) { // if (!(Math.abs(v) <= CHECKED)) stop: as cheap as Double.isFinite, and bounds v too
          mv.visitVarInsn(DLOAD, registers[i]);
          mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", "abs", "(D)D", false);
          mv.visitLdcInsn(ShownBounds.CHECKED);
          mv.visitInsn(DCMPG); // 1 when greater or NaN
          mv.visitJumpInsn(IFGT, abort);
        }
        if (arrays[i] >= 0) {
          mv.visitVarInsn(ALOAD, arrays[i]);
          mv.visitVarInsn(ILOAD, P);
          mv.visitVarInsn(DLOAD, registers[i]);
          mv.visitInsn(DASTORE);
        }
      }
      emitter.endPeriod();
    });
    mv.visitInsn(ICONST_1);
    mv.visitInsn(IRETURN);
    mv.visitLabel(abort);
    mv.visitInsn(ICONST_0);
    mv.visitInsn(IRETURN);
  }
}

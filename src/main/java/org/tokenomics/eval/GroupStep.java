package org.tokenomics.eval;

import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ARRAYLENGTH;
import static org.objectweb.asm.Opcodes.DASTORE;
import static org.objectweb.asm.Opcodes.DLOAD;
import static org.objectweb.asm.Opcodes.DSTORE;
import static org.objectweb.asm.Opcodes.IFEQ;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.POP;
import static org.objectweb.asm.Opcodes.RETURN;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Compiles a recurrence group ({@link Recurrence}) to JVM bytecode: the loop over periods with
 * each member's node inlined in the group's same-period order, e.g. for a loan
 *
 * <pre>{@code
 * r.install(f, out);                                   // the members' arrays, in the frame
 * double[] interest = f.slots[7], debt = f.slots[8];   // members and references, read once
 * double rate = f.slots[3][0];
 * double lastDebt = 0;
 * for (int p = 0; p < out.length; p++) {
 *   double i = (p < 1 ? opening : lastDebt) * rate;      // a member's value: a local
 *   interest[p] = i;                                     // (checked by debt's check, below)
 *   double d = (p < 1 ? opening : lastDebt) + i - repay;
 *   if (!Double.isFinite(d)) { r.interpret(f, out); return; }
 *   debt[p] = d;
 *   lastDebt = d;                                        // prev(debt) next period
 * }
 * }</pre>
 *
 * The arrays are installed before the references are read, so a member's reads of earlier
 * periods ({@link Prev}) see the values computed so far, exactly as the interpreter's, and a read of a
 * member before it in the same period is that member's local, as is a read of its last period's
 * value ({@code prev}, {@code lag(x, 1)}: the value it stored there). A NaN or infinite value makes the
 * interpreter compute the group again, which meets it as TOK500 at its own member and period
 * ({@link Recurrence#notFinite}); a member whose value reaches a later checked one through
 * {@code + - *} is not checked itself ({@link FusedStep#checks}). The group's nodes count together against
 * {@link Codegen#MAX_NODES}, and its step must stay small enough for the JIT
 * ({@link HiddenClass#HUGE_METHOD}): a larger group stays interpreted.
 */
final class GroupStep {
  private static final String RECURRENCE = Type.getInternalName(Recurrence.class);
  private static final String FRAME_DESC = Type.getDescriptor(Frame.class);

  // Locals of compute(Frame f, double[] out) beside NodeEmitter.F and OUT.
  private static final int N = 3;
  private static final int P = 4;
  private static final int FIRST_FREE = 5;

  private GroupStep() {}

  /** The group's compiled computer, or null when it is too large to compile. */
  static Computer define(Recurrence r) throws ReflectiveOperationException {
    HiddenClass cls = new HiddenClass("org/tokenomics/eval/CompiledGroup");
    NodeEmitter emitter = new NodeEmitter(cls, FIRST_FREE);
    Recurrence.Member[] members = r.members();
    int[] registers = new int[members.length];
    int[] slots = new int[members.length];
    Node[] nodes = new Node[members.length];
    boolean[] finite = new boolean[members.length];
    for (int i = 0; i < members.length; i++) {
      // a same-period read of a member comes after it in the group's order: its local
      registers[i] = emitter.register(members[i].slot());
      emitter.knownSeries(members[i].slot());
      slots[i] = members[i].slot();
      nodes[i] = members[i].node();
      finite[i] = members[i].checkFinite();
    }
    for (Recurrence.Member m : members) {
      emitter.readSeries(m.slot());
      emitter.collect(m.node());
    }
    boolean[] check = FusedStep.checks(null, slots, nodes, finite);
    if (emitter.nodes() > Codegen.MAX_NODES) {
      return null;
    }
    for (Recurrence.Member m : members) {
      if (emitter.scalarSlots().contains(m.slot())) {
        // a member's value is read per period, never once before the loop
        throw new IllegalStateException("a scalar read of recurrence member " + m.name());
      }
    }
    return cls.define(mv -> step(mv, cls, emitter, r, members, registers, check));
  }

  /**
   * {@code r.install(f, out); n = out.length; refs…; for (p …) for (member i …) a_i[p] = v_i = node_i(p)},
   * checking the values {@link FusedStep#checks} says: on one that is not finite, the interpreter
   * computes the group again and meets the first such value at its own member and period.
   */
  private static void step(MethodVisitor mv, HiddenClass cls, NodeEmitter emitter, Recurrence r,
      Recurrence.Member[] members, int[] registers, boolean[] check) {
    emitter.start(mv);
    cls.constant(mv, r, Recurrence.class);
    mv.visitVarInsn(ALOAD, NodeEmitter.F);
    mv.visitVarInsn(ALOAD, NodeEmitter.OUT);
    mv.visitMethodInsn(INVOKEVIRTUAL, RECURRENCE, "install", "(" + FRAME_DESC + "[D)[[D", false);
    mv.visitInsn(POP); // the arrays are read from the frame with the references
    mv.visitVarInsn(ALOAD, NodeEmitter.OUT);
    mv.visitInsn(ARRAYLENGTH);
    mv.visitVarInsn(ISTORE, N);
    emitter.readReferences();

    Label again = new Label();
    emitter.forPeriods(P, N, () -> {
      for (int i = 0; i < members.length; i++) {
        Recurrence.Member m = members[i];
        emitter.emit(m.node(), P); // with an empty stack, as in a cell's loop
        mv.visitVarInsn(DSTORE, registers[i]);
        if (check[i]) {
          mv.visitVarInsn(DLOAD, registers[i]);
          mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "isFinite", "(D)Z", false);
          mv.visitJumpInsn(IFEQ, again);
        }
        mv.visitVarInsn(ALOAD, emitter.seriesLocal(m.slot()));
        mv.visitVarInsn(ILOAD, P);
        mv.visitVarInsn(DLOAD, registers[i]);
        mv.visitInsn(DASTORE);
      }
      emitter.endPeriod();
    });
    mv.visitInsn(RETURN);
    mv.visitLabel(again); // r.interpret(f, out): the same values, and the interpreter's TOK500
    cls.constant(mv, r, Recurrence.class);
    mv.visitVarInsn(ALOAD, NodeEmitter.F);
    mv.visitVarInsn(ALOAD, NodeEmitter.OUT);
    mv.visitMethodInsn(INVOKEVIRTUAL, RECURRENCE, "interpret", "(" + FRAME_DESC + "[D)V", false);
    mv.visitInsn(RETURN);
  }
}

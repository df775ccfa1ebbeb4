package org.tokenomics.eval;

import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ARRAYLENGTH;
import static org.objectweb.asm.Opcodes.ATHROW;
import static org.objectweb.asm.Opcodes.DASTORE;
import static org.objectweb.asm.Opcodes.DLOAD;
import static org.objectweb.asm.Opcodes.DSTORE;
import static org.objectweb.asm.Opcodes.IFNE;
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
 * for (int p = 0; p < out.length; p++) {
 *   double v = (p < 1 ? opening : debt[p - 1]) * rate;
 *   if (!Double.isFinite(v)) throw r.notFinite(f, 0, p, v);
 *   interest[p] = v;
 *   v = (p < 1 ? opening : debt[p - 1]) + interest[p] - repay[p];
 *   …
 *   debt[p] = v;
 * }
 * }</pre>
 *
 * The arrays are installed before the references are read, so a member's reads of earlier
 * periods ({@link Prev}) and of members before it in the same period see the values computed so
 * far, exactly as the interpreter's; a NaN or infinite value is the interpreter's TOK500 at the
 * same member and period ({@link Recurrence#notFinite}). The group's nodes count together against
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
    for (Recurrence.Member m : members) {
      emitter.readSeries(m.slot());
      emitter.collect(m.node());
    }
    if (emitter.nodes() > Codegen.MAX_NODES) {
      return null;
    }
    for (Recurrence.Member m : members) {
      if (emitter.scalarSlots().contains(m.slot())) {
        // a member's value is read per period, never once before the loop
        throw new IllegalStateException("a scalar read of recurrence member " + m.name());
      }
    }
    return cls.define(mv -> step(mv, cls, emitter, r, members));
  }

  /** {@code r.install(f, out); n = out.length; refs…; for (p …) for (member i …) a_i[p] = finite(node_i(p))}. */
  private static void step(MethodVisitor mv, HiddenClass cls, NodeEmitter emitter, Recurrence r,
      Recurrence.Member[] members) {
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

    int v = emitter.newLocal(2);
    emitter.forPeriods(P, N, () -> {
      for (int i = 0; i < members.length; i++) {
        Recurrence.Member m = members[i];
        emitter.emit(m.node(), P); // with an empty stack, as in a cell's loop
        mv.visitVarInsn(DSTORE, v);
        if (m.checkFinite()) {
          Label ok = new Label();
          mv.visitVarInsn(DLOAD, v);
          mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "isFinite", "(D)Z", false);
          mv.visitJumpInsn(IFNE, ok);
          cls.constant(mv, r, Recurrence.class);
          mv.visitVarInsn(ALOAD, NodeEmitter.F);
          mv.visitLdcInsn(i);
          mv.visitVarInsn(ILOAD, P);
          mv.visitVarInsn(DLOAD, v);
          mv.visitMethodInsn(INVOKEVIRTUAL, RECURRENCE, "notFinite",
              "(" + FRAME_DESC + "IID)" + Type.getDescriptor(EvalError.class), false);
          mv.visitInsn(ATHROW);
          mv.visitLabel(ok);
        }
        mv.visitVarInsn(ALOAD, emitter.seriesLocal(m.slot()));
        mv.visitVarInsn(ILOAD, P);
        mv.visitVarInsn(DLOAD, v);
        mv.visitInsn(DASTORE);
      }
    });
    mv.visitInsn(RETURN);
  }
}

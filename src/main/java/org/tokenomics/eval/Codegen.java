package org.tokenomics.eval;

import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ARRAYLENGTH;
import static org.objectweb.asm.Opcodes.DADD;
import static org.objectweb.asm.Opcodes.DASTORE;
import static org.objectweb.asm.Opcodes.DCONST_0;
import static org.objectweb.asm.Opcodes.DLOAD;
import static org.objectweb.asm.Opcodes.DSTORE;
import static org.objectweb.asm.Opcodes.DUP2;
import static org.objectweb.asm.Opcodes.IAND;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.ICONST_1;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.IFNE;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.PUTFIELD;
import static org.objectweb.asm.Opcodes.RETURN;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Compiles a {@link NodeComputer} to JVM bytecode: a hidden class whose {@code compute} is the
 * loop a person would write for the cell, e.g. for {@code let online = capacity * ramp(from: s, over: d)}
 *
 * <pre>{@code
 * double capacity = f.slots[3][0], s = f.slots[4][0], d = f.slots[5][0];  // references, read once
 * for (int p = 0; p < out.length; p++) {
 *   out[p] = capacity * ramp.apply(f, p, s, d);                       // ramp: a constant node
 * }
 * }</pre>
 *
 * <p>Only what needs it is generated: constants, references, {@code prev}, arithmetic,
 * comparisons, conditions, {@code and}/{@code or}, element-wise min/max; {@link Strict} nodes (the
 * time functions, math functions, plugin calls …) have their inputs inlined and their {@code apply}
 * called; any other node is called as {@code node.eval(f, p)}. Operators that read a whole series
 * or shift periods (reductions, npv/irr/payback, lag, cumsum, {@code x[D]}) are cells of their own
 * (the checker makes them so), read here through references: the generator never needs to know
 * them. Nodes the code calls are constants of the class (class data, loaded with {@code ldc}), so
 * the JIT inlines them. The work is split by concern: {@link HiddenClass} emits the class,
 * {@link NodeEmitter} the nodes, this class a cell's loop and {@link GroupStep} a recurrence
 * group's periods.
 *
 * <p>The generated code evaluates exactly what the interpreter evaluates, in the same order: the
 * untaken branch of {@code if}, the right side of a decided {@code and}/{@code or} are never
 * evaluated, a divisor before its dividend, and every error is the
 * interpreter's own (the node builds it). References are read before the loop: the frame computes
 * a cell's dependencies before the cell.
 */
final class Codegen {
  /** Larger cells stay interpreted: the JVM does not JIT-compile methods over 8,000 bytes of bytecode. */
  static final int MAX_NODES = 400;

  private static final boolean STRICT = Boolean.getBoolean("tok.compile.strict");

  // Locals of compute(Frame f, double[] out) beside NodeEmitter.F and OUT; more are allocated as needed.
  private static final int N = 3;
  private static final int P = 4;
  private static final int FIRST_FREE = 5;

  private Codegen() {}

  /** The compiled computer, or null when the cell cannot be compiled (it then stays interpreted). */
  static Computer compile(NodeComputer c) {
    if (c.kind() == NodeComputer.Kind.EACH && c.node() instanceof Sum s && s.byColumns() != null) {
      return s.byColumns(); // a family's total: term by term rather than period by period
    }
    try {
      HiddenClass cls = new HiddenClass("org/tokenomics/eval/CompiledCell");
      NodeEmitter emitter = new NodeEmitter(cls, FIRST_FREE);
      emitter.collect(c.node());
      if (emitter.nodes() > MAX_NODES) {
        return null;
      }
      return cls.define(mv -> loop(mv, emitter, c));
    } catch (RuntimeException | LinkageError | ReflectiveOperationException e) {
      return refused(c.node(), e);
    }
  }

  /** The compiled step of a recurrence group, or null when it cannot be compiled (it then stays interpreted). */
  static Computer compile(Recurrence r) {
    try {
      return GroupStep.define(r);
    } catch (RuntimeException | LinkageError | ReflectiveOperationException e) {
      return refused(r, e);
    }
  }

  /** Null, or under {@code -Dtok.compile.strict=true} (the test suite) an error. */
  static Computer refused(Object what, Throwable e) {
    if (STRICT) {
      throw new IllegalStateException("cannot compile " + what, e);
    }
    return null;
  }

  /** {@code int n = out.length; if (n == 0) return; refs…; for (p …) out[p] = node(p)}. */
  private static void loop(MethodVisitor mv, NodeEmitter emitter, NodeComputer source) {
    emitter.start(mv);
    Label go = new Label();
    mv.visitVarInsn(ALOAD, NodeEmitter.OUT);
    mv.visitInsn(ARRAYLENGTH);
    mv.visitVarInsn(ISTORE, N);
    mv.visitVarInsn(ILOAD, N);
    mv.visitJumpInsn(IFNE, go);
    mv.visitInsn(RETURN);
    mv.visitLabel(go);
    emitter.readReferences();

    boolean sum = source.kind() == NodeComputer.Kind.RUNNING_SUM;
    int acc = emitter.newLocal(2);
    int v = emitter.newLocal(2);
    int finite = emitter.newLocal(1); // 1 while every value so far is finite
    mv.visitInsn(DCONST_0);
    mv.visitVarInsn(DSTORE, acc);
    mv.visitInsn(ICONST_1);
    mv.visitVarInsn(ISTORE, finite);
    emitter.forPeriods(P, N, () -> {
      // v = node(p), with an empty stack (so that a loop inside, e.g. a reduction's, can be
      // compiled on stack replacement)
      emitter.emit(source.node(), P);
      mv.visitVarInsn(DSTORE, v);
      if (sum) {
        mv.visitVarInsn(DLOAD, acc); // v = acc += v
        mv.visitVarInsn(DLOAD, v);
        mv.visitInsn(DADD);
        mv.visitInsn(DUP2);
        mv.visitVarInsn(DSTORE, acc);
        mv.visitVarInsn(DSTORE, v);
      }
      mv.visitVarInsn(ALOAD, NodeEmitter.OUT);
      mv.visitVarInsn(ILOAD, P);
      mv.visitVarInsn(DLOAD, v);
      mv.visitInsn(DASTORE);
      // finite &= Double.isFinite(v): a flag, not a throw, so that a later period's own error
      // (a division by zero) still comes first, as in the interpreter
      mv.visitVarInsn(ILOAD, finite);
      mv.visitVarInsn(DLOAD, v);
      mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "isFinite", "(D)Z", false);
      mv.visitInsn(IAND);
      mv.visitVarInsn(ISTORE, finite);
    });
    // f.finite = finite: the frame then skips its own pass over the values
    mv.visitVarInsn(ALOAD, NodeEmitter.F);
    mv.visitVarInsn(ILOAD, finite);
    mv.visitFieldInsn(PUTFIELD, Type.getInternalName(Frame.class), "finite", "Z");
    mv.visitInsn(RETURN);
  }
}

package org.tokenomics.eval;

import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ARRAYLENGTH;
import static org.objectweb.asm.Opcodes.ATHROW;
import static org.objectweb.asm.Opcodes.DADD;
import static org.objectweb.asm.Opcodes.DALOAD;
import static org.objectweb.asm.Opcodes.DCMPL;
import static org.objectweb.asm.Opcodes.IFLT;
import static org.objectweb.asm.Opcodes.IFLE;
import static org.objectweb.asm.Opcodes.IFGT;
import static org.objectweb.asm.Opcodes.IFGE;
import static org.objectweb.asm.Opcodes.I2D;
import static org.objectweb.asm.Opcodes.DCMPG;
import static org.objectweb.asm.Opcodes.DCONST_0;
import static org.objectweb.asm.Opcodes.DCONST_1;
import static org.objectweb.asm.Opcodes.DDIV;
import static org.objectweb.asm.Opcodes.DLOAD;
import static org.objectweb.asm.Opcodes.DMUL;
import static org.objectweb.asm.Opcodes.DNEG;
import static org.objectweb.asm.Opcodes.DSTORE;
import static org.objectweb.asm.Opcodes.DSUB;
import static org.objectweb.asm.Opcodes.DUP2;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.ICONST_1;
import static org.objectweb.asm.Opcodes.IFEQ;
import static org.objectweb.asm.Opcodes.IFNE;
import static org.objectweb.asm.Opcodes.IF_ICMPLT;
import static org.objectweb.asm.Opcodes.IF_ICMPNE;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.ISUB;

import java.lang.reflect.Method;
import org.objectweb.asm.Label;
import org.objectweb.asm.Type;
import org.tokenomics.time.TimeVar;

/**
 * The node emission of the code generator: pushes a node's value in a period onto the operand
 * stack, exactly as the node's {@code eval} computes it (see {@link Codegen}). It first
 * {@link #collect collects} the references of the nodes it will emit, then, inside the generated
 * method, {@link #readReferences reads} each once into a local and {@link #emit emits} nodes; the
 * locals and their bookkeeping are {@link EmitterLocals}', the emission is this class's.
 *
 * <p>A {@link Prev} is inlined: {@code p < periods ? initial(p) : (v.length == 1 ? v[0] : v[p - periods])},
 * with the array {@code v} read with the other references. A recurrence group installs its
 * members' arrays before its references are read ({@link GroupStep}), so a read of a member in an
 * earlier period, or of an earlier member in the same period, sees what was computed so far.
 */
final class NodeEmitter extends EmitterLocals {
  /**
   * @param cls       the class the code goes into (its constants)
   * @param firstFree the first local the emitter may allocate
   */
  NodeEmitter(HiddenClass cls, int firstFree) {
    super(cls, firstFree);
  }

  /** Pushes the value of {@code n} in the period held by local {@code period}. */
  @Override
  void emit(Node n, int period) {
    Runnable push = pushers.get(n);
    if (push != null) {
      push.run();
    } else if (n instanceof Const c) {
      mv.visitLdcInsn(c.value);
    } else if (n instanceof Ref.ScalarRef r && constants.containsKey(r.slot())) {
      mv.visitLdcInsn(constants.get(r.slot()));
    } else if (n instanceof Ref.ScalarRef r) {
      mv.visitVarInsn(DLOAD, scalarRefs.get(r.slot()));
    } else if (n instanceof Ref.SeriesRef r && registers.containsKey(r.slot())) {
      mv.visitVarInsn(DLOAD, registers.get(r.slot()));
    } else if (n instanceof Ref.SeriesRef r) {
      mv.visitVarInsn(ALOAD, seriesRefs.get(r.slot()));
      mv.visitVarInsn(ILOAD, period);
      mv.visitInsn(DALOAD);
    } else if (n instanceof Arith.Add b) {
      binary(b, DADD, period);
    } else if (n instanceof Arith.Sub b) {
      binary(b, DSUB, period);
    } else if (n instanceof Arith.Mul b) {
      binary(b, DMUL, period);
    } else if (n instanceof Arith.Div d) {
      divide(d, period);
    } else if (n instanceof Arith.Pow b) {
      emit(b.a, period);
      emit(b.b, period);
      mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", "pow", "(DD)D", false);
    } else if (n instanceof Arith.Neg x) {
      emit(x.a, period);
      mv.visitInsn(DNEG);
    } else if (n instanceof Arith.And b) {
      logic(b, true, period);
    } else if (n instanceof Arith.Or b) {
      logic(b, false, period);
    } else if (n instanceof Arith.Not x) {
      // a != 0 ? 0 : 1
      Label zero = new Label();
      Label one = new Label();
      Label end = new Label();
      isZero(x.a, period, one, zero);
      mv.visitLabel(zero);
      mv.visitInsn(DCONST_0);
      mv.visitJumpInsn(GOTO, end);
      mv.visitLabel(one);
      mv.visitInsn(DCONST_1);
      mv.visitLabel(end);
    } else if (n instanceof Arith.If x) {
      // c != 0 ? a : b
      Label otherwise = new Label();
      Label then = new Label();
      Label end = new Label();
      isZero(x.c, period, otherwise, then);
      mv.visitLabel(then);
      guarded(guard(x.c, true), () -> emit(x.a, period));
      mv.visitJumpInsn(GOTO, end);
      mv.visitLabel(otherwise);
      guarded(guard(x.c, false), () -> emit(x.b, period));
      mv.visitLabel(end);
    } else if (n instanceof MinMax m) {
      Node[] xs = m.xs();
      emit(xs[0], period);
      for (int i = 1; i < xs.length; i++) {
        emit(xs[i], period);
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", m.isMax() ? "max" : "min", "(DD)D", false);
      }
    } else if (n instanceof Prev x) {
      prev(x, period);
    } else if (n instanceof Arith.Cmp c) {
      // a OP b ? 1 : 0
      Label no = new Label();
      Label end = new Label();
      compare(c, period, no);
      mv.visitInsn(DCONST_1);
      mv.visitJumpInsn(GOTO, end);
      mv.visitLabel(no);
      mv.visitInsn(DCONST_0);
      mv.visitLabel(end);
    } else if (n instanceof BuiltinSeries b) {
      time(b.which(), period);
    } else if (n instanceof Strict s && Inlined.apply(n) != null) {
      strict(n, s.inputs(), period);
    } else {
      // node.eval(f, p): the interpreter, on a constant node
      cls.constant(mv, n, Node.class);
      mv.visitVarInsn(ALOAD, F);
      mv.visitVarInsn(ILOAD, period);
      mv.visitMethodInsn(INVOKEVIRTUAL, NODE, "eval", "(" + FRAME_DESC + "I)D", false);
    }
  }

  private void binary(Arith.Bin b, int op, int period) {
    emit(b.a, period);
    emit(b.b, period);
    mv.visitInsn(op);
  }

  /**
   * Emits {@code body} knowing the value of {@code slot} (a cell read in this period) is not 0, as
   * in the branch of {@code if x > 0 then y / x else 0}: a division by it needs no test.
   */
  private void guarded(int slot, Runnable body) {
    if (slot < 0 || !nonZero.add(slot)) {
      body.run();
      return;
    }
    try {
      body.run();
    } finally {
      nonZero.remove(slot);
    }
  }

  /**
   * {@link Guards#nonZero}, unless another code pushes a node of the condition (a total's
   * members differ there, {@link TotalStep}): then nothing is known.
   */
  private int guard(Node condition, boolean holds) {
    Node[] parts = condition instanceof Arith.Cmp c ? new Node[] {c.a, c.b} : new Node[] {condition};
    for (Node part : parts) {
      if (pushers.containsKey(part)) {
        return -1;
      }
    }
    return Guards.nonZero(condition, holds);
  }

  /** The cells known not to be 0 where the code is being emitted ({@link #guarded}). */
  private final java.util.Set<Integer> nonZero = new java.util.HashSet<>();

  /** d = b; if (d == 0) throw node.byZero(f, p); a / d. */
  private void divide(Arith.Div div, int period) {
    int d = newLocal(2);
    Label ok = new Label();
    if (div.b instanceof Ref r && !pushers.containsKey(r) && nonZero.contains(r.slot())) { // a branch ruling 0 out
      emit(div.b, period);
      mv.visitVarInsn(DSTORE, d);
      emit(div.a, period);
      mv.visitVarInsn(DLOAD, d);
      mv.visitInsn(DDIV);
      return;
    }
    emit(div.b, period);
    mv.visitInsn(DUP2);
    mv.visitVarInsn(DSTORE, d);
    mv.visitInsn(DCONST_0);
    mv.visitInsn(DCMPL); // NaN compares as not equal, as in Java
    mv.visitJumpInsn(IFNE, ok);
    cls.constant(mv, div, Arith.Div.class);
    mv.visitVarInsn(ALOAD, F);
    mv.visitVarInsn(ILOAD, period);
    mv.visitMethodInsn(INVOKEVIRTUAL, Type.getInternalName(Arith.Div.class), "byZero",
        "(" + FRAME_DESC + "I)" + Type.getDescriptor(EvalError.class), false);
    mv.visitInsn(ATHROW);
    mv.visitLabel(ok);
    emit(div.a, period);
    mv.visitVarInsn(DLOAD, d);
    mv.visitInsn(DDIV);
  }

  /** and: a != 0 && b != 0 ? 1 : 0; or: a != 0 || b != 0 ? 1 : 0 (b only when needed). */
  private void logic(Arith.Bin b, boolean and, int period) {
    Label yes = new Label();
    Label no = new Label();
    Label next = new Label();
    Label end = new Label();
    if (and) {
      isZero(b.a, period, no, next);
      mv.visitLabel(next);
      isZero(b.b, period, no, yes);
    } else {
      isZero(b.a, period, next, yes);
      mv.visitLabel(next);
      isZero(b.b, period, no, yes);
    }
    mv.visitLabel(yes);
    mv.visitInsn(DCONST_1);
    mv.visitJumpInsn(GOTO, end);
    mv.visitLabel(no);
    mv.visitInsn(DCONST_0);
    mv.visitLabel(end);
  }

  /**
   * Evaluates a comparison's operands in order and jumps to {@code no} when it does not hold, as
   * {@code Arith.Cmp.apply} compares: false whenever an operand is NaN, but for {@code !=}.
   */
  private void compare(Arith.Cmp c, int period, Label no) {
    emit(c.a, period);
    emit(c.b, period);
    switch (c.op()) {
      case EQ -> { mv.visitInsn(DCMPL); mv.visitJumpInsn(IFNE, no); }
      case NE -> { mv.visitInsn(DCMPL); mv.visitJumpInsn(IFEQ, no); }
      case LT -> { mv.visitInsn(DCMPG); mv.visitJumpInsn(IFGE, no); }
      case LE -> { mv.visitInsn(DCMPG); mv.visitJumpInsn(IFGT, no); }
      case GT -> { mv.visitInsn(DCMPL); mv.visitJumpInsn(IFLE, no); }
      case GE -> { mv.visitInsn(DCMPL); mv.visitJumpInsn(IFLT, no); }
      default -> throw new IllegalStateException("not a comparison: " + c.op());
    }
  }

  /** A built-in series in a period, as {@link TimeVar#in} computes it, on the timeline read once. */
  private void time(TimeVar which, int period) {
    switch (which) {
      case PERIOD -> {
        mv.visitVarInsn(ILOAD, period);
        mv.visitInsn(I2D);
      }
      case DT -> mv.visitVarInsn(DLOAD, dt);
      case YEAR -> timeline("year", period);
      case DATE -> timeline("start", period);
      case T -> { // tl.start(p) - tl.first()
        timeline("start", period);
        mv.visitVarInsn(ALOAD, timeline);
        mv.visitMethodInsn(INVOKEVIRTUAL, TIMELINE, "first", "()D", false);
        mv.visitInsn(DSUB);
      }
      default -> throw new IllegalStateException("no built-in series " + which);
    }
  }

  /** {@code tl.method(p)}. */
  private void timeline(String method, int period) {
    mv.visitVarInsn(ALOAD, timeline);
    mv.visitVarInsn(ILOAD, period);
    mv.visitMethodInsn(INVOKEVIRTUAL, TIMELINE, method, "(I)D", false);
  }

  /** Evaluates {@code n}; jumps to {@code zero} when it is 0 (or -0), else to {@code nonZero}. */
  private void isZero(Node n, int period, Label zero, Label nonZero) {
    if (n instanceof Arith.Cmp c) { // the comparison's branch itself, not its 1 or 0 compared with 0
      compare(c, period, zero);
      mv.visitJumpInsn(GOTO, nonZero);
      return;
    }
    emit(n, period);
    mv.visitInsn(DCONST_0);
    mv.visitInsn(DCMPL);
    mv.visitJumpInsn(IFEQ, zero);
    mv.visitJumpInsn(GOTO, nonZero);
  }

  /**
   * {@code p < periods ? initial : (v.length == 1 ? v[0] : v[p - periods])}, as {@link Prev#eval};
   * {@code p < 1 ? initial : last_x} for last period's value of a cell of the same loop (the value
   * it stored in {@code v[p - 1]}).
   */
  private void prev(Prev x, int period) {
    Label before = new Label();
    Label end = new Label();
    Integer last = x.periods() == 1 ? lasts.get(x.slot()) : null;
    if (last != null && lastInitials.get(x.slot()) != VARIED) {
      mv.visitVarInsn(DLOAD, last); // set to the initial value before the loop
      return;
    }
    mv.visitVarInsn(ILOAD, period);
    mv.visitLdcInsn(x.periods());
    mv.visitJumpInsn(IF_ICMPLT, before);
    if (last != null) {
      mv.visitVarInsn(DLOAD, last);
      mv.visitJumpInsn(GOTO, end);
      mv.visitLabel(before);
      initial(x, period);
      mv.visitLabel(end);
      return;
    }
    int v = seriesRefs.get(x.slot());
    if (!series.contains(x.slot())) {
      Label isSeries = new Label();
      mv.visitVarInsn(ALOAD, v);
      mv.visitInsn(ARRAYLENGTH);
      mv.visitInsn(ICONST_1);
      mv.visitJumpInsn(IF_ICMPNE, isSeries);
      mv.visitVarInsn(ALOAD, v); // a scalar cell has one value in every period
      mv.visitInsn(ICONST_0);
      mv.visitInsn(DALOAD);
      mv.visitJumpInsn(GOTO, end);
      mv.visitLabel(isSeries);
    }
    mv.visitVarInsn(ALOAD, v);
    mv.visitVarInsn(ILOAD, period);
    mv.visitLdcInsn(x.periods());
    mv.visitInsn(ISUB);
    mv.visitInsn(DALOAD);
    mv.visitJumpInsn(GOTO, end);
    mv.visitLabel(before);
    initial(x, period);
    mv.visitLabel(end);
  }

  /** A {@link Prev}'s value before its first period: its initial, or 0. */
  private void initial(Prev x, int period) {
    if (x.initial() == null) {
      mv.visitInsn(DCONST_0);
    } else {
      emit(x.initial(), period);
    }
  }

  /** node.apply(f, p, input0, input1, …). */
  private void strict(Node n, Node[] inputs, int period) {
    Method m = Inlined.apply(n);
    cls.constant(mv, n, m.getDeclaringClass());
    mv.visitVarInsn(ALOAD, F);
    mv.visitVarInsn(ILOAD, period);
    for (Node in : inputs) {
      emit(in, period);
    }
    mv.visitMethodInsn(INVOKEVIRTUAL, Type.getInternalName(m.getDeclaringClass()), "apply",
        Type.getMethodDescriptor(m), false);
  }
}

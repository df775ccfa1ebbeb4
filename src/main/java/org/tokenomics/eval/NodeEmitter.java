package org.tokenomics.eval;

import static org.objectweb.asm.Opcodes.AALOAD;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ARRAYLENGTH;
import static org.objectweb.asm.Opcodes.ASTORE;
import static org.objectweb.asm.Opcodes.ATHROW;
import static org.objectweb.asm.Opcodes.DADD;
import static org.objectweb.asm.Opcodes.DALOAD;
import static org.objectweb.asm.Opcodes.DCMPL;
import static org.objectweb.asm.Opcodes.DCONST_0;
import static org.objectweb.asm.Opcodes.DCONST_1;
import static org.objectweb.asm.Opcodes.DDIV;
import static org.objectweb.asm.Opcodes.DLOAD;
import static org.objectweb.asm.Opcodes.DMUL;
import static org.objectweb.asm.Opcodes.DNEG;
import static org.objectweb.asm.Opcodes.DSTORE;
import static org.objectweb.asm.Opcodes.DSUB;
import static org.objectweb.asm.Opcodes.DUP2;
import static org.objectweb.asm.Opcodes.GETFIELD;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.ICONST_1;
import static org.objectweb.asm.Opcodes.IFEQ;
import static org.objectweb.asm.Opcodes.IFNE;
import static org.objectweb.asm.Opcodes.IF_ICMPGE;
import static org.objectweb.asm.Opcodes.IF_ICMPLT;
import static org.objectweb.asm.Opcodes.IF_ICMPNE;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.ISUB;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * The node emission of the code generator: pushes a node's value in a period onto the operand
 * stack, exactly as the node's {@code eval} computes it (see {@link Codegen}). It first
 * {@link #collect collects} the references of the nodes it will emit, then, inside the generated
 * method, {@link #readReferences reads} each once into a local and {@link #emit emits} nodes.
 *
 * <p>A {@link Prev} is inlined: {@code p < periods ? initial(p) : (v.length == 1 ? v[0] : v[p - periods])},
 * with the array {@code v} read with the other references. A recurrence group installs its
 * members' arrays before its references are read ({@link GroupStep}), so a read of a member in an
 * earlier period, or of an earlier member in the same period, sees what was computed so far.
 */
final class NodeEmitter {
  /** Locals of {@code compute(Frame f, double[] out)}. */
  static final int F = 1;
  static final int OUT = 2;

  private static final String NODE = Type.getInternalName(Node.class);
  private static final String FRAME = Type.getInternalName(Frame.class);
  private static final String FRAME_DESC = Type.getDescriptor(Frame.class);

  private final HiddenClass cls;
  private final Map<Integer, Integer> seriesRefs = new LinkedHashMap<>(); // slot → local holding its double[]
  private final Map<Integer, Integer> scalarRefs = new LinkedHashMap<>(); // slot → local holding its value
  /** Cells computed in the same loop ({@link FusedStep}): slot → local holding this period's value. */
  private final Map<Integer, Integer> registers = new LinkedHashMap<>();
  private int nextLocal;
  private int nodes;
  private MethodVisitor mv;

  /**
   * @param cls       the class the code goes into (its constants)
   * @param firstFree the first local the emitter may allocate
   */
  NodeEmitter(HiddenClass cls, int firstFree) {
    this.cls = cls;
    this.nextLocal = firstFree;
  }

  /** @return how many nodes {@link #collect} has seen */
  int nodes() {
    return nodes;
  }

  /** Adds a slot whose array is read with the references (a recurrence member's array). */
  void readSeries(int slot) {
    seriesRefs.put(slot, -1);
  }

  /** @return the local holding a slot's array, once {@link #readReferences} has run */
  int seriesLocal(int slot) {
    return seriesRefs.get(slot);
  }

  /** @return the slots read for their value before the loop */
  java.util.Set<Integer> scalarSlots() {
    return scalarRefs.keySet();
  }

  /**
   * Declares a cell computed earlier in the same loop ({@link FusedStep}): a same-period read of it
   * is the local holding its value, not a read of its array.
   *
   * @return the local (two words) that holds its value in the current period
   */
  int register(int slot) {
    int local = newLocal(2);
    registers.put(slot, local);
    return local;
  }

  /** @return the slots read through {@link Prev} or as a whole series, so far */
  java.util.Set<Integer> seriesSlots() {
    return seriesRefs.keySet();
  }

  /** Scalar cells whose value is a constant of the program ({@link Constant}): slot → value. */
  private final Map<Integer, Double> constants = new java.util.HashMap<>();

  /** A scalar read of {@code slot} is the constant {@code value} (a {@link Constant} cell's). */
  void constantSlot(int slot, double value) {
    constants.put(slot, value);
  }

  /** Nodes whose value other code pushes, by identity ({@link TotalStep}: what differs between members). */
  private final Map<Node, Runnable> pushers = new java.util.IdentityHashMap<>();

  /**
   * {@link #emit} of {@code n} runs {@code push} instead, which leaves its value on the stack; {@link
   * #collect} reads no reference for {@code n} itself, only for its inlined inputs.
   */
  void pushWith(Node n, Runnable push) {
    pushers.put(n, push);
  }

  /** Slots known to hold one value per period (a {@link Prev} of them needs no length test). */
  private final java.util.Set<Integer> series = new java.util.HashSet<>();

  /** The slot holds one value per period, never one value for all. */
  void knownSeries(int slot) {
    series.add(slot);
  }

  /** A slot's array is already in {@code local} ({@link #readReferences} does not read it). */
  void bindSeries(int slot, int local) {
    seriesRefs.put(slot, local);
  }

  /**
   * {@code for (int p = 0; p < n; p++) body}, with the period in local {@code period} and the
   * count in local {@code count}: the loop every generated class runs.
   */
  void forPeriods(int period, int count, Runnable body) {
    Label loop = new Label();
    Label end = new Label();
    mv.visitInsn(ICONST_0);
    mv.visitVarInsn(ISTORE, period);
    mv.visitLabel(loop);
    mv.visitVarInsn(ILOAD, period);
    mv.visitVarInsn(ILOAD, count);
    mv.visitJumpInsn(IF_ICMPGE, end);
    body.run();
    mv.visitIincInsn(period, 1);
    mv.visitJumpInsn(GOTO, loop);
    mv.visitLabel(end);
  }

  /** The method the following calls write into. */
  void start(MethodVisitor mv) {
    this.mv = mv;
  }

  /** A new local of 1 (int, reference) or 2 (double) words. */
  int newLocal(int words) {
    int local = nextLocal;
    nextLocal += words;
    return local;
  }

  /** Finds the references to read before the loop, and counts the nodes. */
  void collect(Node n) {
    nodes++;
    if (pushers.containsKey(n)) {
      Node[] inputs = Inlined.inputs(n);
      for (Node in : inputs == null ? new Node[0] : inputs) {
        collect(in);
      }
      return;
    }
    if (n instanceof Ref.SeriesRef r) {
      if (!registers.containsKey(r.slot())) {
        seriesRefs.putIfAbsent(r.slot(), -1);
      }
    } else if (n instanceof Ref.ScalarRef r) {
      if (!constants.containsKey(r.slot())) {
        scalarRefs.put(r.slot(), -1);
      }
    } else if (n instanceof Prev x) {
      seriesRefs.putIfAbsent(x.slot(), -1); // its array, whatever its length
    }
    Node[] inputs = Inlined.inputs(n);
    if (inputs != null) {
      for (Node in : inputs) {
        collect(in);
      }
    }
  }

  /** Loads each referenced slot once: a series' array, a scalar's value. */
  void readReferences() {
    if (seriesRefs.isEmpty() && scalarRefs.isEmpty()) {
      return;
    }
    int slots = newLocal(1);
    mv.visitVarInsn(ALOAD, F);
    mv.visitFieldInsn(GETFIELD, FRAME, "slots", "[[D");
    mv.visitVarInsn(ASTORE, slots);
    for (Map.Entry<Integer, Integer> e : seriesRefs.entrySet()) {
      if (e.getValue() >= 0) {
        continue; // bound to a local already (bindSeries)
      }
      int local = newLocal(1);
      e.setValue(local);
      mv.visitVarInsn(ALOAD, slots);
      mv.visitLdcInsn(e.getKey());
      mv.visitInsn(AALOAD);
      mv.visitVarInsn(ASTORE, local);
    }
    for (Map.Entry<Integer, Integer> e : scalarRefs.entrySet()) {
      int local = newLocal(2);
      e.setValue(local);
      mv.visitVarInsn(ALOAD, slots);
      mv.visitLdcInsn(e.getKey());
      mv.visitInsn(AALOAD);
      mv.visitInsn(ICONST_0);
      mv.visitInsn(DALOAD);
      mv.visitVarInsn(DSTORE, local);
    }
  }

  /** Pushes the value of {@code n} in the period held by local {@code period}. */
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
      emit(x.a, period);
      mv.visitJumpInsn(GOTO, end);
      mv.visitLabel(otherwise);
      emit(x.b, period);
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

  /** d = b; if (d == 0) throw node.byZero(f, p); a / d. */
  private void divide(Arith.Div div, int period) {
    int d = newLocal(2);
    Label ok = new Label();
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

  /** Evaluates {@code n}; jumps to {@code zero} when it is 0 (or -0), else to {@code nonZero}. */
  private void isZero(Node n, int period, Label zero, Label nonZero) {
    emit(n, period);
    mv.visitInsn(DCONST_0);
    mv.visitInsn(DCMPL);
    mv.visitJumpInsn(IFEQ, zero);
    mv.visitJumpInsn(GOTO, nonZero);
  }

  /** {@code p < periods ? initial : (v.length == 1 ? v[0] : v[p - periods])}, as {@link Prev#eval}. */
  private void prev(Prev x, int period) {
    Label before = new Label();
    Label end = new Label();
    int v = seriesRefs.get(x.slot());
    mv.visitVarInsn(ILOAD, period);
    mv.visitLdcInsn(x.periods());
    mv.visitJumpInsn(IF_ICMPLT, before);
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
    if (x.initial() == null) {
      mv.visitInsn(DCONST_0);
    } else {
      emit(x.initial(), period);
    }
    mv.visitLabel(end);
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

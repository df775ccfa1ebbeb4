package org.tokenomics.eval;

import static org.objectweb.asm.Opcodes.AALOAD;
import static org.objectweb.asm.Opcodes.ACC_FINAL;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_STATIC;
import static org.objectweb.asm.Opcodes.ACC_SUPER;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ARRAYLENGTH;
import static org.objectweb.asm.Opcodes.ASTORE;
import static org.objectweb.asm.Opcodes.ATHROW;
import static org.objectweb.asm.Opcodes.DADD;
import static org.objectweb.asm.Opcodes.DALOAD;
import static org.objectweb.asm.Opcodes.DASTORE;
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
import static org.objectweb.asm.Opcodes.H_INVOKESTATIC;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.IFEQ;
import static org.objectweb.asm.Opcodes.IFLT;
import static org.objectweb.asm.Opcodes.IFNE;
import static org.objectweb.asm.Opcodes.IF_ICMPGE;
import static org.objectweb.asm.Opcodes.IF_ICMPNE;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.NEWARRAY;
import static org.objectweb.asm.Opcodes.POP;
import static org.objectweb.asm.Opcodes.RETURN;
import static org.objectweb.asm.Opcodes.T_DOUBLE;
import static org.objectweb.asm.Opcodes.V17;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;
import org.tokenomics.time.Timeline;

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
 * <p>Only what needs it is generated: constants, references, arithmetic, comparisons,
 * conditions, {@code and}/{@code or}, element-wise min/max; {@link Strict} nodes (the time
 * functions, math functions, plugin calls …) have their inputs inlined and their {@code apply}
 * called; any other node is called as {@code node.eval(f, p)}. Operators that read a whole series
 * or shift periods (reductions, npv/irr/payback, lag, cumsum, {@code x[D]}) are cells of their own
 * (the checker makes them so), read here through references: the generator never needs to know them. Nodes the code
 * calls are constants of the class (class data, loaded with {@code ldc}), so the JIT inlines them.
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

  private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
  private static final boolean STRICT = Boolean.getBoolean("tok.compile.strict");
  private static final Handle CLASS_DATA_AT = new Handle(H_INVOKESTATIC, "java/lang/invoke/MethodHandles",
      "classDataAt", "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;I)Ljava/lang/Object;",
      false);
  private static final String NODE = Type.getInternalName(Node.class);
  private static final String FRAME = Type.getInternalName(Frame.class);
  private static final String FRAME_DESC = Type.getDescriptor(Frame.class);
  private static final String TIMELINE = Type.getInternalName(Timeline.class);

  // Locals of compute(Frame f, double[] out); more are allocated as needed.
  private static final int THIS = 0;
  private static final int F = 1;
  private static final int OUT = 2;
  private static final int TL = 3;
  private static final int N = 4;
  private static final int P = 5;
  private static final int FIRST_FREE = 6;

  private final NodeComputer source;
  private final List<Object> constants = new ArrayList<>();
  private final Map<Object, Integer> constantIndex = new IdentityHashMap<>();
  private final Map<Integer, Integer> seriesRefs = new LinkedHashMap<>(); // slot → local holding its double[]
  private final Map<Integer, Integer> scalarRefs = new LinkedHashMap<>(); // slot → local holding its value
  private final java.util.Set<ConstantDynamic> loaded = new java.util.LinkedHashSet<>();
  private int nextLocal = FIRST_FREE;
  private int nodes;
  private MethodVisitor mv;

  private Codegen(NodeComputer source) {
    this.source = source;
  }

  /** The compiled computer, or null when the cell cannot be compiled (it then stays interpreted). */
  static Computer compile(NodeComputer c) {
    try {
      return new Codegen(c).define();
    } catch (RuntimeException | LinkageError | ReflectiveOperationException e) {
      if (STRICT) {
        throw new IllegalStateException("cannot compile " + c.node(), e);
      }
      return null;
    }
  }

  private Computer define() throws ReflectiveOperationException {
    collect(source.node());
    if (nodes > MAX_NODES) {
      return null;
    }
    byte[] bytes = generate();
    MethodHandles.Lookup hidden = LOOKUP.defineHiddenClassWithClassData(bytes, List.copyOf(constants), true);
    try {
      return (Computer) hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class)).invoke();
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  // ---- the class ------------------------------------------------------------------------------

  private byte[] generate() {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
      @Override
      protected String getCommonSuperClass(String a, String b) {
        return "java/lang/Object"; // never needed: no two reference types meet at a branch
      }
    };
    cw.visit(V17, ACC_FINAL | ACC_SUPER, "org/tokenomics/eval/CompiledCell", null, "java/lang/Object",
        new String[] {Type.getInternalName(Computer.class)});
    MethodVisitor init = cw.visitMethod(0, "<init>", "()V", null, null);
    init.visitCode();
    init.visitVarInsn(ALOAD, THIS);
    init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    init.visitInsn(RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();

    mv = cw.visitMethod(ACC_PUBLIC, "compute", "(" + FRAME_DESC + "[D)V", null, null);
    mv.visitCode();
    computeBody();
    mv.visitMaxs(0, 0);
    mv.visitEnd();

    // Resolve every constant when the class initializes: the JIT gives up on a method with an
    // unresolved dynamic constant, and the constants of error paths may never run.
    MethodVisitor clinit = cw.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
    clinit.visitCode();
    for (ConstantDynamic c : loaded) {
      clinit.visitLdcInsn(c);
      clinit.visitInsn(POP);
    }
    clinit.visitInsn(RETURN);
    clinit.visitMaxs(0, 0);
    clinit.visitEnd();
    cw.visitEnd();
    return cw.toByteArray();
  }

  /** {@code int n = out.length; if (n == 0) return; tl = f.timeline; refs…; for (p …) out[p] = node(p)}. */
  private void computeBody() {
    Label go = new Label();
    mv.visitVarInsn(ALOAD, OUT);
    mv.visitInsn(ARRAYLENGTH);
    mv.visitVarInsn(ISTORE, N);
    mv.visitVarInsn(ILOAD, N);
    mv.visitJumpInsn(IFNE, go);
    mv.visitInsn(RETURN);
    mv.visitLabel(go);
    mv.visitVarInsn(ALOAD, F);
    mv.visitFieldInsn(GETFIELD, FRAME, "timeline", Type.getDescriptor(Timeline.class));
    mv.visitVarInsn(ASTORE, TL);
    readReferences();

    boolean sum = source.kind() == NodeComputer.Kind.RUNNING_SUM;
    int acc = newLocal(2);
    int v = newLocal(2);
    mv.visitInsn(DCONST_0);
    mv.visitVarInsn(DSTORE, acc);
    Label loop = new Label();
    Label end = new Label();
    mv.visitInsn(ICONST_0);
    mv.visitVarInsn(ISTORE, P);
    mv.visitLabel(loop);
    mv.visitVarInsn(ILOAD, P);
    mv.visitVarInsn(ILOAD, N);
    mv.visitJumpInsn(IF_ICMPGE, end);
    // v = node(p), with an empty stack (so that a loop inside, e.g. a reduction's, can be
    // compiled on stack replacement)
    emit(source.node(), P);
    mv.visitVarInsn(DSTORE, v);
    if (sum) {
      mv.visitVarInsn(DLOAD, acc); // v = acc += v
      mv.visitVarInsn(DLOAD, v);
      mv.visitInsn(DADD);
      mv.visitInsn(DUP2);
      mv.visitVarInsn(DSTORE, acc);
      mv.visitVarInsn(DSTORE, v);
    }
    mv.visitVarInsn(ALOAD, OUT);
    mv.visitVarInsn(ILOAD, P);
    mv.visitVarInsn(DLOAD, v);
    mv.visitInsn(DASTORE);
    mv.visitIincInsn(P, 1);
    mv.visitJumpInsn(GOTO, loop);
    mv.visitLabel(end);
    mv.visitInsn(RETURN);
  }

  /** Loads each referenced slot once, before the loop: a series' array, a scalar's value. */
  private void readReferences() {
    if (seriesRefs.isEmpty() && scalarRefs.isEmpty()) {
      return;
    }
    int slots = newLocal(1);
    mv.visitVarInsn(ALOAD, F);
    mv.visitFieldInsn(GETFIELD, FRAME, "slots", "[[D");
    mv.visitVarInsn(ASTORE, slots);
    for (Map.Entry<Integer, Integer> e : seriesRefs.entrySet()) {
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

  // ---- what gets inlined ------------------------------------------------------------------------

  /** The inputs {@link #emit} inlines, or null for a node it calls as a whole. */
  private static Node[] inlined(Node n) {
    if (n instanceof Const || n instanceof Ref) {
      return new Node[0];
    } else if (n instanceof Arith.Bin b && !(n instanceof Strict)) {
      return new Node[] {b.a, b.b};
    } else if (n instanceof Arith.Neg x) {
      return new Node[] {x.a};
    } else if (n instanceof Arith.Not x) {
      return new Node[] {x.a};
    } else if (n instanceof Arith.If x) {
      return new Node[] {x.c, x.a, x.b};
    } else if (n instanceof MinMax m) {
      return m.xs();
    } else if (n instanceof Strict s && apply(n) != null) {
      return s.inputs();
    }
    return null;
  }

  /** Finds the references to read before the loop, and counts the nodes. */
  private void collect(Node n) {
    nodes++;
    if (n instanceof Ref.SeriesRef r) {
      seriesRefs.put(r.slot(), -1);
    } else if (n instanceof Ref.ScalarRef r) {
      scalarRefs.put(r.slot(), -1);
    }
    Node[] inputs = inlined(n);
    if (inputs != null) {
      for (Node in : inputs) {
        collect(in);
      }
    }
  }

  /** Pushes the value of {@code n} in the period held by local {@code period} (or period 0). */
  private void emit(Node n, int period) {
    if (n instanceof Const c) {
      mv.visitLdcInsn(c.value);
    } else if (n instanceof Ref.ScalarRef r) {
      mv.visitVarInsn(DLOAD, scalarRefs.get(r.slot()));
    } else if (n instanceof Ref.SeriesRef r) {
      mv.visitVarInsn(ALOAD, seriesRefs.get(r.slot()));
      loadPeriod(period);
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
    } else if (n instanceof Strict s && apply(n) != null) {
      strict(n, s.inputs(), period);
    } else {
      // node.eval(f, p): the interpreter, on a constant node
      constant(n, Node.class);
      mv.visitVarInsn(ALOAD, F);
      loadPeriod(period);
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
    constant(div, Arith.Div.class);
    mv.visitVarInsn(ALOAD, F);
    loadPeriod(period);
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

  /** node.apply(f, p, input0, input1, …). */
  private void strict(Node n, Node[] inputs, int period) {
    Method m = apply(n);
    constant(n, m.getDeclaringClass());
    mv.visitVarInsn(ALOAD, F);
    loadPeriod(period);
    for (Node in : inputs) {
      emit(in, period);
    }
    mv.visitMethodInsn(INVOKEVIRTUAL, Type.getInternalName(m.getDeclaringClass()), "apply",
        Type.getMethodDescriptor(m), false);
  }

  /** The {@code apply} of a {@link Strict} node, when the generated class may call it. */
  private static Method apply(Node n) {
    Class<?>[] params = new Class<?>[2 + ((Strict) n).inputs().length];
    Arrays.fill(params, double.class);
    params[0] = Frame.class;
    params[1] = int.class;
    try {
      Method m = n.getClass().getMethod("apply", params);
      Class<?> owner = m.getDeclaringClass();
      boolean visible = Modifier.isPublic(owner.getModifiers()) && (owner.getEnclosingClass() == null
          || Modifier.isPublic(owner.getEnclosingClass().getModifiers()))
          || owner.getPackageName().equals(Codegen.class.getPackageName());
      return m.getReturnType() == double.class && visible ? m : null;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  // ---- small helpers ------------------------------------------------------------------------------

  private void loadPeriod(int period) {
    mv.visitVarInsn(ILOAD, period);
  }

  /** Pushes a constant object (a node) of the given static type, from the class data. */
  private void constant(Object value, Class<?> type) {
    Integer index = constantIndex.get(value);
    if (index == null) {
      index = constants.size();
      constants.add(value);
      constantIndex.put(value, index);
    }
    ConstantDynamic c = new ConstantDynamic("_", Type.getDescriptor(type), CLASS_DATA_AT, index);
    loaded.add(c);
    mv.visitLdcInsn(c);
  }

  /** A new local of 1 (int, reference) or 2 (double) words. */
  private int newLocal(int words) {
    int local = nextLocal;
    nextLocal += words;
    return local;
  }
}

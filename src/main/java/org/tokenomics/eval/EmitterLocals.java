package org.tokenomics.eval;

import static org.objectweb.asm.Opcodes.AALOAD;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ASTORE;
import static org.objectweb.asm.Opcodes.DALOAD;
import static org.objectweb.asm.Opcodes.DCONST_0;
import static org.objectweb.asm.Opcodes.DLOAD;
import static org.objectweb.asm.Opcodes.DSTORE;
import static org.objectweb.asm.Opcodes.GETFIELD;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.IF_ICMPGE;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.ISTORE;

import java.util.LinkedHashMap;
import java.util.Map;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;
import org.tokenomics.time.TimeVar;
import org.tokenomics.time.Timeline;

/**
 * The locals of a method {@link NodeEmitter} writes: it {@link #collect collects} the references of
 * the nodes it will emit, then, inside the generated method, {@link #readReferences reads} each
 * once into a local (a series' array, a scalar's value, the timeline), keeps the registers of cells
 * computed in the same loop and last period's values of those read a period back, and allocates
 * locals. Kept apart from the emission of nodes, which only reads them.
 */
abstract class EmitterLocals {
  /** Locals of {@code compute(Frame f, double[] out)}. */
  static final int F = 1;
  static final int OUT = 2;

  static final String NODE = Type.getInternalName(Node.class);
  static final String TIMELINE = Type.getInternalName(Timeline.class);
  static final String FRAME = Type.getInternalName(Frame.class);
  static final String FRAME_DESC = Type.getDescriptor(Frame.class);

  final HiddenClass cls;
  final Map<Integer, Integer> seriesRefs = new LinkedHashMap<>(); // slot → local holding its double[]
  final Map<Integer, Integer> scalarRefs = new LinkedHashMap<>(); // slot → local holding its value
  /** Cells computed in the same loop ({@link FusedStep}): slot → local holding this period's value. */
  final Map<Integer, Integer> registers = new LinkedHashMap<>();
  /**
   * Cells of the same loop read a period back ({@code prev(x)}, {@code lag(x, 1)}): slot → local
   * holding last period's value, so the read needs no array ({@link #endPeriod}).
   */
  final Map<Integer, Integer> lasts = new LinkedHashMap<>();
  /**
   * The initial value of every read of {@link #lasts}' slots when they all have the same one, a
   * constant or a scalar read once (null for 0): that value is last period's before the loop, and
   * a read needs no test of the period. A slot maps to {@link #VARIED} otherwise.
   */
  final Map<Integer, Node> lastInitials = new java.util.HashMap<>();
  static final Node VARIED = new Const(0);
  int nextLocal;
  int nodes;
  /** Whether a built-in series is read: the frame's timeline, then, in a local ({@link #timeline}). */
  boolean readsTime;
  boolean readsDt;
  int timeline = -1;
  int dt = -1;
  MethodVisitor mv;

  /**
   * @param cls       the class the code goes into (its constants)
   * @param firstFree the first local the emitter may allocate
   */
  EmitterLocals(HiddenClass cls, int firstFree) {
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
  final Map<Integer, Double> constants = new java.util.HashMap<>();

  /** A scalar read of {@code slot} is the constant {@code value} (a {@link Constant} cell's). */
  void constantSlot(int slot, double value) {
    constants.put(slot, value);
  }

  /** Nodes whose value other code pushes, by identity ({@link TotalStep}: what differs between members). */
  final Map<Node, Runnable> pushers = new java.util.IdentityHashMap<>();

  /**
   * {@link #emit} of {@code n} runs {@code push} instead, which leaves its value on the stack; {@link
   * #collect} reads no reference for {@code n} itself, only for its inlined inputs.
   */
  void pushWith(Node n, Runnable push) {
    pushers.put(n, push);
  }

  /** Slots known to hold one value per period (a {@link Prev} of them needs no length test). */
  final java.util.Set<Integer> series = new java.util.HashSet<>();

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
    } else if (n instanceof Prev x && x.periods() == 1 && registers.containsKey(x.slot())) {
      lasts.putIfAbsent(x.slot(), -1); // last period's value of a cell of this loop: a local
      Node was = lastInitials.containsKey(x.slot()) ? lastInitials.get(x.slot()) : x.initial();
      lastInitials.put(x.slot(), was != VARIED && simple(x.initial()) && sameValue(was, x.initial()) ? x.initial() : VARIED);
    } else if (n instanceof Prev x) {
      seriesRefs.putIfAbsent(x.slot(), -1); // its array, whatever its length
    } else if (n instanceof BuiltinSeries b) {
      readsTime = true;
      readsDt |= b.which() == TimeVar.DT;
    }
    Node[] inputs = Inlined.inputs(n);
    if (inputs != null) {
      for (Node in : inputs) {
        collect(in);
      }
    }
  }

  /**
   * Loads each referenced slot once: a series' array, a scalar's value; and sets the locals of
   * last period's values to 0 (never read in the first period, but the verifier wants them set).
   */
  void readReferences() {
    if (readsTime) { // Timeline tl = f.timeline; double dt = tl.length();
      timeline = newLocal(1);
      mv.visitVarInsn(ALOAD, F);
      mv.visitFieldInsn(GETFIELD, FRAME, "timeline", Type.getDescriptor(Timeline.class));
      mv.visitVarInsn(ASTORE, timeline);
      if (readsDt) {
        dt = newLocal(2);
        mv.visitVarInsn(ALOAD, timeline);
        mv.visitMethodInsn(INVOKEVIRTUAL, TIMELINE, "length", "()D", false);
        mv.visitVarInsn(DSTORE, dt);
      }
    }
    if (!seriesRefs.isEmpty() || !scalarRefs.isEmpty()) {
      readSlots();
    }
    for (Map.Entry<Integer, Integer> e : lasts.entrySet()) {
      int local = newLocal(2);
      e.setValue(local);
      Node initial = lastInitials.get(e.getKey());
      if (initial == VARIED || initial == null) {
        mv.visitInsn(DCONST_0); // never read in the first period: the verifier wants it set
      } else {
        emit(initial, 0); // a constant or a scalar's local: no period
      }
      mv.visitVarInsn(DSTORE, local);
    }
  }

  /** Whether an initial value is the same in every period and cannot fail: 0, a constant, a scalar. */
  private static boolean simple(Node initial) {
    return initial == null || initial instanceof Const || initial instanceof Ref.ScalarRef;
  }

  /** Whether two simple initial values are the same value. */
  private static boolean sameValue(Node a, Node b) {
    if (a == null || b == null) {
      return a == b;
    } else if (a instanceof Const x && b instanceof Const y) {
      return Double.doubleToRawLongBits(x.value) == Double.doubleToRawLongBits(y.value);
    }
    return a instanceof Ref.ScalarRef x && b instanceof Ref.ScalarRef y && x.slot() == y.slot();
  }

  /** Reads the series' arrays and the scalars' values into locals. */
  private void readSlots() {
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

  /**
   * Ends a period of a loop with registers: each cell read a period back keeps this period's value
   * for the next ({@code last_x = x}). Called after the last member of the period.
   */
  void endPeriod() {
    for (Map.Entry<Integer, Integer> e : lasts.entrySet()) {
      mv.visitVarInsn(DLOAD, registers.get(e.getKey()));
      mv.visitVarInsn(DSTORE, e.getValue());
    }
  }

  /** Pushes the value of {@code n} in the period held by local {@code period} ({@link NodeEmitter}). */
  abstract void emit(Node n, int period);
}

package org.tokenomics.eval;

import static org.objectweb.asm.Opcodes.AALOAD;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ASTORE;
import static org.objectweb.asm.Opcodes.CHECKCAST;
import static org.objectweb.asm.Opcodes.DADD;
import static org.objectweb.asm.Opcodes.DALOAD;
import static org.objectweb.asm.Opcodes.DASTORE;
import static org.objectweb.asm.Opcodes.DLOAD;
import static org.objectweb.asm.Opcodes.DSTORE;
import static org.objectweb.asm.Opcodes.DUP;
import static org.objectweb.asm.Opcodes.GETFIELD;
import static org.objectweb.asm.Opcodes.IALOAD;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.ICONST_1;
import static org.objectweb.asm.Opcodes.IFEQ;
import static org.objectweb.asm.Opcodes.IFLT;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.IRETURN;
import static org.objectweb.asm.Opcodes.ISTORE;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;
import org.tokenomics.time.Timeline;

/**
 * Compiles a pointwise cell that reads {@code total(…)}s whose members share a shape
 * ({@link TotalShape}) to one loop over the periods with a loop over each total's members inside,
 * the way the hand-written Java adds up a family:
 *
 * <pre>{@code
 * for (int p = 0; p < n; p++) {
 *   double acc = -0.0;                            // -0.0 + x is x, bit for bit
 *   for (int m = 0; m < members; m++) {
 *     double[] q = values[m];                     // the member's own numbers (its params)
 *     Node[] r = receivers[m];                    // and its Strict nodes
 *     double cost = 8 * 2e-3 * max(((Ramp) r[0]).apply(f, p, q[0], 1.5e7) - …, 0);  // own cells: locals
 *     if (!Double.isFinite(cost)) return false;
 *     double cash = -1 * cost * ((BuiltinSeries) r[2]).apply(f, p);
 *     acc = acc + cash;                           // the term, in the members' order
 *   }
 *   if (!Double.isFinite(acc)) return false;
 *   out[p] = acc / 1e6;                           // the cell's own node, the total a local
 * }
 * }</pre>
 *
 * <p>The members' own cells are never stored (the frame computes one on demand if anything asks),
 * and each period adds the terms in the members' order, so the total is bit for bit {@link
 * Sum#eval}'s. A value that is not finite, or any error, ends the loop and the frame computes the
 * cells one by one, meeting the interpreter's error at its cell and period ({@link Frame#run}).
 */
final class TotalStep {
  private static final String FRAME = Type.getInternalName(Frame.class);
  private static final String TIMELINE = Type.getInternalName(Timeline.class);

  // Locals of run(Frame f, double[][] arrays) beside NodeEmitter.F and the arrays (2).
  private static final int N = 3;
  private static final int P = 4;
  private static final int FIRST_FREE = 5;

  private TotalStep() {}

  /**
   * The code of {@code cell}, its value stored into the one kept array, or null when too large for the JIT.
   *
   * @param program the program
   * @param cell    a pointwise series cell whose node reads the totals
   * @param shapes  its totals, each with its members' shape
   * @param members the cells the code computes: {@code cell} and every member's own cells
   */
  static FusedStep.Compiled define(Program program, Cell cell, List<TotalShape> shapes, int[] members)
      throws ReflectiveOperationException {
    HiddenClass cls = new HiddenClass("org/tokenomics/eval/CompiledTotal", FusedStep.Code.class, "run",
        "(" + Type.getDescriptor(Frame.class) + "[[D)Z");
    NodeEmitter emitter = new NodeEmitter(cls, FIRST_FREE);
    Node root = ((NodeComputer) cell.computer()).node();
    Total[] totals = new Total[shapes.size()];
    List<Integer> kept = new ArrayList<>(List.of(cell.slot())); // the arrays the frame hands the code
    for (int i = 0; i < totals.length; i++) {
      TotalShape shape = shapes.get(i);
      int[][] stores = new int[shape.terms.length][];
      for (int m = 0; m < stores.length; m++) {
        stores[m] = new int[shape.own[m].length];
        for (int j = 0; j < stores[m].length; j++) {
          stores[m][j] = shape.stored[m][j] ? kept.size() : -1;
          if (shape.stored[m][j]) {
            kept.add(shape.own[m][j]);
          }
        }
      }
      totals[i] = new Total(program, shape, emitter, cls, stores);
    }
    for (Total t : totals) {
      t.prepare();
    }
    constants(program, root, emitter);
    emitter.collect(root);
    FusedStep.Code code = cls.define(mv -> body(mv, emitter, cell, root, totals));
    return code == null ? null
        : new FusedStep.Compiled(members, kept.stream().mapToInt(Integer::intValue).toArray(), code);
  }

  /** Declares the {@link Constant} scalar cells {@code n} reads as constants of the code. */
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

  private static void body(MethodVisitor mv, NodeEmitter emitter, Cell cell, Node root, Total[] totals) {
    emitter.start(mv);
    mv.visitVarInsn(ALOAD, NodeEmitter.F); // n = f.timeline.size()
    mv.visitFieldInsn(GETFIELD, FRAME, "timeline", Type.getDescriptor(Timeline.class));
    mv.visitMethodInsn(INVOKEVIRTUAL, TIMELINE, "size", "()I", false);
    mv.visitVarInsn(ISTORE, N);
    int out = emitter.newLocal(1);
    mv.visitVarInsn(ALOAD, 2);
    mv.visitInsn(ICONST_0);
    mv.visitInsn(AALOAD);
    mv.visitVarInsn(ASTORE, out);
    for (Total t : totals) {
      t.readRows(mv);
    }
    emitter.readReferences();
    Label abort = new Label();
    int v = emitter.newLocal(2);
    emitter.forPeriods(P, N, () -> {
      for (Total t : totals) {
        t.period(mv, abort);
      }
      emitter.emit(root, P); // with an empty stack; each total is its local
      mv.visitVarInsn(DSTORE, v);
      if (cell.checkFinite()) {
        finiteOrAbort(mv, v, abort);
      }
      mv.visitVarInsn(ALOAD, out);
      mv.visitVarInsn(ILOAD, P);
      mv.visitVarInsn(DLOAD, v);
      mv.visitInsn(DASTORE);
    });
    mv.visitInsn(ICONST_1);
    mv.visitInsn(IRETURN);
    mv.visitLabel(abort);
    mv.visitInsn(ICONST_0);
    mv.visitInsn(IRETURN);
  }

  private static void finiteOrAbort(MethodVisitor mv, int local, Label abort) {
    mv.visitVarInsn(DLOAD, local);
    mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "isFinite", "(D)Z", false);
    mv.visitJumpInsn(IFEQ, abort);
  }

  /** One total's part of the code: its locals, its per-member rows, its loop over the members. */
  private static final class Total {
    private final Program program;
    private final TotalShape shape;
    private final NodeEmitter emitter;
    private final HiddenClass cls;
    private final int[] own; // the first member's own cells
    private final int[] registers;
    private final boolean[] check;
    private final int acc;
    private final int member;
    private final int count;
    private final int term;
    private int values = -1; // locals: the rows of all members, this member's row
    private int row = -1;
    private int receivers = -1;
    private int receiverRow = -1;
    private final int[][] stores; // by member and own cell: its index in the arrays, or -1
    private final boolean[] anyStored;
    private int storeRows = -1; // locals: the stores of all members, this member's
    private int storeRow = -1;
    private int slots = -1; // locals: the cells each member reads, this member's, the frame's arrays
    private int slotRow = -1;
    private int frameSlots = -1;
    private MethodVisitor mv;

    Total(Program program, TotalShape shape, NodeEmitter emitter, HiddenClass cls, int[][] stores) {
      this.program = program;
      this.shape = shape;
      this.emitter = emitter;
      this.cls = cls;
      this.stores = stores;
      this.anyStored = new boolean[shape.own[0].length];
      for (int[] row : stores) {
        for (int j = 0; j < row.length; j++) {
          anyStored[j] |= row[j] >= 0;
        }
      }
      this.own = shape.own[0];
      this.registers = new int[own.length];
      for (int j = 0; j < own.length; j++) {
        registers[j] = emitter.register(own[j]);
        emitter.knownSeries(own[j]);
      }
      this.check = checks(program, own, shape.terms[0]);
      this.acc = emitter.newLocal(2);
      this.member = emitter.newLocal(1);
      this.count = emitter.newLocal(1);
      this.term = emitter.newLocal(2);
    }

    /**
     * Which own cells the loop checks ({@link FusedStep#checks}): the term comes last and is
     * checked through the total (a sum of numbers is finite only if each is).
     */
    private static boolean[] checks(Program program, int[] own, Node term) {
      int[] slots = new int[own.length + 1];
      Node[] nodes = new Node[own.length + 1];
      boolean[] finite = new boolean[own.length + 1];
      for (int j = 0; j < own.length; j++) {
        Cell c = program.cell(own[j]);
        slots[j] = c.slot();
        nodes[j] = ((NodeComputer) c.computer()).node();
        finite[j] = c.checkFinite();
      }
      slots[own.length] = -1;
      nodes[own.length] = term;
      finite[own.length] = true;
      return FusedStep.checks(slots, nodes, finite);
    }

    /** Sets up the substitutions: the varying numbers and receivers, the total itself, the constants. */
    void prepare() {
      if (!shape.valueNodes.isEmpty()) {
        values = emitter.newLocal(1);
        row = emitter.newLocal(1);
      }
      if (!shape.receiverNodes.isEmpty()) {
        receivers = emitter.newLocal(1);
        receiverRow = emitter.newLocal(1);
      }
      for (boolean any : anyStored) {
        if (any && storeRows < 0) {
          storeRows = emitter.newLocal(1);
          storeRow = emitter.newLocal(1);
        }
      }
      if (!shape.slotNodes.isEmpty()) {
        slots = emitter.newLocal(1);
        slotRow = emitter.newLocal(1);
        frameSlots = emitter.newLocal(1);
      }
      for (int k = 0; k < shape.slotNodes.size(); k++) {
        Node n = shape.slotNodes.get(k);
        int position = k;
        emitter.pushWith(n, () -> {
          mv.visitVarInsn(ALOAD, frameSlots); // f.slots[row[k]][p], or [0] for a scalar
          mv.visitVarInsn(ALOAD, slotRow);
          mv.visitLdcInsn(position);
          mv.visitInsn(IALOAD);
          mv.visitInsn(AALOAD);
          if (n instanceof Ref.SeriesRef) {
            mv.visitVarInsn(ILOAD, P);
          } else {
            mv.visitInsn(ICONST_0);
          }
          mv.visitInsn(DALOAD);
        });
      }
      for (int k = 0; k < shape.valueNodes.size(); k++) {
        int position = k;
        emitter.pushWith(shape.valueNodes.get(k), () -> {
          mv.visitVarInsn(ALOAD, row);
          mv.visitLdcInsn(position);
          mv.visitInsn(DALOAD);
        });
      }
      for (int k = 0; k < shape.receiverNodes.size(); k++) {
        Node n = shape.receiverNodes.get(k);
        int position = k;
        emitter.pushWith(n, () -> strict(n, position));
      }
      emitter.pushWith(shape.sum, () -> mv.visitVarInsn(DLOAD, acc));
      for (int j = 0; j < own.length; j++) {
        Node n = ((NodeComputer) program.cell(own[j]).computer()).node();
        constants(program, n, emitter);
        emitter.collect(n);
      }
      constants(program, shape.terms[0], emitter);
      emitter.collect(shape.terms[0]);
    }

    /** Loads the per-member rows (constants of the class) into their locals. */
    void readRows(MethodVisitor mv) {
      this.mv = mv;
      if (values >= 0) {
        cls.constant(mv, shape.values, double[][].class);
        mv.visitVarInsn(ASTORE, values);
      }
      if (receivers >= 0) {
        cls.constant(mv, shape.receivers, Node[][].class);
        mv.visitVarInsn(ASTORE, receivers);
      }
      if (storeRows >= 0) {
        cls.constant(mv, stores, int[][].class);
        mv.visitVarInsn(ASTORE, storeRows);
      }
      if (slots >= 0) {
        cls.constant(mv, shape.slots, int[][].class);
        mv.visitVarInsn(ASTORE, slots);
        mv.visitVarInsn(ALOAD, NodeEmitter.F);
        mv.visitFieldInsn(GETFIELD, FRAME, "slots", "[[D");
        mv.visitVarInsn(ASTORE, frameSlots);
      }
    }

    /** The receiver's own {@code apply}, on this member's object: {@code ((Ramp) r[k]).apply(f, p, …)}. */
    private void strict(Node n, int position) {
      Method m = Inlined.apply(n);
      String owner = Type.getInternalName(m.getDeclaringClass());
      mv.visitVarInsn(ALOAD, receiverRow);
      mv.visitLdcInsn(position);
      mv.visitInsn(AALOAD);
      mv.visitTypeInsn(CHECKCAST, owner);
      mv.visitVarInsn(ALOAD, NodeEmitter.F);
      mv.visitVarInsn(ILOAD, P);
      for (Node in : ((Strict) n).inputs()) {
        emitter.emit(in, P);
      }
      mv.visitMethodInsn(INVOKEVIRTUAL, owner, "apply", Type.getMethodDescriptor(m), false);
    }

    /** {@code k = storeRow[j]; if (k >= 0) arrays[k][p] = own j}: this member's cell something else reads. */
    private void store(MethodVisitor mv, int j) {
      Label skip = new Label();
      int k = emitter.newLocal(1);
      mv.visitVarInsn(ALOAD, storeRow);
      mv.visitLdcInsn(j);
      mv.visitInsn(IALOAD);
      mv.visitInsn(DUP);
      mv.visitVarInsn(ISTORE, k);
      mv.visitJumpInsn(IFLT, skip);
      mv.visitVarInsn(ALOAD, 2);
      mv.visitVarInsn(ILOAD, k);
      mv.visitInsn(AALOAD);
      mv.visitVarInsn(ILOAD, P);
      mv.visitVarInsn(DLOAD, registers[j]);
      mv.visitInsn(DASTORE);
      mv.visitLabel(skip);
    }

    /** {@code acc = -0.0; for (m …) { own cells; acc = acc + term; } if (!isFinite(acc)) abort}. */
    void period(MethodVisitor mv, Label abort) {
      mv.visitLdcInsn(-0.0d);
      mv.visitVarInsn(DSTORE, acc);
      mv.visitLdcInsn(shape.terms.length);
      mv.visitVarInsn(ISTORE, count);
      emitter.forPeriods(member, count, () -> {
        if (values >= 0) {
          mv.visitVarInsn(ALOAD, values);
          mv.visitVarInsn(ILOAD, member);
          mv.visitInsn(AALOAD);
          mv.visitVarInsn(ASTORE, row);
        }
        if (receivers >= 0) {
          mv.visitVarInsn(ALOAD, receivers);
          mv.visitVarInsn(ILOAD, member);
          mv.visitInsn(AALOAD);
          mv.visitVarInsn(ASTORE, receiverRow);
        }
        if (slots >= 0) {
          mv.visitVarInsn(ALOAD, slots);
          mv.visitVarInsn(ILOAD, member);
          mv.visitInsn(AALOAD);
          mv.visitVarInsn(ASTORE, slotRow);
        }
        if (storeRows >= 0) {
          mv.visitVarInsn(ALOAD, storeRows);
          mv.visitVarInsn(ILOAD, member);
          mv.visitInsn(AALOAD);
          mv.visitVarInsn(ASTORE, storeRow);
        }
        for (int j = 0; j < own.length; j++) {
          emitter.emit(((NodeComputer) program.cell(own[j]).computer()).node(), P);
          mv.visitVarInsn(DSTORE, registers[j]);
          if (check[j]) {
            finiteOrAbort(mv, registers[j], abort);
          }
          if (anyStored[j]) {
            store(mv, j);
          }
        }
        emitter.emit(shape.terms[0], P);
        mv.visitVarInsn(DSTORE, term);
        mv.visitVarInsn(DLOAD, acc); // Sum.eval: acc += term, in the members' order
        mv.visitVarInsn(DLOAD, term);
        mv.visitInsn(DADD);
        mv.visitVarInsn(DSTORE, acc);
      });
      finiteOrAbort(mv, acc, abort);
    }
  }
}

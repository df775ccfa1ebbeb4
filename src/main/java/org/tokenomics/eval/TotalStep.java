package org.tokenomics.eval;

import static org.objectweb.asm.Opcodes.AALOAD;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ASTORE;
import static org.objectweb.asm.Opcodes.DASTORE;
import static org.objectweb.asm.Opcodes.DLOAD;
import static org.objectweb.asm.Opcodes.DSTORE;
import static org.objectweb.asm.Opcodes.GETFIELD;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.ICONST_1;
import static org.objectweb.asm.Opcodes.IFEQ;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.IRETURN;
import static org.objectweb.asm.Opcodes.ISTORE;

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
  static final String FRAME = Type.getInternalName(Frame.class);
  private static final String TIMELINE = Type.getInternalName(Timeline.class);

  // Locals of run(Frame f, double[][] arrays) beside NodeEmitter.F and the arrays (2).
  private static final int N = 3;
  static final int P = 4;
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
    TotalLoop[] totals = new TotalLoop[shapes.size()];
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
      totals[i] = new TotalLoop(program, shape, emitter, cls, stores);
    }
    for (TotalLoop t : totals) {
      t.prepare();
    }
    constants(program, root, emitter);
    emitter.collect(root);
    FusedStep.Code code = cls.define(mv -> body(mv, emitter, cell, root, totals));
    return code == null ? null
        : new FusedStep.Compiled(members, kept.stream().mapToInt(Integer::intValue).toArray(), code);
  }

  /** Declares the {@link Constant} scalar cells {@code n} reads as constants of the code. */
  static void constants(Program program, Node n, NodeEmitter emitter) {
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

  private static void body(MethodVisitor mv, NodeEmitter emitter, Cell cell, Node root, TotalLoop[] totals) {
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
    for (TotalLoop t : totals) {
      t.readRows(mv);
    }
    emitter.readReferences();
    Label abort = new Label();
    int v = emitter.newLocal(2);
    emitter.forPeriods(P, N, () -> {
      for (TotalLoop t : totals) {
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

  static void finiteOrAbort(MethodVisitor mv, int local, Label abort) {
    mv.visitVarInsn(DLOAD, local);
    mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "isFinite", "(D)Z", false);
    mv.visitJumpInsn(IFEQ, abort);
  }
}

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
import static org.objectweb.asm.Opcodes.IFLT;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.ISTORE;

import java.lang.reflect.Method;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * One total's part of a {@link TotalStep}'s code: its locals, its per-member rows (numbers,
 * receivers, cells read, stores) as class data, and its loop over the members in each period.
 */
final class TotalLoop {
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

  TotalLoop(Program program, TotalShape shape, NodeEmitter emitter, HiddenClass cls, int[][] stores) {
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
          mv.visitVarInsn(ILOAD, TotalStep.P);
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
      TotalStep.constants(program, n, emitter);
      emitter.collect(n);
    }
    TotalStep.constants(program, shape.terms[0], emitter);
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
      mv.visitFieldInsn(GETFIELD, TotalStep.FRAME, "slots", "[[D");
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
    mv.visitVarInsn(ILOAD, TotalStep.P);
    for (Node in : ((Strict) n).inputs()) {
      emitter.emit(in, TotalStep.P);
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
    mv.visitVarInsn(ILOAD, TotalStep.P);
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
        emitter.emit(((NodeComputer) program.cell(own[j]).computer()).node(), TotalStep.P);
        mv.visitVarInsn(DSTORE, registers[j]);
        if (check[j]) {
          TotalStep.finiteOrAbort(mv, registers[j], abort);
        }
        if (anyStored[j]) {
          store(mv, j);
        }
      }
      emitter.emit(shape.terms[0], TotalStep.P);
      mv.visitVarInsn(DSTORE, term);
      mv.visitVarInsn(DLOAD, acc); // Sum.eval: acc += term, in the members' order
      mv.visitVarInsn(DLOAD, term);
      mv.visitInsn(DADD);
      mv.visitVarInsn(DSTORE, acc);
    });
    TotalStep.finiteOrAbort(mv, acc, abort);
  }
}

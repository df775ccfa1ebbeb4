package org.tokenomics.eval;

import static org.objectweb.asm.Opcodes.ACC_FINAL;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_STATIC;
import static org.objectweb.asm.Opcodes.ACC_SUPER;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.H_INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.POP;
import static org.objectweb.asm.Opcodes.RETURN;
import static org.objectweb.asm.Opcodes.V17;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * The class emission of the code generator ({@link Codegen}, {@link GroupStep}, {@link FusedStep}): a
 * hidden class implementing {@link Computer} (or another interface of one method) whose
 * {@code compute(Frame f, double[] out)} body a caller writes,
 * and the objects that body uses (nodes, a recurrence) as class data loaded with {@code ldc}, so the
 * JIT sees them as constants and inlines their calls.
 */
final class HiddenClass {
  private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
  private static final Handle CLASS_DATA_AT = new Handle(H_INVOKESTATIC, "java/lang/invoke/MethodHandles",
      "classDataAt", "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;I)Ljava/lang/Object;",
      false);
  private static final String FRAME_DESC = Type.getDescriptor(Frame.class);

  /** The JVM does not JIT-compile a method of more bytes of bytecode (-XX:-DontCompileHugeMethods). */
  static final int HUGE_METHOD = 8000;

  private final String name;
  private final Class<?> implemented;
  private final String method;
  private final String descriptor;
  private int codeSize;
  private final List<Object> constants = new ArrayList<>();
  private final Map<Object, Integer> constantIndex = new IdentityHashMap<>();
  private final Set<ConstantDynamic> loaded = new LinkedHashSet<>();

  /** @param name the internal name of the class, e.g. {@code org/tokenomics/eval/CompiledCell} */
  HiddenClass(String name) {
    this(name, Computer.class, "compute", "(" + FRAME_DESC + "[D)V");
  }

  /**
   * A class implementing another interface than {@link Computer}.
   *
   * @param name        the internal name of the class
   * @param implemented the interface the class implements
   * @param method      the name of its one method, whose body a caller writes
   * @param descriptor  the method's descriptor
   */
  HiddenClass(String name, Class<?> implemented, String method, String descriptor) {
    this.name = name;
    this.implemented = implemented;
    this.method = method;
    this.descriptor = descriptor;
  }

  /** Pushes a constant object (a node) of the given static type, from the class data. */
  void constant(MethodVisitor mv, Object value, Class<?> type) {
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

  /**
   * Generates the class with {@code compute}'s body written by {@code body}, defines it and makes
   * one; null when {@code compute} is too large for the JIT.
   */
  @SuppressWarnings("unchecked")
  <T> T define(Consumer<MethodVisitor> body) throws ReflectiveOperationException {
    byte[] bytes = generate(body);
    if (codeSize > HUGE_METHOD) {
      return null; // the JIT would never compile it: the interpreter's virtual calls are faster
    }
    MethodHandles.Lookup hidden = LOOKUP.defineHiddenClassWithClassData(bytes, List.copyOf(constants), true);
    try {
      return (T) hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class)).invoke();
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  private byte[] generate(Consumer<MethodVisitor> body) {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
      @Override
      protected String getCommonSuperClass(String a, String b) {
        return "java/lang/Object"; // never needed: no two reference types meet at a branch
      }
    };
    cw.visit(V17, ACC_FINAL | ACC_SUPER, name, null, "java/lang/Object",
        new String[] {Type.getInternalName(implemented)});
    MethodVisitor init = cw.visitMethod(0, "<init>", "()V", null, null);
    init.visitCode();
    init.visitVarInsn(ALOAD, 0);
    init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    init.visitInsn(RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();

    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, method, descriptor, null, null);
    mv.visitCode();
    body.accept(mv);
    Label end = new Label();
    mv.visitLabel(end);
    codeSize = end.getOffset();
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
}

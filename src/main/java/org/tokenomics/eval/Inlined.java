package org.tokenomics.eval;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;

/**
 * What the code generator ({@link NodeEmitter}) inlines: the inputs of a node it emits as
 * bytecode of its own, and the {@code apply} method of a {@link Strict} node it calls with its
 * inputs inlined. Any other node is called as a whole, {@code node.eval(f, p)}.
 */
final class Inlined {
  private Inlined() {}

  /** The inputs {@link NodeEmitter#emit} inlines, or null for a node it calls as a whole. */
  static Node[] inputs(Node n) {
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
    } else if (n instanceof Prev x) {
      return x.children();
    } else if (n instanceof Strict s && apply(n) != null) {
      return s.inputs();
    }
    return null;
  }

  /** The {@code apply} of a {@link Strict} node, when the generated class may call it. */
  static Method apply(Node n) {
    Class<?>[] params = new Class<?>[2 + ((Strict) n).inputs().length];
    Arrays.fill(params, double.class);
    params[0] = Frame.class;
    params[1] = int.class;
    try {
      Method m = n.getClass().getMethod("apply", params);
      Class<?> owner = m.getDeclaringClass();
      boolean visible = Modifier.isPublic(owner.getModifiers()) && (owner.getEnclosingClass() == null
          || Modifier.isPublic(owner.getEnclosingClass().getModifiers()))
          || owner.getPackageName().equals(NodeEmitter.class.getPackageName());
      return m.getReturnType() == double.class && visible ? m : null;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }
}

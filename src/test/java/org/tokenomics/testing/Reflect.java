package org.tokenomics.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Calls the public API through reflection, for tests that load the library in another class
 * space (a URLClassLoader, an OSGi bundle) where its classes are not the test's classes.
 */
public final class Reflect {
  private Reflect() {}

  /** {@code target.name(args)} for a public method whose parameter types match the arguments' classes. */
  public static Object call(Object target, String name, Object... args) throws Exception {
    Class<?> type = target instanceof Class<?> c ? c : target.getClass();
    Object receiver = target instanceof Class<?> ? null : target;
    for (Method m : type.getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == args.length && matches(m.getParameterTypes(), args)) {
        try {
          return m.invoke(receiver, args);
        } catch (InvocationTargetException e) {
          throw e.getCause() instanceof Exception ex ? ex : new RuntimeException(e.getCause());
        }
      }
    }
    throw new NoSuchMethodException(type.getName() + "." + name);
  }

  private static boolean matches(Class<?>[] types, Object[] args) {
    for (int i = 0; i < types.length; i++) {
      Class<?> t = types[i] == double.class ? Double.class : types[i] == int.class ? Integer.class : types[i];
      if (args[i] != null && !t.isInstance(args[i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * Compiles {@code source} with {@code Tokenomics.standard()} loaded from {@code loader}, evaluates
   * it, and returns {@code value(report).in(unit)}; throws with the diagnostics when it does not compile.
   */
  public static double evaluate(ClassLoader loader, String source, String report, String unit) throws Exception {
    Object tok = call(loader.loadClass("org.tokenomics.Tokenomics"), "standard");
    return evaluate(tok, source, report, unit);
  }

  /** As above with a given {@code Tokenomics} instance. */
  public static double evaluate(Object tok, String source, String report, String unit) throws Exception {
    Object compilation = call(tok, "compile", "test.tok", source);
    if (!(Boolean) call(compilation, "ok")) {
      throw new AssertionError("does not compile: " + call(compilation, "diagnostics"));
    }
    Object evaluation = call(call(compilation, "model"), "evaluate");
    return (Double) call(call(evaluation, "value", report), "in", unit);
  }
}

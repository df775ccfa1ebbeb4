package org.tokenomics.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * An OSGi framework (Equinox or Felix) started in a class loader of its own, driven through the
 * OSGi interfaces by reflection: the test shares nothing with it but java.* types, as a real
 * launcher would. Bundles are plain {@code Object}s here.
 */
public final class OsgiFramework implements AutoCloseable {
  /** Bundle states (org.osgi.framework.Bundle). */
  public static final int RESOLVED = 4;
  /** Bundle states (org.osgi.framework.Bundle). */
  public static final int STARTING = 8;
  /** Bundle states (org.osgi.framework.Bundle). */
  public static final int ACTIVE = 32;
  /** Bundle.START_ACTIVATION_POLICY. */
  public static final int START_ACTIVATION_POLICY = 2;

  private final URLClassLoader loader;
  private final Object framework;

  /** Starts the framework whose {@code FrameworkFactory} is {@code factoryClass} in {@code frameworkJar}. */
  public OsgiFramework(Path frameworkJar, String factoryClass, Path storage, Map<String, String> extra) throws Exception {
    loader = new URLClassLoader(new URL[] {frameworkJar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    Object factory = loader.loadClass(factoryClass).getConstructor().newInstance();
    Map<String, String> config = new HashMap<>(extra);
    config.put("org.osgi.framework.storage", storage.toString());
    config.put("org.osgi.framework.storage.clean", "onFirstInit");
    framework = call("org.osgi.framework.launch.FrameworkFactory", factory, "newFramework", Map.class, config);
    call("org.osgi.framework.launch.Framework", framework, "start");
  }

  private Object context(Object bundle) throws Exception {
    return call("org.osgi.framework.Bundle", bundle, "getBundleContext");
  }

  /** Installs a bundle from a jar. */
  public Object install(Path jar) throws Exception {
    return call("org.osgi.framework.BundleContext", context(framework), "installBundle", String.class,
        jar.toUri().toString());
  }

  /** Starts a bundle with {@code options} (0, or {@link #START_ACTIVATION_POLICY}). */
  public void start(Object bundle, int options) throws Exception {
    call("org.osgi.framework.Bundle", bundle, "start", int.class, options);
  }

  /** Resolves bundles without starting them; true when all resolved. */
  public boolean resolve() throws Exception {
    Object wiring = call("org.osgi.framework.Bundle", framework, "adapt", Class.class,
        loader.loadClass("org.osgi.framework.wiring.FrameworkWiring"));
    return (Boolean) call("org.osgi.framework.wiring.FrameworkWiring", wiring, "resolveBundles",
        java.util.Collection.class, null);
  }

  /** The bundle's state ({@link #RESOLVED}, {@link #STARTING}, {@link #ACTIVE} …). */
  public int state(Object bundle) throws Exception {
    return (Integer) call("org.osgi.framework.Bundle", bundle, "getState");
  }

  /** Loads a class through a bundle, as that bundle sees it. */
  public Class<?> loadClass(Object bundle, String name) throws Exception {
    return (Class<?>) call("org.osgi.framework.Bundle", bundle, "loadClass", String.class, name);
  }

  /** The service object of the first service matching {@code filter} under {@code type}, or null. */
  public Object service(String type, String filter) throws Exception {
    Object context = context(framework);
    Object[] refs = (Object[]) call("org.osgi.framework.BundleContext", context, "getServiceReferences",
        String.class, type, String.class, filter);
    if (refs == null || refs.length == 0) {
      return null;
    }
    return call("org.osgi.framework.BundleContext", context, "getService",
        loader.loadClass("org.osgi.framework.ServiceReference"), refs[0]);
  }

  /** Stops a bundle. */
  public void stop(Object bundle) throws Exception {
    call("org.osgi.framework.Bundle", bundle, "stop");
  }

  /** The symbolic names of the bundles using the services under {@code type} (each service's users, in turn). */
  public java.util.List<String> usingBundles(String type) throws Exception {
    Object[] refs = (Object[]) call("org.osgi.framework.BundleContext", context(framework), "getServiceReferences",
        String.class, type, String.class, null);
    java.util.List<String> out = new java.util.ArrayList<>();
    for (Object ref : refs == null ? new Object[0] : refs) {
      Object[] users = (Object[]) call("org.osgi.framework.ServiceReference", ref, "getUsingBundles");
      for (Object b : users == null ? new Object[0] : users) {
        out.add((String) call("org.osgi.framework.Bundle", b, "getSymbolicName"));
      }
    }
    return out;
  }

  @Override
  public void close() throws Exception {
    call("org.osgi.framework.launch.Framework", framework, "stop");
    call("org.osgi.framework.launch.Framework", framework, "waitForStop", long.class, 10_000L);
    loader.close();
  }

  /** {@code target.method(args)} through the interface {@code type}, whose parameter types alternate with the values. */
  private Object call(String type, Object target, String method, Object... typesAndArgs) throws Exception {
    Class<?>[] types = new Class<?>[typesAndArgs.length / 2];
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      types[i] = (Class<?>) typesAndArgs[2 * i];
      args[i] = typesAndArgs[2 * i + 1];
    }
    Method m = loader.loadClass(type).getMethod(method, types);
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception ex ? ex : new RuntimeException(e.getCause());
    }
  }
}

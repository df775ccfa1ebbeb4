package org.tokenomics.api;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Consumer;
import org.tokenomics.spi.TokFunction;
import org.tokenomics.spi.TokModule;
import org.tokenomics.spi.TokReporter;
import org.tokenomics.spi.TokUnits;

/**
 * Finds plugins: with {@link ServiceLoader} through the library's class loader, the thread's
 * context class loader and any loaders the host names; inside an OSGi framework also as OSGi
 * services; inside an Eclipse host also in the extension registry. The OSGi and Eclipse code lives
 * in {@code org.tokenomics.osgi} and is touched only when those classes are present.
 */
public final class PluginDiscovery {
  private PluginDiscovery() {}

  /** Adds every plugin found to {@code into} (as discovered, not explicit). */
  public static void discover(Plugins.Collector into, List<ClassLoader> extraLoaders) {
    for (ClassLoader loader : loaders(extraLoaders)) {
      load(TokFunction.class, loader, f -> into.function(f, false), into);
      load(TokModule.class, loader, into::module, into);
      load(TokUnits.class, loader, into::units, into);
      load(TokReporter.class, loader, r -> into.reporter(r, false), into);
    }
    if (present("org.osgi.framework.FrameworkUtil")) {
      try {
        org.tokenomics.osgi.OsgiServices.discover(o -> discovered(into, o), into::warn);
      } catch (LinkageError e) {
        // no usable OSGi framework: a plain class path
      }
    }
    if (present("org.eclipse.core.runtime.RegistryFactory")) {
      try {
        org.tokenomics.osgi.EclipseExtensions.discover(o -> discovered(into, o), into::warn);
      } catch (LinkageError e) {
        // no extension registry
      }
    }
  }

  /** One plugin found by OSGi or Eclipse discovery, added as discovered (not explicit). */
  private static void discovered(Plugins.Collector into, Object plugin) {
    if (plugin instanceof TokFunction f) {
      into.function(f, false);
    } else if (plugin instanceof TokModule m) {
      into.module(m);
    } else if (plugin instanceof TokUnits u) {
      into.units(u);
    } else if (plugin instanceof TokReporter r) {
      into.reporter(r, false);
    }
  }

  /** The library's loader, the context loader and the host's, when they see the same SPI. */
  private static List<ClassLoader> loaders(List<ClassLoader> extra) {
    Set<ClassLoader> out = new LinkedHashSet<>();
    ClassLoader own = PluginDiscovery.class.getClassLoader();
    if (own != null) {
      out.add(own);
    }
    List<ClassLoader> candidates = new ArrayList<>(extra);
    candidates.add(Thread.currentThread().getContextClassLoader());
    for (ClassLoader l : candidates) {
      if (l != null && seesSameSpi(l)) {
        out.add(l);
      }
    }
    return List.copyOf(out);
  }

  private static boolean seesSameSpi(ClassLoader l) {
    try {
      return Class.forName(TokFunction.class.getName(), false, l) == TokFunction.class;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static <T> void load(Class<T> type, ClassLoader loader, Consumer<T> sink, Plugins.Collector into) {
    Iterator<T> it = ServiceLoader.load(type, loader).iterator();
    for (int failures = 0; failures < 100; ) {
      T next;
      try {
        if (!it.hasNext()) {
          return;
        }
        next = it.next();
      } catch (ServiceConfigurationError e) {
        // A provider that cannot be loaded or is not a subtype in this class space: skip it.
        into.warn("a " + type.getSimpleName() + " plugin listed in META-INF/services cannot be used: " + e.getMessage());
        failures++;
        continue;
      }
      sink.accept(next);
    }
  }

  private static boolean present(String className) {
    try {
      Class.forName(className, false, PluginDiscovery.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}

package org.tokenomics.api;

import java.io.File;
import java.io.IOException;
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
 *
 * <p>The {@code tok} launcher names, in {@link #SKIP}, the entries of its class path that hold no
 * plugin (its own two jars): the system class loader's service files are then read from the other
 * entries alone ({@link PluginClassPath} says why), which finds the same plugins.
 */
public final class PluginDiscovery {
  /**
   * The system property by which the {@code tok} launcher names the class path entries that hold no
   * plugin and no OSGi or Eclipse class (separated by the path separator, written as on the class
   * path); discovery does not read them.
   */
  public static final String SKIP = "tok.discovery.skip";

  private PluginDiscovery() {}

  /**
   * Adds every plugin found to {@code into} (as discovered, not explicit).
   *
   * @param into where the plugins go, with a warning for each that cannot be used
   * @param extraLoaders the host's class loaders, searched beside the library's and the context's
   */
  public static void discover(Plugins.Collector into, List<ClassLoader> extraLoaders) {
    ClassLoader system = ClassLoader.getSystemClassLoader();
    try (PluginClassPath rest = classPath(system)) {
      for (ClassLoader loader : loaders(extraLoaders)) {
        ClassLoader services = rest != null && loader == system ? rest : loader;
        if (services == rest && rest.empty() && System.getProperty("jdk.module.path") == null) {
          // nothing left to read: no class path entry, and no module but the JDK's (which
          // provide no Tok plugin); ServiceLoader's own set-up is a millisecond of a short run
          continue;
        }
        load(TokFunction.class, services, f -> into.function(f, false), into);
        load(TokModule.class, services, into::module, into);
        load(TokUnits.class, services, into::units, into);
        load(TokReporter.class, services, r -> into.reporter(r, false), into);
      }
      PluginClassPath own = PluginDiscovery.class.getClassLoader() == system ? rest : null;
      frameworks(into, own);
    } catch (IOException e) {
      // closing the class path's second handles on its jars: nothing was lost
    }
  }

  /** The class path without the entries {@link #SKIP} names, or null when it names none. */
  private static PluginClassPath classPath(ClassLoader system) {
    String skip = System.getProperty(SKIP);
    if (skip == null || skip.isEmpty()) {
      return null;
    }
    return new PluginClassPath(system, System.getProperty("java.class.path", ""),
        Set.copyOf(java.util.Arrays.asList(skip.split(File.pathSeparator))));
  }

  /**
   * Plugins registered as OSGi services or Eclipse extensions, when those frameworks' classes are
   * there; {@code own}: the library's class path less the skipped entries, or null.
   */
  private static void frameworks(Plugins.Collector into, PluginClassPath own) {
    if (present("org.osgi.framework.FrameworkUtil", own)) {
      try {
        org.tokenomics.osgi.OsgiServices.discover(o -> discovered(into, o), into::warn);
      } catch (LinkageError e) {
        // no usable OSGi framework: a plain class path
      }
    }
    if (present("org.eclipse.core.runtime.RegistryFactory", own)) {
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

  /**
   * Whether the library's class loader sees the class; when {@code own} is given, only if a class
   * path entry not skipped holds it (a look-up of a class that is not there reads every jar).
   */
  private static boolean present(String className, PluginClassPath own) {
    if (own != null && !own.holds(className)) {
      return false;
    }
    try {
      Class.forName(className, false, PluginDiscovery.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}

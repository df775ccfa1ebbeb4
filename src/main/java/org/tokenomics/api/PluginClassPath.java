package org.tokenomics.api;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;

/**
 * The class loader {@link PluginDiscovery} hands {@link java.util.ServiceLoader} in place of the
 * system class loader when the {@code tok} launcher names class path entries that hold no plugin
 * ({@link PluginDiscovery#SKIP}): service registrations ({@code META-INF/services/…}) are read from
 * the other entries only, while every class is still loaded by the system class loader, so a plugin
 * is the same class either way.
 *
 * <p>Why: the launcher's class path is Tok's own small jar, then the command line's 42 MB jar of
 * libraries (POI, Jetty, Jackson …: 21,000 entries, no Tok plugin, no OSGi or Eclipse class: the
 * build checks), then {@code TOK_PLUGIN_PATH}. Asking the system class loader for a service file,
 * or for a class it does not have, opens every jar on the class path; opening the big one (reading
 * its central directory, some 10 ms) was the largest single cost left in a short {@code tok run}.
 */
final class PluginClassPath extends ClassLoader implements AutoCloseable {
  private static final String SERVICES = "META-INF/services/";
  /** The entries not skipped, no parent: only their own files. */
  private final URLClassLoader rest;

  /**
   * @param parent the loader that loads every class (the system class loader)
   * @param classPath the class path ({@code java.class.path}, wildcards already expanded)
   * @param skip the entries to leave out, exactly as they are written in {@code classPath}
   */
  PluginClassPath(ClassLoader parent, String classPath, Set<String> skip) {
    super(parent);
    List<URL> urls = new ArrayList<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      if (!entry.isEmpty() && !skip.contains(entry)) {
        try {
          urls.add(new File(entry).toURI().toURL());
        } catch (MalformedURLException e) {
          // not a path this system can name: the system class loader cannot read it either
        }
      }
    }
    this.rest = new URLClassLoader(urls.toArray(new URL[0]), null);
  }

  /** Whether every entry is skipped: no service file to read. */
  boolean empty() {
    return rest.getURLs().length == 0;
  }

  /** Service files from the entries not skipped; any other resource as the parent finds it. */
  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    return name.startsWith(SERVICES) ? rest.findResources(name) : super.getResources(name);
  }

  /**
   * Whether the entries not skipped hold this class's file (the skipped ones hold no OSGi or
   * Eclipse class, and the JDK none either).
   */
  boolean holds(String className) {
    return rest.findResource(className.replace('.', '/') + ".class") != null;
  }

  /** Closes the entries' jar files (the classes stay loaded by the parent). */
  @Override
  public void close() throws IOException {
    rest.close();
  }
}

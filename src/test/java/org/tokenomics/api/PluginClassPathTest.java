package org.tokenomics.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenomics.spi.TokReporter;
import org.tokenomics.testing.PluginJar;

/**
 * The launcher's class path less the entries it names as holding no plugin: service files come
 * from the other entries only, classes and every other resource from the parent loader.
 */
class PluginClassPathTest {
  private static final String REPORTERS = "META-INF/services/" + TokReporter.class.getName();

  @TempDir
  static Path dir;
  static String acme;
  /** A jar listing the sample plugin's reporter again, as a jar of libraries never does. */
  static String other;
  static URLClassLoader parent;

  @BeforeAll
  static void jars() throws Exception {
    acme = PluginJar.get().toString();
    Path jar = dir.resolve("other.jar");
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
      j.putNextEntry(new JarEntry(REPORTERS));
      j.write("com.acme.tok.MarkdownReporter\n".getBytes(StandardCharsets.UTF_8));
      j.closeEntry();
    }
    other = jar.toString();
    parent = new URLClassLoader(new URL[] {new File(acme).toURI().toURL(), jar.toUri().toURL()},
        PluginClassPathTest.class.getClassLoader());
  }

  @AfterAll
  static void close() throws Exception {
    parent.close();
  }

  private static PluginClassPath of(String... skip) {
    return new PluginClassPath(parent, acme + File.pathSeparator + other, Set.of(skip));
  }

  private static List<URL> services(PluginClassPath cp) throws Exception {
    return Collections.list(cp.getResources(REPORTERS));
  }

  @Test
  void serviceFilesComeOnlyFromEntriesNotSkipped() throws Exception {
    try (PluginClassPath all = of(); PluginClassPath some = of(other); PluginClassPath none = of(acme, other)) {
      assertEquals(2, services(all).size());
      List<URL> one = services(some);
      assertEquals(1, one.size());
      assertTrue(one.get(0).toString().contains("acme-tok.jar"), one.toString());
      assertEquals(List.of(), services(none));
    }
  }

  @Test
  void pluginsAreTheParentsClasses() throws Exception {
    try (PluginClassPath cp = of(other)) {
      List<TokReporter> found = new ArrayList<>();
      ServiceLoader.load(TokReporter.class, cp).forEach(found::add);
      assertEquals(1, found.size());
      assertEquals("markdown", found.get(0).format());
      assertSame(parent.loadClass("com.acme.tok.MarkdownReporter"), found.get(0).getClass());
    }
  }

  @Test
  void otherResourcesAndClassesStillComeFromTheParent() throws Exception {
    try (PluginClassPath cp = of(acme, other)) {
      assertFalse(Collections.list(cp.getResources("com/acme/tok/modules/prices.tok")).isEmpty());
      assertSame(parent.loadClass("com.acme.tok.Discount"), cp.loadClass("com.acme.tok.Discount"));
    }
  }

  @Test
  void holdsLooksOnlyAtEntriesNotSkipped() throws Exception {
    try (PluginClassPath all = of(); PluginClassPath none = of(acme, other)) {
      assertTrue(all.holds("com.acme.tok.Discount"));
      assertFalse(none.holds("com.acme.tok.Discount"));
      assertFalse(all.holds("org.osgi.framework.FrameworkUtil"));
    }
  }

  /**
   * Discovery told that every entry of this JVM's class path holds no plugin (none does) finds the
   * same plugins as without being told: a host's loader is searched as before.
   */
  @Test
  void discoveryToldTheClassPathHoldsNoPluginFindsTheSame() {
    List<String> without = found();
    String before = System.getProperty(PluginDiscovery.SKIP);
    System.setProperty(PluginDiscovery.SKIP, System.getProperty("java.class.path"));
    try {
      assertEquals(without, found());
    } finally {
      if (before == null) {
        System.clearProperty(PluginDiscovery.SKIP);
      } else {
        System.setProperty(PluginDiscovery.SKIP, before);
      }
    }
    assertTrue(without.contains("markdown"), without.toString());
  }

  /** The reporters' formats and functions' names discovery finds with the sample plugin's loader. */
  private static List<String> found() {
    Plugins.Collector c = new Plugins.Collector();
    PluginDiscovery.discover(c, List.of(parent));
    Plugins p = c.build();
    List<String> names = new ArrayList<>(p.functions().keySet());
    names.addAll(p.reporters().keySet());
    names.addAll(p.warnings());
    return names;
  }

  @Test
  void emptyEntriesAndAnEmptyClassPathFindNothing() throws Exception {
    try (PluginClassPath empty = new PluginClassPath(parent, "", Set.of());
         PluginClassPath gaps = new PluginClassPath(parent, File.pathSeparator + File.pathSeparator, Set.of())) {
      assertEquals(List.of(), services(empty));
      assertEquals(List.of(), services(gaps));
      assertTrue(empty.empty() && gaps.empty());
    }
    try (PluginClassPath some = of(other); PluginClassPath none = of(acme, other)) {
      assertFalse(some.empty());
      assertTrue(none.empty());
    }
  }
}

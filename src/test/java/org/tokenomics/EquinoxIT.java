package org.tokenomics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.FrameworkWiring;
import org.tokenomics.testing.JavaBuild;
import org.tokenomics.testing.PluginJar;
import org.tokenomics.testing.Reflect;

/**
 * Eclipse Equinox with its extension registry: the Tok bundle and the sample plugin bundle, which
 * contributes a function, a module, units and a reporter through plugin.xml and a second function
 * as an OSGi service. A script compiled by the Tok bundle uses them all.
 */
class EquinoxIT {
  static final String SCRIPT = """
      import "acme:prices"
      let racks = 100 rack
      report value = acme_discount($10B, years: 2 yr) as $B
      report margin = acme_margin($10/yr, $4/yr) as %
      report rack_year = acme_rack_year as $k
      report gpus = racks as GPU
      """;

  static Framework framework;
  static Bundle tok;

  @BeforeAll
  static void start() throws Exception {
    Path work = JavaBuild.project().resolve("target/equinox");
    JavaBuild.delete(work);
    Map<String, String> config = new HashMap<>();
    config.put(Constants.FRAMEWORK_STORAGE, work.resolve("storage").toString());
    config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
    config.put("osgi.instance.area", work.resolve("instance").toString());
    config.put("eclipse.noRegistryCache", "true");
    FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).iterator().next();
    framework = factory.newFramework(config);
    framework.start();
    BundleContext context = framework.getBundleContext();
    List<Bundle> bundles = new ArrayList<>();
    for (Path jar : List.of(JavaBuild.locationOf(org.eclipse.core.runtime.CoreException.class),
        JavaBuild.locationOf(org.eclipse.core.runtime.RegistryFactory.class),
        LibraryJarIT.libraryJar(), PluginJar.get())) {
      bundles.add(context.installBundle(jar.toUri().toString()));
    }
    tok = bundles.get(2);
    assertTrue(framework.adapt(FrameworkWiring.class).resolveBundles(bundles), "every bundle resolves");
    for (Bundle b : bundles) {
      b.start();
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (framework != null) {
      framework.stop();
      framework.waitForStop(10_000);
    }
  }

  @Test
  void theBundleIsTokAndKeepsItsInternalsPrivate() throws Exception {
    assertEquals("org.tokenomics", tok.getSymbolicName());
    assertEquals(Bundle.ACTIVE, tok.getState());
    Class<?> api = tok.loadClass("org.tokenomics.Tokenomics");
    assertNotEquals(Tokenomics.class, api, "the bundle has its own class space");
    Bundle plugin = framework.getBundleContext().getBundles()[4];
    assertEquals("com.acme.tok", plugin.getSymbolicName());
    assertNotNull(plugin.loadClass("org.tokenomics.spi.TokFunction"));
    assertThrowsClassNotFound(plugin, "org.tokenomics.check.Compiler");
    assertThrowsClassNotFound(plugin, "org.tokenomics.internal.antlr.Parser");
  }

  private static void assertThrowsClassNotFound(Bundle b, String name) {
    try {
      b.loadClass(name);
      throw new AssertionError(name + " is visible to " + b.getSymbolicName());
    } catch (ClassNotFoundException expected) {
      // private to the Tok bundle
    }
  }

  @Test
  void aScriptUsesEveryContribution() throws Exception {
    Object tokenomics = Reflect.call(tok.loadClass("org.tokenomics.Tokenomics"), "standard");
    assertEquals(10 / 1.08 / 1.08, Reflect.evaluate(tokenomics, SCRIPT, "value", "$B"), 1e-9); // plugin.xml function
    assertEquals(60, Reflect.evaluate(tokenomics, SCRIPT, "margin", "%"), 1e-9);                 // OSGi service
    assertEquals(2 * 72 * 8760 / 1000.0, Reflect.evaluate(tokenomics, SCRIPT, "rack_year", "$k"), 1e-9); // module
    assertEquals(7200, Reflect.evaluate(tokenomics, SCRIPT, "gpus", "GPU"), 1e-9);                 // units
    assertEquals(Set.of("markdown"), Reflect.call(tokenomics, "reporterFormats"));                 // reporter
    assertEquals(Set.of("acme_discount", "acme_margin"), Set.copyOf((Set<?>) Reflect.call(tokenomics, "functions")));
  }
}

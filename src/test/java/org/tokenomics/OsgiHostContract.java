package org.tokenomics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.script.ScriptEngineFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.tokenomics.testing.ConsumerBundle;
import org.tokenomics.testing.JavaBuild;
import org.tokenomics.testing.OsgiFramework;
import org.tokenomics.testing.PluginJar;

/**
 * What an OSGi host sees, in a real framework: the Tok bundle, the ACME plugin bundle (a function
 * as an OSGi service; in Eclipse hosts also plugin.xml contributions) and a consumer bundle that
 * uses Tok as the documentation says (src/test/osgi-consumer). First with the Tok bundle installed
 * but never started, as in a product that starts only what it must; then started lazily.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class OsgiHostContract {
  OsgiFramework framework;
  Object tok;
  Object plugin;

  /** The framework, started. */
  abstract OsgiFramework launch(Path work) throws Exception;

  /** Bundles the host needs beside Tok, the plugin and the consumer. */
  abstract List<Path> platform();

  /** The model the consumer runs, using every contribution this host can see. */
  abstract String script();

  /**
   * The state of the Tok bundle, never started, once the plugin's activator has loaded a Tok
   * class: Equinox activates a lazy bundle on first use even when nobody started it; Felix leaves
   * it resolved.
   */
  abstract int neverStartedState();

  /** What {@link #script()} reports, in its {@code as} units. */
  abstract Map<String, Double> expected();

  @BeforeAll
  void startFramework() throws Exception {
    Path work = JavaBuild.project().resolve("target/" + getClass().getSimpleName());
    JavaBuild.delete(work);
    framework = launch(work);
    List<Object> started = new ArrayList<>();
    for (Path p : platform()) {
      started.add(framework.install(p));
    }
    tok = framework.install(LibraryJarIT.libraryJar());
    plugin = framework.install(PluginJar.get());
    started.add(plugin);
    started.add(framework.install(ConsumerBundle.get()));
    assertTrue(framework.resolve(), "every bundle resolves");
    for (Object b : started) {
      framework.start(b, 0);
    }
  }

  @AfterAll
  void stopFramework() throws Exception {
    if (framework != null) {
      framework.close();
    }
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> consume(String source) throws Exception {
    Object consumer = framework.service(Function.class.getName(), "(tok.consumer=true)");
    assertNotNull(consumer, "the consumer bundle offers its service");
    return ((Function<String, Map<String, Object>>) consumer).apply(source);
  }

  void assertReports(Map<String, Object> seen) {
    assertNull(seen.get("error"), () -> "the consumer failed: " + seen);
    expected().forEach((name, value) ->
        assertEquals(value, (Double) seen.get("report." + name), 1e-9, () -> name + " in " + seen));
    assertEquals(List.of(), seen.get("warnings"), "every contribution is seen");
    assertEquals(6.0, (Double) seen.get("script.byLoader"), 1e-12, "javax.script through the library's loader");
  }

  @Test
  @Order(1)
  void aTokBundleThatWasNeverStartedStillSeesEveryContribution() throws Exception {
    assertEquals(neverStartedState(), framework.state(tok));
    Map<String, Object> seen = consume(script());
    assertEquals(neverStartedState(), seen.get("tokStateBefore"));
    assertReports(seen);
  }

  @Test
  @Order(2)
  void startedLazilyItActivatesOnFirstUseAndOffersTheScriptEngine() throws Exception {
    framework.start(tok, OsgiFramework.START_ACTIVATION_POLICY);
    int before = framework.state(tok);
    assertTrue(before == OsgiFramework.STARTING || before == OsgiFramework.ACTIVE, "state " + before);
    Map<String, Object> seen = consume(script());
    assertReports(seen);
    assertEquals(OsgiFramework.ACTIVE, seen.get("tokStateAfter"), "the first class loaded activates the bundle");
    assertEquals(List.of(10.0), seen.get("script.byService"), "the engine factory is an OSGi service");
    ScriptEngineFactory factory = (ScriptEngineFactory) framework.service(ScriptEngineFactory.class.getName(),
        "(script.engine=tok)");
    assertEquals("Tok", factory.getEngineName());
  }

  @Test
  @Order(3)
  void aPluginSeesTheApiAndNothingElse() throws Exception {
    assertNotNull(framework.loadClass(plugin, "org.tokenomics.spi.TokFunction"));
    assertThrows(ClassNotFoundException.class, () -> framework.loadClass(plugin, "org.tokenomics.check.Compiler"));
    assertThrows(ClassNotFoundException.class, () -> framework.loadClass(plugin, "org.tokenomics.internal.antlr.Parser"));
  }

  /** The plugin's function, taken while Tok was used, is given back (ungetService) when Tok stops. */
  @Test
  @Order(4)
  void stoppingTokGivesBackThePluginServicesItTook() throws Exception {
    assertReports(consume(script()));
    assertFalse(framework.usingBundles("org.tokenomics.spi.TokFunction").isEmpty(), "Tok holds the plugin's function");
    framework.stop(tok);
    assertEquals(List.of(), framework.usingBundles("org.tokenomics.spi.TokFunction"), "every use is given back");
  }
}

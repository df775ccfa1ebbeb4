package org.tokenomics.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.script.ScriptEngineManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenomics.Compilation;
import org.tokenomics.Evaluation;
import org.tokenomics.Tokenomics;
import org.tokenomics.cli.Main;
import org.tokenomics.testing.PluginJar;

/**
 * The sample plugin of src/test/plugin, compiled and packed into a jar by the test, found by
 * ServiceLoader from outside the library: a function, a module, units and a reporter.
 */
class PluginJarTest {
  static final String SCRIPT = """
      import "acme:prices"
      param build = $10B
      let racks = 100 rack
      report value = acme_discount(build, years: 2 yr) as $B
      report flat = acme_discount(amount: build, rate: 0 %, years: 5 yr) as $B
      report rack_year = acme_rack_year as $k
      report gpus = racks as GPU
      """;

  static URLClassLoader loader;

  @BeforeAll
  static void buildPlugin() throws Exception {
    loader = new URLClassLoader(new URL[] {PluginJar.get().toUri().toURL()}, PluginJarTest.class.getClassLoader());
  }

  @AfterAll
  static void close() throws Exception {
    loader.close();
  }

  static void check(Evaluation e) {
    assertEquals(10 / 1.08 / 1.08, e.value("value").in("$B"), 1e-9);
    assertEquals(10, e.value("flat").in("$B"), 1e-12);
    assertEquals(2 * 72 * 8760 / 1000.0, e.value("rack_year").in("$k"), 1e-9);
    assertEquals(7200, e.value("gpus").in("GPU"), 1e-9);
  }

  @Test
  void foundThroughAPluginLoader() {
    Tokenomics tok = Tokenomics.builder().pluginLoader(loader).build();
    assertTrue(tok.functions().contains("acme_discount"));
    assertTrue(tok.reporterFormats().contains("markdown"));
    Compilation c = tok.compile("acme.tok", SCRIPT);
    assertTrue(c.ok(), () -> c.diagnostics().toString());
    check(c.model().evaluate());
  }

  @Test
  void foundThroughTheContextClassLoader() throws Exception {
    withContextLoader(() -> {
      check(Tokenomics.standard().compile("acme.tok", SCRIPT).model().evaluate());
      Map<?, ?> r = (Map<?, ?>) new ScriptEngineManager().getEngineByName("tok").eval(SCRIPT);
      assertEquals(10.0, (Double) r.get("flat"), 1e-12);
      return null;
    });
  }

  @Test
  void notFoundWithoutIt() {
    Compilation c = Tokenomics.standard().compile("acme.tok", SCRIPT);
    assertFalse(c.ok());
    assertEquals("TOK202", c.diagnostics().get(0).code());
  }

  @Test
  void aPluginThrowingIsTok500() {
    Compilation c = Tokenomics.builder().pluginLoader(loader).build()
        .compile("neg.tok", "param y = -1 yr\nreport v = acme_discount($1B, years: y) as $B\n");
    org.tokenomics.EvaluationException e = org.junit.jupiter.api.Assertions.assertThrows(
        org.tokenomics.EvaluationException.class, () -> c.model().evaluate());
    assertTrue(e.getMessage().contains("acme_discount failed: years must not be negative"), e.getMessage());
  }

  @Test
  void theCommandLineUsesThePluginReporter(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("acme.tok");
    Files.writeString(file, SCRIPT);
    String[] result = withContextLoader(() -> run("run", file.toString(), "--format", "markdown"));
    assertEquals("0", result[0], result[2]);
    assertTrue(result[1].contains("## base"), result[1]);
    assertTrue(result[1].contains("| value | 8.57 | $B |"), result[1]);
    String[] unknown = withContextLoader(() -> run("run", file.toString(), "--format", "mrkdown"));
    assertEquals("2", unknown[0]);
    assertTrue(unknown[2].contains("table, json, csv, markdown"), unknown[2]);
    String[] without = run("run", file.toString(), "--format", "markdown");
    assertEquals("2", without[0]);
  }

  static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

  static <T> T withContextLoader(java.util.concurrent.Callable<T> body) throws Exception {
    Thread t = Thread.currentThread();
    ClassLoader old = t.getContextClassLoader();
    t.setContextClassLoader(loader);
    try {
      return body.call();
    } finally {
      t.setContextClassLoader(old);
    }
  }
}

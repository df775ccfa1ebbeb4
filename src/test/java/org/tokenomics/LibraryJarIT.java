package org.tokenomics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.script.ScriptEngineManager;
import org.junit.jupiter.api.Test;
import org.tokenomics.testing.JavaBuild;
import org.tokenomics.testing.Models;
import org.tokenomics.testing.Reflect;

/**
 * The packaged library jar: an OSGi bundle exporting only the API, with ANTLR and commons-math
 * relocated inside it, usable beside a host's own (older) ANTLR.
 */
class LibraryJarIT {

  /** target/tok-VERSION.jar, the main artifact. */
  static Path libraryJar() throws Exception {
    try (Stream<Path> s = Files.list(JavaBuild.project().resolve("target"))) {
      return s.filter(p -> p.getFileName().toString().matches("tok-\\d.*\\.jar")
          && !p.toString().endsWith("-sources.jar") && !p.toString().endsWith("-javadoc.jar")
          && !p.toString().endsWith("-spark.jar")).findFirst()
          .orElseThrow(() -> new AssertionError("no target/tok-VERSION.jar: run mvn verify"));
    }
  }

  static Path hostAntlr() {
    Path p = JavaBuild.project().resolve("target/it-deps/antlr4-runtime-4.9.3.jar");
    assertTrue(Files.isRegularFile(p), "the build copies antlr4-runtime 4.9.3 to " + p);
    return p;
  }

  @Test
  void theManifestExportsOnlyTheApi() throws Exception {
    try (JarFile jar = new JarFile(libraryJar().toFile())) {
      Attributes main = jar.getManifest().getMainAttributes();
      assertEquals("org.tokenomics;singleton:=true", main.getValue("Bundle-SymbolicName"));
      assertEquals("2", main.getValue("Bundle-ManifestVersion"));
      Set<String> exported = packages(main.getValue("Export-Package"));
      assertEquals(Set.of("org.tokenomics", "org.tokenomics.spi", "org.tokenomics.jqwik"), exported);
      String imports = main.getValue("Import-Package");
      assertFalse(imports.contains("org.antlr"), imports);
      assertFalse(imports.contains("org.apache.commons.math3"), imports);
      for (String optional : List.of("org.osgi.framework", "org.eclipse.core.runtime", "net.jqwik.api")) {
        String clause = Arrays.stream(imports.split(",(?=[a-z])")).filter(c -> c.startsWith(optional + ";"))
            .findFirst().orElseThrow(() -> new AssertionError(optional + " not imported: " + imports));
        assertTrue(clause.contains("resolution:=optional"), clause);
      }
      // the command line's libraries are the cli artifact's: the library neither imports them
      // nor has a class that refers to them (bnd sees the whole classes folder, see the POM)
      for (String cliOnly : CLI_ONLY) {
        assertFalse(imports.contains(cliOnly), cliOnly + " imported: " + imports);
      }
      assertTrue(imports.contains("registry=split"), imports);
      List<String> names = jar.stream().map(e -> e.getName()).toList();
      assertTrue(names.stream().noneMatch(n -> n.startsWith("org/antlr/")), "ANTLR is relocated");
      assertTrue(names.stream().noneMatch(n -> n.startsWith("org/apache/")), "commons-math is relocated, POI not inside");
      assertTrue(names.contains("org/tokenomics/internal/antlr/Parser.class"));
      assertTrue(names.contains("plugin.xml"));
      for (String point : List.of("functions", "modules", "units", "reporters")) {
        assertTrue(names.contains("schema/" + point + ".exsd"), point);
      }
      assertTrue(names.contains("META-INF/services/javax.script.ScriptEngineFactory"));
      for (JarEntry e : (Iterable<JarEntry>) jar.stream().filter(e -> e.getName().endsWith(".class"))::iterator) {
        String constants = new String(jar.getInputStream(e).readAllBytes(), StandardCharsets.ISO_8859_1);
        for (String cliOnly : CLI_ONLY) {
          assertFalse(constants.contains(cliOnly.replace('.', '/') + "/"), e.getName() + " refers to " + cliOnly);
        }
      }
    }
  }

  /** Packages only the command line uses; none is imported or referred to by the library jar. */
  private static final List<String> CLI_ONLY = List.of("picocli", "com.fasterxml.jackson", "org.jfree",
      "org.eclipse.lsp4j", "org.apache.poi", "io.javalin", "org.eclipse.jetty", "org.apache.spark");

  @Test
  void licensedSourcesAndJavadocAttachedCommonsMathMinimized() throws Exception {
    Path lib = libraryJar();
    String base = lib.getFileName().toString().replace(".jar", "");
    try (JarFile jar = new JarFile(lib.toFile())) {
      Attributes main = jar.getManifest().getMainAttributes();
      assertTrue(main.getValue("Bundle-License").startsWith("Apache-2.0"));
      assertEquals("The Tok authors", main.getValue("Bundle-Vendor"));
      assertEquals("lazy", main.getValue("Bundle-ActivationPolicy"));
      assertEquals("JavaSE-17", main.getValue("Bundle-RequiredExecutionEnvironment"));
      assertTrue(main.getValue("Require-Capability").contains("(osgi.ee=JavaSE)(version=17)"));
      assertEquals(Files.readString(JavaBuild.project().resolve("LICENSE")),
          new String(jar.getInputStream(jar.getEntry("META-INF/LICENSE")).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      long math = jar.stream().filter(e -> e.getName().startsWith("org/tokenomics/internal/math3/")).count();
      // distributions, root finding and (for correlate) an eigen decomposition: a few hundred of its 1,300 classes
      assertTrue(math > 0 && math < 400, "only the Commons Math classes in use are kept: " + math);
      // Commons Lang: StringUtils alone (its Levenshtein distance), which links and runs by itself
      List<String> lang = jar.stream().map(e -> e.getName())
          .filter(n -> n.startsWith("org/tokenomics/internal/lang3/") && n.endsWith(".class")).toList();
      assertEquals(List.of("org/tokenomics/internal/lang3/StringUtils.class"), lang);
      // the command line's packages (and the playground's page) are the cli artifact's
      for (String tool : List.of("cli", "report", "chart", "lsp", "xlsx", "serve", "text")) {
        assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith("org/tokenomics/" + tool + "/")), tool);
      }
      // 1.93 MB when the two above left (2.56 MB before); 2.00 MB after fusion, column evaluation,
      // Sobol in parts and discrete joined the engine the same day: the budget leaves ~5 % for growth;
      // 2.11 MB with series plans evaluated by columns (issue 23, 25 KB): budget 2.2 MB
      assertTrue(Files.size(lib) < 2_200_000, "the library jar stays small: " + Files.size(lib));
    }
    try (URLClassLoader alone = new URLClassLoader(new URL[] {lib.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      Class<?> strings = Class.forName("org.tokenomics.internal.lang3.StringUtils", true, alone);
      assertEquals(2, strings.getMethod("getLevenshteinDistance", CharSequence.class, CharSequence.class, int.class)
          .invoke(null, "pricee", "prime", 4));
      assertEquals(1, strings.getMethod("getLevenshteinDistance", CharSequence.class, CharSequence.class)
          .invoke(null, "pricee", "price"));
    }
    try (JarFile sources = new JarFile(lib.resolveSibling(base + "-sources.jar").toFile());
         JarFile javadoc = new JarFile(lib.resolveSibling(base + "-javadoc.jar").toFile())) {
      assertNotNull(sources.getEntry("org/tokenomics/Model.java"));
      assertNotNull(javadoc.getEntry("org/tokenomics/Model.html"));
      assertNotNull(javadoc.getEntry("org/tokenomics/spi/TokFunction.html"));
      assertTrue(javadoc.stream().noneMatch(e -> e.getName().startsWith("org/tokenomics/check/")), "internals are not documented");
    }
    String pom = Files.readString(JavaBuild.project().resolve("pom.xml"));
    assertTrue(pom.contains("<name>Apache-2.0</name>"), "the POM names the licence");
    try (JarFile cli = new JarFile(JavaBuild.project().resolve("target/tok.jar").toFile())) {
      assertEquals("org.tokenomics.cli", cli.getManifest().getMainAttributes().getValue("Bundle-SymbolicName"));
      assertEquals("org.tokenomics.cli", cli.getManifest().getMainAttributes().getValue("Automatic-Module-Name"));
      for (String entry : List.of("org/tokenomics/cli/Main.class", "org/tokenomics/lsp/TokLanguageServer.class",
          "org/tokenomics/xlsx/XlsxExport.class", "org/tokenomics/serve/web/index.html", "org/tokenomics/Model.class")) {
        assertNotNull(cli.getEntry(entry), entry);
      }
    }
  }

  @Test
  void onTheModulePathOnlyTheApiIsExported() throws Exception {
    java.lang.module.ModuleFinder finder = java.lang.module.ModuleFinder.of(libraryJar());
    var descriptor = finder.find("org.tokenomics").orElseThrow().descriptor();
    assertFalse(descriptor.isAutomatic());
    assertEquals(Set.of("org.tokenomics", "org.tokenomics.spi"),
        descriptor.exports().stream().map(e -> e.source()).collect(java.util.stream.Collectors.toSet()));
    ModuleLayer parent = ModuleLayer.boot();
    var config = parent.configuration().resolve(finder, java.lang.module.ModuleFinder.of(), Set.of("org.tokenomics"));
    ModuleLayer layer = parent.defineModulesWithOneLoader(config, ClassLoader.getPlatformClassLoader());
    ClassLoader loader = layer.findLoader("org.tokenomics");
    assertEquals(-5.81, Reflect.evaluate(loader, Models.PAYBACK, "npv", "$B"), 0.01);
    Module tok = layer.findModule("org.tokenomics").orElseThrow();
    assertFalse(tok.isExported("org.tokenomics.check"));
    assertFalse(tok.isExported("org.tokenomics.internal.antlr"));
  }

  /** Package names of a manifest header, without attributes. */
  static Set<String> packages(String header) {
    Set<String> out = new TreeSet<>();
    // Clauses are separated by commas outside quotes (uses:="a,b" lists packages inside quotes).
    for (String clause : header.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
      out.add(clause.split(";")[0].strip());
    }
    return out;
  }

  @Test
  void aHostWithAnotherAntlrOnItsClassPath() throws Exception {
    for (boolean antlrFirst : new boolean[] {true, false}) {
      URL lib = libraryJar().toUri().toURL();
      URL antlr = hostAntlr().toUri().toURL();
      URL[] path = antlrFirst ? new URL[] {antlr, lib} : new URL[] {lib, antlr};
      try (URLClassLoader host = new URLClassLoader(path, ClassLoader.getPlatformClassLoader())) {
        assertEquals("4.9.3", host.loadClass("org.antlr.v4.runtime.RuntimeMetaData").getField("VERSION").get(null));
        assertEquals(-5.81, Reflect.evaluate(host, Models.PAYBACK, "npv", "$B"), 0.01);
        Object tok = Reflect.call(host.loadClass("org.tokenomics.Tokenomics"), "standard");
        Object broken = Reflect.call(tok, "compile", "bad.tok", "let x = (1 +\n");
        assertFalse((Boolean) Reflect.call(broken, "ok"));
        assertTrue(Reflect.call(broken, "diagnostics").toString().contains("TOK100"));
        var engine = new ScriptEngineManager(host).getEngineByName("tok");
        assertNotNull(engine);
        assertEquals(host, engine.getClass().getClassLoader());
        assertEquals(10.0, (Double) ((java.util.Map<?, ?>) engine.eval(Models.PAYBACK)).get("depreciation"), 1e-12);
      }
    }
  }
}

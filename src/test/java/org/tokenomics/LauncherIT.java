package org.tokenomics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenomics.testing.JavaBuild;
import org.tokenomics.testing.PluginJar;

/**
 * The {@code ./tok} launcher's class path: the prelude's jar ({@code target/tok-dsl.jar}), Tok's own
 * small jar ({@code target/tok-own.jar}), the command line's jar of libraries ({@code
 * target/tok.jar}), then {@code TOK_PLUGIN_PATH}, with plugin discovery told that none of the first
 * three holds a plugin. What it promises and what a user of the command line sees: plugins on the
 * path, and the libraries only the big jar holds.
 */
class LauncherIT {
  private static final Path PROJECT = JavaBuild.project();
  private static final String SAMPLE = "samples/gigawatt/racks_per_gw.tok";

  private static Set<String> entries(String jar) throws IOException {
    Set<String> names = new TreeSet<>();
    try (JarFile j = new JarFile(PROJECT.resolve("target").resolve(jar).toFile())) {
      j.stream().forEach(e -> names.add(e.getName()));
    }
    return names;
  }

  /** What the launcher tells discovery ({@code -Dtok.discovery.skip}) must hold for both jars. */
  @Test
  void neitherJarHoldsAPluginOrAFramework() throws IOException {
    for (String jar : List.of("tok.jar", "tok-own.jar", "tok-dsl.jar")) {
      for (String name : entries(jar)) {
        assertFalse(name.startsWith("META-INF/services/org.tokenomics.spi."), jar + " lists a Tok plugin: " + name);
        assertFalse(name.startsWith("org/osgi/framework/") || name.startsWith("org/eclipse/core/runtime/"),
            jar + " holds " + name + ": discovery would have to look for OSGi or Eclipse there");
      }
    }
  }

  @Test
  void theOwnJarIsTokWholeFromTheBigOne() throws IOException {
    Set<String> own = entries("tok-own.jar");
    Set<String> tok = new TreeSet<>();
    for (String name : entries("tok.jar")) {
      if (name.startsWith("org/tokenomics/") || name.equals("org/") || name.equals("META-INF/")
          || name.equals("META-INF/MANIFEST.MF")) {
        tok.add(name);
      }
    }
    assertEquals(tok, own);
    assertTrue(own.contains("org/tokenomics/dsl/prelude/kinds.tok"), "the prelude");
    try (JarFile a = new JarFile(PROJECT.resolve("target/tok-own.jar").toFile());
         JarFile b = new JarFile(PROJECT.resolve("target/tok.jar").toFile())) {
      assertEquals(b.getManifest().getMainAttributes(), a.getManifest().getMainAttributes());
    }
  }

  /** The first jar: the prelude and std modules, stored, so reading them needs no inflater. */
  @Test
  void theDslJarHoldsTheTokFilesStored() throws IOException {
    Set<String> dsl = entries("tok-dsl.jar");
    Set<String> own = new TreeSet<>();
    for (String name : entries("tok-own.jar")) {
      if (name.startsWith("org/tokenomics/dsl/")) {
        own.add(name);
      }
    }
    assertEquals(own, dsl);
    try (JarFile j = new JarFile(PROJECT.resolve("target/tok-dsl.jar").toFile())) {
      j.stream().forEach(e -> assertEquals(java.util.zip.ZipEntry.STORED, e.getMethod(), e.getName()));
    }
  }

  /**
   * Plugins on {@code TOK_PLUGIN_PATH} (a function, a module, units, a reporter) with and without
   * the class-data archive (the plugin jar is appended to the archived class path), and a format
   * whose library only the big jar holds.
   */
  @Test
  void runFindsPluginsAndTheBigJarsLibraries(@TempDir Path dir) throws Exception {
    Path model = dir.resolve("acme.tok");
    Files.writeString(model, """
        import "acme:prices"
        let racks = 100 rack
        report value = acme_discount($10B, years: 2 yr) as $B
        report rack_year = acme_rack_year as $k
        report gpus = racks as GPU
        """);
    String plugin = PluginJar.get().toString();
    for (String cds : List.of("0", "1")) {
      Run md = tok(Map.of("TOK_PLUGIN_PATH", plugin, "TOK_CDS", cds), "run", model.toString(), "--format", "markdown");
      assertEquals(0, md.code(), md.toString());
      assertTrue(md.out().contains("| value | 8.57 | $B |"), md.toString());
      assertTrue(md.out().contains("| gpus | 7200.00 | GPU |"), md.toString());
    }
    Run json = tok(Map.of("TOK_CDS", "0"), "run", SAMPLE, "--format", "json");
    assertEquals(0, json.code(), json.toString());
    JsonNode tree = new ObjectMapper().readTree(json.out());
    assertTrue(tree.toString().contains("racks"), json.out());
    Run missing = tok(Map.of("TOK_CDS", "0"), "run", model.toString());
    assertEquals(1, missing.code(), "without the plugin path the model does not compile: " + missing);
  }

  /**
   * A one-shot command's JVM options (G1 for the archive's heap objects, no cryptography, Base64 or
   * BigInteger stubs, C1 only) change its start, never a value: every value of these samples (JSON:
   * each double in full) is the same as under the serial collector with every stub and C2.
   */
  @Test
  void theOneShotOptionsChangeNoValue() throws Exception {
    assertEquals(0, tok(Map.of(), "run", SAMPLE).code()); // makes the class-data archive when the jar is newer
    for (String sample : List.of(SAMPLE, "samples/gigawatt/two_dark_years.tok", "samples/tokens/cost_curves.tok",
        "samples/debt/gpu_loans.tok")) {
      Run fast = tok(Map.of(), "run", sample, "--format", "json");
      Run plain = tok(Map.of("TOK_JAVA_OPTS", "-Xss16m -XX:+UseSerialGC"), "run", sample, "--format", "json");
      assertEquals(0, fast.code(), fast.toString());
      assertEquals(plain.out(), fast.out(), sample);
      assertEquals(plain.err(), fast.err(), sample);
    }
  }

  /**
   * The one-shot options carry -XX:+IgnoreUnrecognizedVMOptions, so that a JDK lacking one of them
   * still starts; it would also hide a mistyped one. Without it, this JDK must take every one.
   */
  @Test
  void everyOneShotOptionIsOneThisJdkKnows() throws Exception {
    String script = Files.readString(PROJECT.resolve("tok"), StandardCharsets.UTF_8);
    List<String> options = new java.util.ArrayList<>();
    for (String array : List.of("jit", "gc")) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?s)\\n" + array + "=\\((.*?)\\)").matcher(script);
      assertTrue(m.find(), array + "=(...) in the launcher");
      for (String option : m.group(1).trim().split("\\s+")) {
        if (!option.equals("-XX:+IgnoreUnrecognizedVMOptions")) {
          options.add(option);
        }
      }
    }
    assertTrue(options.size() > 15, options.toString());
    List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    cmd.addAll(options);
    cmd.add("-version");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    assertFalse(out.contains("Unrecognized"), out);
  }

  private record Run(int code, String out, String err) {}

  private static Run tok(Map<String, String> env, String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of(PROJECT.resolve("tok").toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(PROJECT.toFile());
    pb.environment().remove("TOK_PLUGIN_PATH");
    pb.environment().remove("TOK_JAVA_OPTS");
    pb.environment().putAll(env);
    Path out = Files.createTempFile("tok-launcher", ".out");
    Path err = Files.createTempFile("tok-launcher", ".err");
    try {
      Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      int code = p.waitFor();
      return new Run(code, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}

package org.tokenomics.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles Java sources and packs jars for tests that prove things from outside the library. */
public final class JavaBuild {
  private JavaBuild() {}

  /** The project folder (Surefire and Failsafe set {@code basedir}). */
  public static Path project() {
    String base = System.getProperty("basedir");
    return (base != null ? Path.of(base) : Path.of("")).toAbsolutePath();
  }

  /** The jar or folder a class was loaded from. */
  public static Path locationOf(Class<?> c) {
    try {
      return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Compiles {@code sources} into {@code out} against {@code classpath}; fails with javac's output. */
  public static void compile(List<Path> sources, List<Path> classpath, Path out) throws IOException {
    Files.createDirectories(out);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("the tests need a JDK (javax.tools), not a JRE");
    }
    List<String> args = new ArrayList<>(List.of("--release", "17", "-encoding", "UTF-8", "-d", out.toString(),
        "-cp", String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList())));
    sources.forEach(s -> args.add(s.toString()));
    java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
    int code = javac.run(null, log, log, args.toArray(String[]::new));
    if (code != 0) {
      throw new AssertionError("javac failed:\n" + log.toString(java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  /** Every file under {@code dir} whose name ends with {@code suffix}. */
  public static List<Path> files(Path dir, String suffix) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(suffix)).sorted().toList();
    }
  }

  /** Packs every file under each folder into a jar, with {@code manifest} (may be null). */
  public static void jar(Path jar, Manifest manifest, Path... folders) throws IOException {
    Files.createDirectories(jar.getParent());
    try (OutputStream o = Files.newOutputStream(jar);
         JarOutputStream j = manifest == null ? new JarOutputStream(o) : new JarOutputStream(o, manifest)) {
      for (Path folder : folders) {
        for (Path f : files(folder, "")) {
          String name = folder.relativize(f).toString().replace('\\', '/');
          if (name.equals("META-INF/MANIFEST.MF") || name.endsWith(".java") || name.endsWith("README.md")) {
            continue;
          }
          j.putNextEntry(new JarEntry(name));
          Files.copy(f, j);
          j.closeEntry();
        }
      }
    }
  }

  /** Deletes a folder tree if it exists. */
  public static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}

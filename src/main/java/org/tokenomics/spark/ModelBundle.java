package org.tokenomics.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.tokenomics.Model;
import org.tokenomics.Tokenomics;

/**
 * What an executor needs to compile a model exactly as the driver did: the main file's path
 * relative to the model's folder, the text of every {@code .tok} and data ({@code .csv}) file in
 * that folder (imports are confined to it, so every import and data file a model can reach is
 * there), the Tok version, the plugin functions the driver compiled with, and a SHA-256 of all of
 * it, which names the bundle in each executor's cache ({@link BundleCache}). Serializable and
 * immutable; made on the driver by {@link #of(Path)}, which compiles the model first so a broken
 * model fails there with Tok's diagnostics, before any task starts.
 *
 * @param main    the main file, relative to the model's folder, with {@code /} separators
 * @param files   relative path to text, sorted by path: the main file, imports and data files
 * @param version the Tok version that made the bundle
 * @param plugins the plugin functions of the driver's {@link Tokenomics}, sorted
 * @param hash    SHA-256 (hex) of the other components
 */
public record ModelBundle(String main, Map<String, String> files, String version, List<String> plugins, String hash)
    implements Serializable {
  private static final long serialVersionUID = 1L;
  /** The most bytes of source and data a bundle carries to every executor. */
  public static final long MAX_BYTES = 64L << 20;
  /** How deep below the model's folder files are bundled. */
  private static final int MAX_DEPTH = 8;

  /**
   * A bundle as given; the hash must match the other components.
   *
   * @param main    the main file, relative to the model's folder
   * @param files   relative path to text
   * @param version the Tok version
   * @param plugins the plugin functions
   * @param hash    the SHA-256 of the other components
   */
  public ModelBundle {
    files = Collections.unmodifiableMap(new TreeMap<>(files));
    plugins = List.copyOf(plugins);
    String actual = digest(main, files, version, plugins);
    if (!actual.equals(hash)) {
      throw new IllegalArgumentException(SparkMessages.tampered(hash, actual));
    }
  }

  /**
   * Bundles the model whose main file is {@code main} after compiling it with {@link
   * Tokenomics#standard()}: a model with errors throws {@link org.tokenomics.CompilationException}
   * carrying its diagnostics.
   *
   * @param main the model's main {@code .tok} file
   * @return the bundle
   */
  public static ModelBundle of(Path main) {
    return of(Tokenomics.standard(), main);
  }

  /**
   * Bundles the model whose main file is {@code main} after compiling it with {@code tok}.
   *
   * @param tok  the toolchain the driver compiles with (its plugin functions are recorded)
   * @param main the model's main {@code .tok} file
   * @return the bundle
   */
  public static ModelBundle of(Tokenomics tok, Path main) {
    if (!Files.isRegularFile(main) || !main.toString().endsWith(".tok")) {
      throw new IllegalArgumentException(SparkMessages.notAFile(main.toString()));
    }
    tok.compile(main).model(); // CompilationException with the diagnostics, on the driver
    Path root = main.toAbsolutePath().normalize().getParent();
    Map<String, String> files = new TreeMap<>();
    long bytes = 0;
    try (Stream<Path> walk = Files.walk(root, MAX_DEPTH)) {
      List<Path> found = walk.filter(Files::isRegularFile).filter(ModelBundle::bundled)
          .filter(p -> !hidden(root.relativize(p))).sorted().toList();
      for (Path p : found) {
        bytes += Files.size(p);
        if (bytes > MAX_BYTES) {
          throw new IllegalArgumentException(SparkMessages.bundleTooLarge(root.toString(), MAX_BYTES));
        }
        files.put(relative(root, p), Files.readString(p, StandardCharsets.UTF_8));
      }
    } catch (IOException | UncheckedIOException e) {
      throw new IllegalArgumentException(SparkMessages.unreadable(root.toString(), String.valueOf(e.getMessage())), e);
    }
    String m = relative(root, main.toAbsolutePath().normalize());
    List<String> plugins = new ArrayList<>(tok.functions());
    Collections.sort(plugins);
    String version = tokVersion();
    return new ModelBundle(m, files, version, plugins, digest(m, files, version, plugins));
  }

  /**
   * Compiles the bundle with {@code tok} from the files written under {@code dir} (an executor's
   * copy): the model a task evaluates.
   *
   * @param tok the executor's toolchain
   * @param dir an empty folder to write the files into
   * @return the model
   * @throws IllegalStateException when the executor's Tok or plugins differ from the driver's, or the model does not
   *                               compile there
   */
  public Model compile(Tokenomics tok, Path dir) {
    if (!version.equals(tokVersion())) {
      throw new IllegalStateException(SparkMessages.versionMismatch(version, tokVersion()));
    }
    List<String> missing = plugins.stream().filter(f -> !tok.functions().contains(f)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException(SparkMessages.pluginsMismatch(missing));
    }
    try {
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path target = dir.resolve(f.getKey()).normalize();
        if (!target.startsWith(dir)) { // a bundle names files inside its folder only
          throw new IllegalStateException(SparkMessages.unreadable(f.getKey(), "outside the model's folder"));
        }
        Files.createDirectories(target.getParent());
        Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    org.tokenomics.Compilation c = tok.compile(dir.resolve(main));
    if (!c.ok()) {
      throw new IllegalStateException(SparkMessages.executorCompile(main, c.diagnostics()));
    }
    return c.model();
  }

  /** The Tok version of the library jar (its manifest), or {@code dev} when run from classes. */
  static String tokVersion() {
    String v = Tokenomics.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  private static boolean bundled(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".tok") || n.endsWith(".csv");
  }

  private static boolean hidden(Path rel) {
    for (Path part : rel) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static String relative(Path root, Path p) {
    return root.relativize(p).toString().replace('\\', '/');
  }

  private static String digest(String main, Map<String, String> files, String version, List<String> plugins) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      java.util.function.Consumer<String> add = s -> {
        md.update(s.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
      };
      add.accept(main);
      add.accept(version);
      plugins.forEach(add);
      new TreeMap<>(files).forEach((k, v) -> {
        add.accept(k);
        add.accept(v);
      });
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}

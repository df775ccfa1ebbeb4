package org.tokenomics.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.tokenomics.Model;
import org.tokenomics.Tokenomics;

/**
 * The models compiled in this JVM, by bundle hash: an executor compiles a bundle once, however
 * many tasks it runs, and the driver compiles its own copy the same way (so the driver's model
 * and the executors' have the same sources, which {@link org.tokenomics.Simulation#merge} checks).
 * The files are written to a temporary folder only while compiling (imports and data are read
 * then) and deleted afterwards. Thread-safe: tasks of one executor share it.
 */
final class BundleCache {
  private BundleCache() {}

  /** A model is a few kilobytes of program; a long-lived executor keeps at most this many. */
  private static final int MAX_MODELS = 64;
  private static final Map<String, Model> MODELS = new ConcurrentHashMap<>();
  private static volatile Tokenomics tok;

  /** The model of {@code bundle}, compiled on first use in this JVM. */
  static Model model(ModelBundle bundle) {
    Model m = MODELS.get(bundle.hash());
    if (m != null) {
      return m;
    }
    if (MODELS.size() >= MAX_MODELS) {
      MODELS.clear();
    }
    return MODELS.computeIfAbsent(bundle.hash(), h -> compile(bundle));
  }

  /** How many bundles this JVM has compiled and keeps (for tests). */
  static int size() {
    return MODELS.size();
  }

  private static Model compile(ModelBundle bundle) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("tok-bundle-" + bundle.hash().substring(0, 12) + "-");
      return bundle.compile(toolchain(), dir.toRealPath());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(dir);
    }
  }

  private static Tokenomics toolchain() {
    Tokenomics t = tok;
    if (t == null) {
      t = Tokenomics.standard();
      tok = t;
    }
    return t;
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      dir.toFile().deleteOnExit(); // a temporary folder left behind is harmless
    }
  }
}

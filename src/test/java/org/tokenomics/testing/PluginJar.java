package org.tokenomics.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Manifest;
import org.tokenomics.Tokenomics;

/**
 * The sample plugin of {@code src/test/plugin}, compiled against the library's API and packed
 * into {@code target/test-plugins/acme-tok.jar} (a plain jar and an OSGi bundle) once per JVM.
 */
public final class PluginJar {
  private static Path built;

  private PluginJar() {}

  /** The plugin jar, built on first use. */
  public static synchronized Path get() throws IOException {
    if (built == null) {
      Path src = JavaBuild.project().resolve("src/test/plugin");
      Path work = JavaBuild.project().resolve("target/test-plugins");
      Path classes = work.resolve("acme-classes");
      JavaBuild.delete(classes);
      Path api = JavaBuild.locationOf(Tokenomics.class);
      Path osgi = JavaBuild.locationOf(org.osgi.framework.BundleActivator.class);
      JavaBuild.compile(JavaBuild.files(src, ".java"), List.of(api, osgi), classes);
      Manifest manifest;
      try (InputStream in = Files.newInputStream(src.resolve("META-INF/MANIFEST.MF"))) {
        manifest = new Manifest(in);
      }
      Path jar = work.resolve("acme-tok.jar");
      JavaBuild.jar(jar, manifest, classes, src);
      built = jar;
    }
    return built;
  }
}

package org.tokenomics.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Manifest;
import org.tokenomics.Tokenomics;

/** The host bundle of {@code src/test/osgi-consumer}, built once per JVM into target/test-plugins. */
public final class ConsumerBundle {
  private static Path built;

  private ConsumerBundle() {}

  /** The bundle jar, built on first use. */
  public static synchronized Path get() throws IOException {
    if (built == null) {
      Path src = JavaBuild.project().resolve("src/test/osgi-consumer");
      Path classes = JavaBuild.project().resolve("target/test-plugins/consumer-classes");
      JavaBuild.delete(classes);
      JavaBuild.compile(JavaBuild.files(src, ".java"),
          List.of(JavaBuild.locationOf(Tokenomics.class), JavaBuild.locationOf(org.osgi.framework.BundleActivator.class)),
          classes);
      Manifest manifest;
      try (InputStream in = Files.newInputStream(src.resolve("META-INF/MANIFEST.MF"))) {
        manifest = new Manifest(in);
      }
      Path jar = JavaBuild.project().resolve("target/test-plugins/consumer.jar");
      JavaBuild.jar(jar, manifest, classes);
      built = jar;
    }
    return built;
  }
}

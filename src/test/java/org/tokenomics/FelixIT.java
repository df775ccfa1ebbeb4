package org.tokenomics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tokenomics.testing.JavaBuild;
import org.tokenomics.testing.OsgiFramework;

/**
 * Apache Felix, a plain OSGi framework without Eclipse's extension registry: the ACME plugin's
 * function registered as an OSGi service is what a Felix host can contribute.
 */
class FelixIT extends OsgiHostContract {
  @Override
  OsgiFramework launch(Path work) throws Exception {
    Path felix = JavaBuild.project().resolve("target/it-deps/org.apache.felix.framework.jar");
    assertTrue(Files.isRegularFile(felix), "the build copies Felix to " + felix);
    return new OsgiFramework(felix, "org.apache.felix.framework.FrameworkFactory", work.resolve("storage"), Map.of());
  }

  @Override
  List<Path> platform() {
    return List.of();
  }

  @Override
  int neverStartedState() {
    return OsgiFramework.RESOLVED;
  }

  @Override
  String script() {
    return "report margin = acme_margin($10/yr, $4/yr) as %\n";
  }

  @Override
  Map<String, Double> expected() {
    return Map.of("margin", 60.0);
  }
}
